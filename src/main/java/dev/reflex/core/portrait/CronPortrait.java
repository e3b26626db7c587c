package dev.reflex.core.portrait;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list of cron rules (IHPA {@code cron.crons}, or HorizontalPortrait {@code portraitData.cron.crons}).
 *
 * <p>Overlapping rules. Kapacity rejects overlaps with an error that blocks the whole autoscaler; we resolve
 * them instead, so that an override window can be laid over a longer one:
 * <ol>
 *   <li>the active rule whose current window started latest wins (the most recent instruction);</li>
 *   <li>on equal starts, the rule with more replicas wins;</li>
 *   <li>then the rule listed first wins.</li>
 * </ol>
 * Example: {@code day} 09:00–18:00 with 10 replicas and {@code lunch} 12:00–13:00 with 4: 10 until noon, 4 until
 * 13:00, then 10 again until 18:00. The value expires at the winner's window end; the reading's wake-up instant
 * is the earliest start or end of any rule, because any of them may change the winner.
 *
 * <p>Clock offset. The rules may be read as if the clock were {@code clockOffset} ahead (a walkthrough of an
 * hourly schedule starts a minute before the boundary it shows instead of waiting for it); the instants of the
 * reading stay on the real clock, so timers armed for them fire when the shifted boundary is reached.
 *
 * @param rules the rules, at least one
 * @param clockOffset how far ahead of {@code now} the rules are read, zero or more
 */
public record CronPortrait(List<CronRule> rules, Duration clockOffset) implements PortraitData {

  public CronPortrait {
    rules = List.copyOf(rules);
    if (rules.isEmpty()) {
      throw new IllegalArgumentException("cron.crons: must contain at least one rule");
    }
    if (clockOffset.isNegative()) {
      throw new IllegalArgumentException("cron clock offset: must not be negative, got " + clockOffset);
    }
  }

  /** Rules read on the real clock. */
  public CronPortrait(List<CronRule> rules) {
    this(rules, Duration.ZERO);
  }

  /** The same rules read {@code offset} ahead. */
  public CronPortrait withClockOffset(Duration offset) {
    return new CronPortrait(rules, offset);
  }

  @Override
  public PortraitReading read(String provider, Instant now) {
    PortraitReading shifted = readAt(provider, now.plus(clockOffset));
    if (clockOffset.isZero()) {
      return shifted;
    }
    Optional<Instant> wakeAt = shifted.wakeAt().map(at -> at.minus(clockOffset));
    return shifted.value()
        .map(v -> PortraitReading.of(new PortraitValue(v.provider(), v.replicas(),
            v.expireTime().map(at -> at.minus(clockOffset))), wakeAt, shifted.detail()))
        .orElseGet(() -> PortraitReading.none(wakeAt, shifted.detail()));
  }

  private PortraitReading readAt(String provider, Instant now) {
    Optional<Instant> wakeAt = Optional.empty();
    CronRule winner = null;
    CronRule.Window winnerWindow = null;
    List<String> overridden = new ArrayList<>();
    for (CronRule rule : rules) {
      CronRule.Window window = rule.windowAt(now);
      wakeAt = PortraitReading.earliest(wakeAt, window.nextBoundary());
      if (!window.active()) {
        continue;
      }
      if (winner == null) {
        winner = rule;
        winnerWindow = window;
      } else if (beats(rule, window, winner, winnerWindow)) {
        overridden.add(winner.name());
        winner = rule;
        winnerWindow = window;
      } else {
        overridden.add(rule.name());
      }
    }
    if (winner == null) {
      return PortraitReading.none(wakeAt, "no cron rule active");
    }
    String detail = "cron rule \"" + winner.name() + "\" active"
        + (overridden.isEmpty() ? "" : ", overriding " + quoted(overridden));
    return PortraitReading.of(new PortraitValue(provider, winner.replicas(), winnerWindow.endsAt()), wakeAt, detail);
  }

  private static boolean beats(CronRule rule, CronRule.Window window, CronRule best, CronRule.Window bestWindow) {
    int byStart = window.startedAt().orElseThrow().compareTo(bestWindow.startedAt().orElseThrow());
    if (byStart != 0) {
      return byStart > 0;
    }
    return rule.replicas() > best.replicas();
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").reduce((a, b) -> a + ", " + b).orElse("");
  }
}
