package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.ReplicaCron;
import dev.reflex.core.portrait.CronSchedule;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules for cron rule lists: names present and unique, start and end cron expressions that parse and differ, a
 * known IANA time zone, replicas not negative. The expressions and zones are read by {@link CronSchedule}, the
 * parser the cron portrait itself uses, so what passes here is what the controller runs.
 */
final class CronRules {

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
      if (checks.required(at + ".name", cron.name()) && !names.add(cron.name())) {
        checks.add(at + ".name", "duplicate cron rule name \"" + cron.name() + "\"");
      }
      String tz = cron.timeZone();
      if (tz != null && !tz.isEmpty() && !CronSchedule.isKnownZone(tz)) {
        checks.add(at + ".timeZone", "\"" + tz + "\" is not a known IANA time zone such as UTC or Asia/Shanghai");
      }
      boolean startOk = expression(checks, at + ".start", cron.start());
      boolean endOk = expression(checks, at + ".end", cron.end());
      if (startOk && endOk && cron.start().trim().equals(cron.end().trim())) {
        checks.add(at + ".end", "equals start, so the rule would never be active");
      }
      if (checks.required(at + ".replicas", cron.replicas())) {
        checks.atLeast(at + ".replicas", cron.replicas(), 0);
      }
    }
  }

  /** Checks one cron expression field and tells whether it is present and parses. */
  static boolean expression(Checks checks, String field, String expression) {
    if (!checks.required(field, expression)) {
      return false;
    }
    Optional<String> problem = CronSchedule.problem(expression);
    problem.ifPresent(p -> checks.add(field, "\"" + expression + "\" is not a valid five-field cron expression: " + p));
    return problem.isEmpty();
  }
}
