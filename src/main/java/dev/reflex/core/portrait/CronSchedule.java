package dev.reflex.core.portrait;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;
import java.util.Optional;

/**
 * A standard 5-field cron expression read as wall-clock times in one time zone.
 *
 * <p>Accepted syntax: {@link CronSyntax}'s (robfig/cron's standard parser, as Kapacity reads its rules): the five
 * Unix fields (minute, hour, day of month, month, day of week, with names such as {@code jan} and {@code sun},
 * ranges, lists and steps); {@code ?} as a synonym of {@code *}; the descriptors {@code @yearly},
 * {@code @annually}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight} and {@code @hourly}; and a
 * leading {@code CRON_TZ=<zone>} or {@code TZ=<zone>} that overrides the rule's zone. {@code @every <duration>} is
 * rejected here: it is not a calendar schedule.
 *
 * <p>Daylight saving time. The expression is matched against local wall-clock time, and each matching local
 * time is mapped to an instant as follows:
 * <ul>
 *   <li>a local time skipped by a spring-forward transition fires at the transition instant: {@code 30 2 * * *}
 *       in Europe/Berlin on 2024-03-31 fires at 03:00 CEST (01:00Z), so a daily window is never silently lost;
 *   <li>a local time repeated by a fall-back transition fires once, at its first occurrence: {@code 30 2 * * *}
 *       on 2024-10-27 fires at 02:30 CEST (00:30Z) only.
 * </ul>
 * This mapping never decreases as wall-clock time increases, which is what makes {@link #nextAfter} and
 * {@link #lastAtOrBefore} a short forward search. Schedules are evaluated at minute resolution.
 */
public final class CronSchedule {

  private static final CronDefinition UNIX = CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX);

  /** Upper bound on the forward search; a fall-back hour needs at most 60 steps, so this is never reached. */
  private static final int MAX_STEPS = 10_000;

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
  }

  /**
   * Parses an expression.
   *
   * @param field the field name used in error messages, such as {@code cron rule "cron-1" start}
   * @param expression the cron expression
   * @param zone the zone used unless the expression carries a {@code CRON_TZ=} or {@code TZ=} prefix
   * @throws IllegalArgumentException naming {@code field} when the expression or its zone is invalid
   */
  public static CronSchedule parse(String field, String expression, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException(field + ": cron expression must not be empty");
    }
    try {
      return read(expression, zone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": invalid cron expression \"" + expression + "\": "
          + e.getMessage(), e);
    }
  }

  /**
   * Why a (non-blank) expression is not an accepted cron expression, or empty when it is: the check API
   * validation runs, with the same reasons {@link #parse} gives.
   */
  public static Optional<String> problem(String expression) {
    try {
      read(expression, ZoneOffset.UTC);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Reads the grammar described on the class: {@link CronSyntax} decides what parses and words why not; the
   * evaluation is cron-utils' over the five fields. Failures carry the bare reason.
   */
  private static CronSchedule read(String expression, ZoneId zone) {
    String text = expression.trim();
    Optional<String> problem = CronSyntax.problem(text);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    ZoneId effectiveZone = zone;
    if (text.startsWith("CRON_TZ=") || text.startsWith("TZ=")) {
      // The syntax guarantees fields after the zone.
      int space = text.indexOf(' ');
      String zoneName = text.substring(text.indexOf('=') + 1, space);
      // Go's Local is the process's zone; Reflex, like a controller in a pod, reads it as UTC.
      effectiveZone = zoneName.equals("Local") ? ZoneOffset.UTC : ZoneId.of(zoneName);
      text = text.substring(space + 1).trim();
    }
    if (text.startsWith("@every")) {
      throw new IllegalArgumentException(
          "@every intervals are not supported, use five fields or a descriptor such as @hourly");
    }
    if (text.startsWith("@")) {
      text = CronSyntax.DESCRIPTORS.get(text);
    }
    Cron cron;
    try {
      // A parser per call: parsing happens only when a spec changes, and nothing is shared between threads.
      cron = new CronParser(UNIX).parse(text.replace('?', '*')).validate();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // cron-utils prefixes the reason with a generic sentence; callers already say what failed.
      throw new IllegalArgumentException(message.replaceFirst("^Failed to parse cron expression\\.\\s*", "")
          .replaceFirst("^Failed to parse '[^']*'\\.\\s*", ""), e);
    }
    return new CronSchedule(expression.trim(), effectiveZone, ExecutionTime.forCron(cron));
  }

  /**
   * Parses an IANA time zone name, as Go's {@code time.LoadLocation} reads a rule's zone: region names such as
   * {@code Asia/Shanghai} and {@code UTC}, not offsets such as {@code +08:00}.
   *
   * @throws IllegalArgumentException naming {@code field} when the zone is unknown
   */
  public static ZoneId parseZone(String field, String zoneName) {
    if (zoneName == null || zoneName.isBlank()) {
      throw new IllegalArgumentException(field + ": time zone must not be empty");
    }
    if (!isKnownZone(zoneName)) {
      throw new IllegalArgumentException(field + ": \"" + zoneName + "\" is not a known IANA time zone");
    }
    return ZoneId.of(zoneName);
  }

  /** Whether the name is an IANA time zone (region) name. */
  public static boolean isKnownZone(String zoneName) {
    return zoneName.equals("UTC") || ZoneId.getAvailableZoneIds().contains(zoneName);
  }

  /** The expression as written (trimmed). */
  public String expression() {
    return expression;
  }

  /** The zone the expression is read in. */
  public ZoneId zone() {
    return zone;
  }

  /** The first firing instant strictly after {@code now}, empty if the expression never fires. */
  public Optional<Instant> nextAfter(Instant now) {
    return firstWallFireAfter(now).map(this::toInstant);
  }

  /** The latest firing instant at or before {@code now}, empty if the expression never fires. */
  public Optional<Instant> lastAtOrBefore(Instant now) {
    Optional<LocalDateTime> firstAfter = firstWallFireAfter(now);
    Optional<ZonedDateTime> previous = firstAfter.isPresent()
        ? execution.lastExecution(firstAfter.get().atZone(ZoneOffset.UTC))
        : execution.lastExecution(LocalDateTime.ofInstant(now, zone).plusMinutes(1).atZone(ZoneOffset.UTC));
    return previous.map(p -> toInstant(p.toLocalDateTime())).filter(at -> !at.isAfter(now));
  }

  /**
   * The first matching wall-clock time whose instant is after {@code now}. The search starts at the local time
   * of {@code now}: every earlier local time maps to an instant at or before {@code now} because the mapping is
   * monotonic. Inside a repeated (fall-back) hour the first few matches may still map before {@code now}, hence
   * the loop.
   */
  private Optional<LocalDateTime> firstWallFireAfter(Instant now) {
    ZonedDateTime cursor = LocalDateTime.ofInstant(now, zone).atZone(ZoneOffset.UTC);
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<ZonedDateTime> next = execution.nextExecution(cursor);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      LocalDateTime wall = next.get().toLocalDateTime();
      if (toInstant(wall).isAfter(now)) {
        return Optional.of(wall);
      }
      cursor = next.get();
    }
    return Optional.empty();
  }

  /** Maps a local wall-clock time to an instant with the DST rules described on the class. */
  private Instant toInstant(LocalDateTime wall) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(wall);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    // Outside transitions there is one offset; in an overlap ofLocal keeps the earlier one (first occurrence).
    return ZonedDateTime.ofLocal(wall, zone, null).toInstant();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expression, zone);
  }

  @Override
  public String toString() {
    return expression + " (" + zone + ")";
  }
}
