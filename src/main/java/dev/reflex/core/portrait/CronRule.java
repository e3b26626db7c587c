package dev.reflex.core.portrait;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One IHPA {@code ReplicaCron} rule: {@code replicas} online from each {@code start} until the {@code end} that
 * follows it.
 *
 * <p>Activity: let {@code s} be the latest start at or before {@code now} and {@code e} the first end strictly
 * after {@code s}. The rule is active iff {@code s} exists and ({@code e} does not exist or {@code now < e}).
 * The start instant is inclusive and the end instant exclusive: with {@code start: 0 * * * *} and
 * {@code end: 10 * * * *} the rule is active on [hh:00, hh:10). When a start coincides with an end (the same
 * minute), the rule starts a new window there rather than ending: {@code start: 0 9,12 * * *} with
 * {@code end: 0 12,18 * * *} is active from 09:00 to 18:00 without a gap at noon. A start whose end never
 * comes keeps the rule active indefinitely.
 *
 * @param name rule name, used in status details and error messages
 * @param start the start schedule
 * @param end the end schedule
 * @param replicas desired online replicas while active, never negative
 */
public record CronRule(String name, CronSchedule start, CronSchedule end, int replicas) {

  /** The default zone of a rule: UTC, as in the IHPA API. */
  public static final String DEFAULT_TIME_ZONE = "UTC";

  public CronRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (name.isBlank()) {
      throw new IllegalArgumentException("cron rule name: must not be blank");
    }
    if (replicas < 0) {
      throw new IllegalArgumentException("cron rule \"" + name + "\" replicas: must be >= 0, got " + replicas);
    }
  }

  /**
   * Parses a rule from its API fields.
   *
   * @param timeZone IANA zone name; {@code null} or blank means {@value #DEFAULT_TIME_ZONE}
   * @throws IllegalArgumentException naming the rule and field when an expression or the zone is invalid
   */
  public static CronRule of(String name, String start, String end, String timeZone, int replicas) {
    String label = "cron rule \"" + name + "\"";
    String zoneName = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone;
    ZoneId zone = CronSchedule.parseZone(label + " timeZone", zoneName);
    return new CronRule(name, CronSchedule.parse(label + " start", start, zone),
        CronSchedule.parse(label + " end", end, zone), replicas);
  }

  /**
   * The rule's window around {@code now}.
   *
   * @return whether it is active, when the current window started and ends, and the next instant at which its
   *     activity may change (the earlier of the next start and the next end)
   */
  public Window windowAt(Instant now) {
    Optional<Instant> nextBoundary = PortraitReading.earliest(start.nextAfter(now), end.nextAfter(now));
    Optional<Instant> lastStart = start.lastAtOrBefore(now);
    if (lastStart.isEmpty()) {
      return new Window(false, Optional.empty(), Optional.empty(), nextBoundary);
    }
    Optional<Instant> endOfWindow = end.nextAfter(lastStart.get());
    boolean active = endOfWindow.map(now::isBefore).orElse(true);
    return active
        ? new Window(true, lastStart, endOfWindow, nextBoundary)
        : new Window(false, Optional.empty(), Optional.empty(), nextBoundary);
  }

  /**
   * A rule's state at one instant.
   *
   * @param active whether the rule is in force
   * @param startedAt the start of the current window when active
   * @param endsAt the end of the current window when active and it has one
   * @param nextBoundary the next start or end instant after now
   */
  public record Window(boolean active, Optional<Instant> startedAt, Optional<Instant> endsAt,
      Optional<Instant> nextBoundary) {

    public Window {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(endsAt, "endsAt");
      Objects.requireNonNull(nextBoundary, "nextBoundary");
    }
  }
}
