package dev.reflex.core.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sorts the selected pods into ready, unready, missing and ignored, as upstream does before every per-pod
 * calculation. The rules, in order:
 * <ol>
 *   <li>deleted or Failed → ignored;</li>
 *   <li>Pending → unready (for every metric);</li>
 *   <li>no sample → missing;</li>
 *   <li>cpu only: no Ready condition or no start time → unready; within the cpu initialization period after start
 *       → unready if Ready is False or the sample's window does not lie entirely after the last readiness change;
 *       after it → unready only if Ready is False and the pod never became ready (its last transition is less than
 *       the initial readiness delay after start);</li>
 *   <li>everything else → ready.</li>
 * </ol>
 * Example (delay 30 s): a pod started at 10:00:00 whose Ready went False at 10:00:20 never became ready → unready;
 * one whose Ready went False at 10:00:30 (exactly start + delay) counts as ready.
 */
final class PodGroups {

  int readyCount;
  final List<String> unready = new ArrayList<>();
  final List<String> missing = new ArrayList<>();
  final List<String> ignored = new ArrayList<>();

  private PodGroups() {
  }

  static PodGroups classify(List<PodInfo> pods, Map<String, Sample> samples, String resource,
      Duration cpuInitializationPeriod, Duration initialReadinessDelay, Instant now) {
    PodGroups groups = new PodGroups();
    boolean cpu = "cpu".equals(resource);
    for (PodInfo pod : pods) {
      if (pod.deleted() || pod.phase() == PodPhase.FAILED) {
        groups.ignored.add(pod.name());
        continue;
      }
      if (pod.phase() == PodPhase.PENDING) {
        groups.unready.add(pod.name());
        continue;
      }
      Sample sample = samples.get(pod.name());
      if (sample == null) {
        groups.missing.add(pod.name());
        continue;
      }
      if (cpu && cpuUnready(pod, sample, cpuInitializationPeriod, initialReadinessDelay, now)) {
        groups.unready.add(pod.name());
        continue;
      }
      groups.readyCount++;
    }
    return groups;
  }

  private static boolean cpuUnready(PodInfo pod, Sample sample, Duration initPeriod, Duration readinessDelay,
      Instant now) {
    if (pod.ready() == Readiness.ABSENT || pod.startTime() == null) {
      return true;
    }
    Instant transition = pod.readyTransitionTime() != null ? pod.readyTransitionTime() : Instant.EPOCH;
    if (pod.startTime().plus(initPeriod).isAfter(now)) {
      // Still initializing: distrust the sample unless it was taken wholly after the pod became ready.
      return pod.ready() == Readiness.FALSE || sample.timestamp().isBefore(transition.plus(sample.window()));
    }
    return pod.ready() == Readiness.FALSE && pod.startTime().plus(readinessDelay).isAfter(transition);
  }

  /** Drops the samples of ignored and unready pods: they take no part in the first pass. */
  void removeIgnoredAndUnready(Map<String, Sample> samples) {
    for (String name : ignored) {
      samples.remove(name);
    }
    for (String name : unready) {
      samples.remove(name);
    }
  }
}
