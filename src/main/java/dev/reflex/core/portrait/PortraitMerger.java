package dev.reflex.core.portrait;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Merges the IHPA's portrait providers into one target. The entry point of this package.
 *
 * <p>Rules, providers taken in spec order:
 * <ol>
 *   <li>a provider without a valid value at {@code now} (none, or expired) is skipped, so a higher priority
 *       falls through to lower ones;</li>
 *   <li>the highest priority wins;</li>
 *   <li>on equal priority the value with more replicas wins; on a full tie the provider listed first;</li>
 *   <li>the winner's replicas are clamped to [min, max] to give the target; the winner's own value is returned
 *       untouched, so the clamped number is never mistaken for a portrait (Kapacity writes the clamped value
 *       back and then sees a "change" on every reconcile).</li>
 * </ol>
 * Example: Static 1 (priority 1) and Cron 5 (priority 2) active at hh:05 with min 1, max 3: Cron wins with
 * portrait 5, target 3, limit {@code TooManyReplicas}. At hh:15 Cron has no value and Static gives 1.
 */
public final class PortraitMerger {

  private PortraitMerger() {
  }

  /**
   * Reads every provider at {@code now} and picks the winner.
   *
   * @param providers the providers in spec order
   * @param bounds min/max replicas
   * @param now the instant of evaluation
   * @return the winner and clamped target, or {@link MergeOutcome.NoValidValue}; both carry every reading and
   *     the next wake-up instant
   */
  public static MergeOutcome merge(List<PortraitProvider> providers, ReplicaBounds bounds, Instant now) {
    Objects.requireNonNull(providers, "providers");
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(now, "now");
    List<ProviderReading> readings = new ArrayList<>(providers.size());
    Optional<Instant> wakeAt = Optional.empty();
    ProviderReading best = null;
    PortraitValue bestValue = null;
    for (PortraitProvider provider : providers) {
      PortraitReading reading = provider.read(now);
      ProviderReading entry = new ProviderReading(provider.identifier(), provider.type(), provider.priority(),
          reading);
      readings.add(entry);
      wakeAt = PortraitReading.earliest(wakeAt, reading.wakeAt());
      Optional<PortraitValue> value = reading.value().filter(v -> v.isValidAt(now));
      if (value.isEmpty()) {
        continue;
      }
      if (best == null || provider.priority() > best.priority()
          || provider.priority() == best.priority() && value.get().replicas() > bestValue.replicas()) {
        best = entry;
        bestValue = value.get();
      }
    }
    if (best == null) {
      return new MergeOutcome.NoValidValue(readings, wakeAt);
    }
    return new MergeOutcome.Merged(bestValue, best, bounds.clamp(bestValue.replicas()),
        bounds.limitOf(bestValue.replicas()), readings, wakeAt);
  }
}
