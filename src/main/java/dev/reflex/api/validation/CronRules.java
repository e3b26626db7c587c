package dev.reflex.api.validation;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.reflex.api.v1alpha1.ReplicaCron;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for cron rule lists: names present and unique, start and end cron expressions that parse and differ, a
 * known IANA time zone, replicas not negative.
 */
final class CronRules {

  private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private static final Map<String, String> DESCRIPTORS = Map.of(
      "@yearly", "0 0 1 1 *",
      "@annually", "0 0 1 1 *",
      "@monthly", "0 0 1 * *",
      "@weekly", "0 0 * * 0",
      "@daily", "0 0 * * *",
      "@midnight", "0 0 * * *",
      "@hourly", "0 * * * *");

  private CronRules() {
  }

  static void check(Checks checks, String path, List<ReplicaCron> crons) {
    if (crons == null || crons.isEmpty()) {
      checks.add(path, "at least one cron rule is required");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < crons.size(); i++) {
      String at = path + "[" + i + "]";
      ReplicaCron cron = crons.get(i);
      if (cron == null) {
        checks.add(at, "is required");
        continue;
      }
      if (checks.required(at + ".name", cron.getName()) && !names.add(cron.getName())) {
        checks.add(at + ".name", "duplicate cron rule name \"" + cron.getName() + "\"");
      }
      String tz = cron.getTimeZone();
      if (tz != null && !tz.isEmpty() && !isKnownZone(tz)) {
        checks.add(at + ".timeZone", "\"" + tz + "\" is not a known IANA time zone such as UTC or Asia/Shanghai");
      }
      boolean startOk = expression(checks, at + ".start", cron.getStart());
      boolean endOk = expression(checks, at + ".end", cron.getEnd());
      if (startOk && endOk && cron.getStart().trim().equals(cron.getEnd().trim())) {
        checks.add(at + ".end", "equals start, so the rule would never be active");
      }
      if (checks.required(at + ".replicas", cron.getReplicas())) {
        checks.atLeast(at + ".replicas", cron.getReplicas(), 0);
      }
    }
  }

  /** Checks one cron expression field and tells whether it is present and parses. */
  static boolean expression(Checks checks, String field, String expression) {
    if (!checks.required(field, expression)) {
      return false;
    }
    Optional<String> problem = problem(expression);
    problem.ifPresent(p -> checks.add(field, "\"" + expression + "\" is not a valid five-field cron expression: " + p));
    return problem.isEmpty();
  }

  /**
   * Why the expression is not an accepted cron expression, or empty when it is. Accepted, as Kapacity's cron
   * library accepts them: five UNIX fields (with names, ranges, lists and steps, and {@code ?} for {@code *}), the
   * descriptors {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}, and a leading
   * {@code CRON_TZ=<zone>} or {@code TZ=<zone>}. {@code @every <duration>} is not a calendar schedule and is refused.
   */
  static Optional<String> problem(String expression) {
    String text = expression.trim();
    if (text.startsWith("CRON_TZ=") || text.startsWith("TZ=")) {
      int space = text.indexOf(' ');
      if (space < 0) {
        return Optional.of("a time zone prefix needs an expression after it");
      }
      String zone = text.substring(text.indexOf('=') + 1, space);
      if (!isKnownZone(zone)) {
        return Optional.of("\"" + zone + "\" is not a known IANA time zone");
      }
      text = text.substring(space + 1).trim();
    }
    if (text.startsWith("@every")) {
      return Optional.of("@every intervals are not supported, use five fields or a descriptor such as @hourly");
    }
    if (text.startsWith("@")) {
      String mapped = DESCRIPTORS.get(text.toLowerCase(Locale.ROOT));
      if (mapped == null) {
        return Optional.of("unknown descriptor " + text);
      }
      text = mapped;
    }
    try {
      UNIX.parse(text.replace('?', '*')).validate();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      // cron-utils prefixes the reason with a generic sentence; the field path already says what failed.
      return Optional.of(message.replaceFirst("^Failed to parse cron expression\\.\\s*", "")
          .replaceFirst("^Failed to parse '[^']*'\\.\\s*", ""));
    }
  }

  static boolean isKnownZone(String tz) {
    return tz.equals("UTC") || ZoneId.getAvailableZoneIds().contains(tz);
  }
}
