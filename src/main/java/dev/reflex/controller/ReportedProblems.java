package dev.reflex.controller;

import dev.reflex.bus.TargetKey;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the problem last reported for each object, so a Warning event goes out once when a problem appears
 * rather than on every reconcile. The status condition would tell the same, but the informer cache can lag behind
 * our own status write by a reconcile or two; this memory cannot.
 */
final class ReportedProblems {

  private final Map<TargetKey, String> reported = new HashMap<>();

  /** True the first time {@code problem} is seen for {@code key} since it was last cleared or changed. */
  boolean firstReport(TargetKey key, String problem) {
    return !problem.equals(reported.put(key, problem));
  }

  void clear(TargetKey key) {
    reported.remove(key);
  }
}
