package dev.reflex.core.hpa;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-metric replica proposals of the upstream replica calculator. All values are milli-units; ratios are
 * doubles computed exactly as upstream computes them so that the same inputs round the same way.
 */
final class ReplicaCalculator {

  static final String NO_PODS = "no pods returned by selector while calculating replica count";
  static final String NO_READY_METRICS = "did not receive metrics for targeted pods (pods might be unready)";

  /**
   * One metric's proposal.
   *
   * @param replicas the proposed replica count
   * @param utilization the first-pass utilization in integer percent (utilization targets only)
   * @param usage the first-pass average, or the value reported in status
   */
  record Proposal(int replicas, int utilization, long usage) {
  }

  private final List<PodInfo> pods;
  private final HpaConfig config;
  private final Tolerances tolerances;
  private final Instant now;

  ReplicaCalculator(List<PodInfo> pods, HpaConfig config, Tolerances tolerances, Instant now) {
    this.pods = pods;
    this.config = config;
    this.tolerances = tolerances;
    this.now = now;
  }

  /**
   * Resource or ContainerResource metric with a Utilization target. Example: two ready pods requesting 200m each
   * use 150m and 160m; utilization = floor(310 × 100 / 400) = 77 %, target 50 % → ratio 1.54 →
   * ceil(1.54 × 2) = 4 replicas.
   */
  Proposal resourceUtilization(int currentReplicas, int targetUtilization, String resource, String container,
      List<PodMetric> podMetrics) throws MetricFailure {
    Map<String, Sample> samples = resourceSamples(podMetrics, resource, container);
    if (pods.isEmpty()) {
      throw new MetricFailure(NO_PODS);
    }
    PodGroups groups = classify(samples, resource);
    groups.removeIgnoredAndUnready(samples);
    if (samples.isEmpty()) {
      throw new MetricFailure(NO_READY_METRICS);
    }
    Map<String, Long> requests = podRequests(resource, container);
    double[] first = utilizationRatio(samples, requests, targetUtilization);
    double ratio = first[0];
    int utilization = (int) first[1];
    long rawAverage = (long) first[2];

    boolean scaleUpWithUnready = !groups.unready.isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && groups.missing.isEmpty()) {
      if (tolerances.within(ratio)) {
        return new Proposal(currentReplicas, utilization, rawAverage);
      }
      // Fast path: the ready pods alone decide, multiplied by their count (not by currentReplicas).
      return new Proposal(ceil(ratio * groups.readyCount), utilization, rawAverage);
    }
    if (!groups.missing.isEmpty()) {
      if (ratio < 1.0) {
        // Scale-down: assume missing pods run at 100 % of their request (or at the target when it is above 100 %).
        long fallback = Math.max(100, targetUtilization);
        for (String name : groups.missing) {
          samples.put(name, Sample.filled(requests.getOrDefault(name, 0L) * fallback / 100));
        }
      } else if (ratio > 1.0) {
        fillZero(samples, groups.missing);
      }
    }
    if (scaleUpWithUnready) {
      fillZero(samples, groups.unready);
    }
    double newRatio = utilizationRatio(samples, requests, targetUtilization)[0];
    return new Proposal(rebalanced(currentReplicas, ratio, newRatio, samples.size()), utilization, rawAverage);
  }

  /**
   * The "plain" per-pod algorithm used for Pods metrics and for resource metrics with an AverageValue target:
   * average = floor(Σ values / n), ratio = average / target. Missing pods count as exactly the target on a
   * scale-down and as 0 on a scale-up; unready pods count as 0 on a scale-up.
   */
  Proposal plain(Map<String, Sample> samples, int currentReplicas, long targetUsage, String resource)
      throws MetricFailure {
    if (pods.isEmpty()) {
      throw new MetricFailure(NO_PODS);
    }
    PodGroups groups = classify(samples, resource);
    groups.removeIgnoredAndUnready(samples);
    if (samples.isEmpty()) {
      throw new MetricFailure(NO_READY_METRICS);
    }
    long usage = averageUsage(samples);
    double ratio = (double) usage / (double) targetUsage;

    boolean scaleUpWithUnready = !groups.unready.isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && groups.missing.isEmpty()) {
      if (tolerances.within(ratio)) {
        return new Proposal(currentReplicas, 0, usage);
      }
      return new Proposal(ceil(ratio * groups.readyCount), 0, usage);
    }
    if (!groups.missing.isEmpty()) {
      if (ratio < 1.0) {
        for (String name : groups.missing) {
          samples.put(name, Sample.filled(targetUsage));
        }
      } else if (ratio > 1.0) {
        fillZero(samples, groups.missing);
      }
    }
    if (scaleUpWithUnready) {
      fillZero(samples, groups.unready);
    }
    double newRatio = (double) averageUsage(samples) / (double) targetUsage;
    return new Proposal(rebalanced(currentReplicas, ratio, newRatio, samples.size()), 0, usage);
  }

  /**
   * A Value target on one total (Object value, or the sum of External series): ratio = value / target. From zero
   * replicas the answer is ceil(ratio) without tolerance; otherwise the ready pods (Running and Ready) are
   * multiplied. Example: External QPS 1300 against 1200 on 2 ready pods → ratio 1.083, inside the default
   * tolerance band 0.9..1.1 → stays 2; QPS 2000 on 3 → ratio 1.667 × 3 = 5.0 → 5.
   */
  Proposal valueTarget(int currentReplicas, long usage, long target) throws MetricFailure {
    double ratio = (double) usage / (double) target;
    if (currentReplicas == 0) {
      return new Proposal(ceil(ratio), 0, usage);
    }
    if (tolerances.within(ratio)) {
      return new Proposal(currentReplicas, 0, usage);
    }
    if (pods.isEmpty()) {
      throw new MetricFailure("unable to calculate ready pods: " + NO_PODS);
    }
    int ready = 0;
    for (PodInfo pod : pods) {
      if (pod.phase() == PodPhase.RUNNING && pod.ready() == Readiness.TRUE) {
        ready++;
      }
    }
    return new Proposal(ceil(ratio * ready), 0, usage);
  }

  /**
   * An AverageValue target on one total, against the scale's status replicas: ratio = value / (target × status);
   * outside tolerance the answer is ceil(value / target). The reported average is ceil(value / status).
   */
  Proposal averageValueTarget(int statusReplicas, long usage, long target) {
    int replicas = statusReplicas;
    double ratio = (double) usage / ((double) target * (double) statusReplicas);
    if (!tolerances.within(ratio)) {
      replicas = ceil((double) usage / (double) target);
    }
    long average = usage == Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil((double) usage / statusReplicas);
    return new Proposal(replicas, 0, average);
  }

  /** The resource usage per pod from PodMetrics: a pod lacking the resource in any container has no sample. */
  static Map<String, Sample> resourceSamples(List<PodMetric> podMetrics, String resource, String container)
      throws MetricFailure {
    if (podMetrics.isEmpty()) {
      throw new MetricFailure(
          "unable to get metrics for resource " + resource + ": no metrics returned from resource metrics API");
    }
    Map<String, Sample> samples = new HashMap<>();
    for (PodMetric metric : podMetrics) {
      if (container == null) {
        boolean missing = metric.containers().isEmpty();
        long sum = 0;
        for (ContainerUsage usage : metric.containers()) {
          Long value = usage.usage().get(resource);
          if (value == null) {
            missing = true;
            break;
          }
          sum += value;
        }
        if (!missing) {
          samples.put(metric.podName(), new Sample(sum, metric.timestamp(), metric.window()));
        }
      } else {
        for (ContainerUsage usage : metric.containers()) {
          if (usage.name().equals(container)) {
            Long value = usage.usage().get(resource);
            if (value != null) {
              samples.put(metric.podName(), new Sample(value, metric.timestamp(), metric.window()));
            }
            break;
          }
        }
      }
    }
    return samples;
  }

  private PodGroups classify(Map<String, Sample> samples, String resource) {
    return PodGroups.classify(pods, samples, resource, config.cpuInitializationPeriod(),
        config.initialReadinessDelay(), now);
  }

  /** Requests of every selected pod, ignored ones included: one container without a request fails the metric. */
  private Map<String, Long> podRequests(String resource, String container) throws MetricFailure {
    Map<String, Long> requests = new HashMap<>();
    for (PodInfo pod : pods) {
      long sum = 0;
      boolean found = false;
      for (ContainerRequests requested : pod.containers()) {
        if (container == null || container.equals(requested.name())) {
          Long request = requested.requests().get(resource);
          if (request == null) {
            throw new MetricFailure("missing request for " + resource + " in container " + requested.name()
                + " of Pod " + pod.name());
          }
          sum += request;
          found = true;
        }
      }
      if (container != null && !found) {
        throw new MetricFailure("container " + container + " not found in Pod " + pod.name());
      }
      requests.put(pod.name(), sum);
    }
    return requests;
  }

  /**
   * {ratio, utilization, raw average}. The utilization is truncated to an integer percent before the ratio is
   * formed: 149m of 200m is 74 %, so against a 50 % target the ratio is 1.48, not 1.49. Samples of pods without a
   * known request are skipped.
   */
  private static double[] utilizationRatio(Map<String, Sample> samples, Map<String, Long> requests,
      int targetUtilization) throws MetricFailure {
    long usageTotal = 0;
    long requestTotal = 0;
    long entries = 0;
    for (Map.Entry<String, Sample> entry : samples.entrySet()) {
      Long request = requests.get(entry.getKey());
      if (request == null) {
        continue;
      }
      usageTotal += entry.getValue().value();
      requestTotal += request;
      entries++;
    }
    if (requestTotal == 0) {
      throw new MetricFailure("no metrics returned matched known pods");
    }
    long percent = usageTotal * 100 / requestTotal;
    int utilization = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, percent));
    return new double[] {(double) utilization / (double) targetUtilization, utilization, usageTotal / entries};
  }

  private static long averageUsage(Map<String, Sample> samples) {
    long total = 0;
    for (Sample sample : samples.values()) {
      total += sample.value();
    }
    return total / samples.size();
  }

  private static void fillZero(Map<String, Sample> samples, List<String> names) {
    for (String name : names) {
      samples.put(name, Sample.filled(0));
    }
  }

  /**
   * After filling in the unknown pods: no change if the new ratio is within tolerance or points the other way,
   * or if the count would move against the ratio; otherwise ceil(newRatio × number of samples). Example: ratio
   * 0.5 with one of four pods missing → the missing pod counts as 100 %, newRatio (3 × 50 + 100) / 400 ... the
   * count follows the filled-in average.
   */
  private int rebalanced(int currentReplicas, double ratio, double newRatio, int count) {
    if (tolerances.within(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
      return currentReplicas;
    }
    int replicas = ceil(newRatio * count);
    if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)) {
      return currentReplicas;
    }
    return replicas;
  }

  /** Java's double-to-int conversion saturates at the int range, matching upstream's int32 cap. */
  static int ceil(double value) {
    return (int) Math.ceil(value);
  }
}
