package dev.reflex.core.portrait;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configured portrait provider with its data, ready to be read at any instant.
 *
 * <p>Rules applied on top of the data's own reading:
 * <ul>
 *   <li>{@code expireTime} (the HorizontalPortrait {@code portraitData.expireTime}) ends everything: at or after
 *       it the provider has no value and nothing to wake for; before it, it caps the value's expiry and the
 *       wake-up instant. Points 4 @ 11:00, 3 @ 11:10, 2 @ 11:20 with expireTime 11:30 give 2 at 11:25
 *       (expires 11:30) and no value at 11:30.</li>
 *   <li>A Dynamic value of 0 replicas counts as no value, as in Kapacity: a computed portrait never drives a
 *       workload to zero; Static and Cron may.</li>
 * </ul>
 *
 * @param type the provider type
 * @param identifier the provider identifier reported in status and events: {@code Static}, {@code Cron} or
 *     {@code Dynamic-<portraitType>}
 * @param priority bigger wins in the merge
 * @param data what the provider knows
 * @param expireTime when the whole data stops being valid, if ever
 */
public record PortraitProvider(ProviderType type, String identifier, int priority, PortraitData data,
    Optional<Instant> expireTime) {

  public PortraitProvider {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(expireTime, "expireTime");
    if (identifier.isBlank()) {
      throw new IllegalArgumentException("portraitProviders.identifier: must not be blank");
    }
  }

  /** A {@code Static} provider. */
  public static PortraitProvider staticReplicas(int priority, int replicas) {
    return new PortraitProvider(ProviderType.STATIC, ProviderType.STATIC.apiName(), priority,
        new StaticPortrait(replicas), Optional.empty());
  }

  /** A {@code Cron} provider. */
  public static PortraitProvider cron(int priority, List<CronRule> rules) {
    return new PortraitProvider(ProviderType.CRON, ProviderType.CRON.apiName(), priority, new CronPortrait(rules),
        Optional.empty());
  }

  /**
   * A {@code Dynamic} provider for a HorizontalPortrait of the given {@code portraitType}.
   *
   * @param data the HorizontalPortrait's {@code status.portraitData}, or {@link NoPortraitData} when absent
   * @param expireTime {@code portraitData.expireTime}
   */
  public static PortraitProvider dynamic(String portraitType, int priority, PortraitData data,
      Optional<Instant> expireTime) {
    if (portraitType == null || portraitType.isBlank()) {
      throw new IllegalArgumentException("portraitProviders.dynamic.portraitType: must not be blank");
    }
    return new PortraitProvider(ProviderType.DYNAMIC, ProviderType.DYNAMIC.apiName() + "-" + portraitType,
        priority, data, expireTime);
  }

  /**
   * This provider with its cron rules read {@code offset} ahead of the clock (see {@link CronPortrait}); any other
   * provider as it is.
   */
  public PortraitProvider withCronClockOffset(Duration offset) {
    return data instanceof CronPortrait cron
        ? new PortraitProvider(type, identifier, priority, cron.withClockOffset(offset), expireTime)
        : this;
  }

  /** Reads the provider at {@code now}. */
  public PortraitReading read(Instant now) {
    if (expireTime.isPresent() && !now.isBefore(expireTime.get())) {
      return PortraitReading.none(Optional.empty(), "portrait data expired at " + expireTime.get());
    }
    PortraitReading reading = data.read(identifier, now);
    Optional<Instant> wakeAt = PortraitReading.earliest(reading.wakeAt(), expireTime);
    if (reading.value().isEmpty()) {
      return PortraitReading.none(wakeAt, reading.detail());
    }
    PortraitValue value = reading.value().get();
    if (type == ProviderType.DYNAMIC && value.replicas() == 0) {
      return PortraitReading.none(wakeAt, reading.detail() + "; a dynamic value of 0 replicas is ignored");
    }
    PortraitValue capped = new PortraitValue(value.provider(), value.replicas(),
        PortraitReading.earliest(value.expireTime(), expireTime));
    return PortraitReading.of(capped, wakeAt, reading.detail());
  }
}
