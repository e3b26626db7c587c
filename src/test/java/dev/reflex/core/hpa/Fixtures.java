package dev.reflex.core.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builders for core HPA inputs. Every pod is started well before {@link #NOW} unless a test says otherwise. */
final class Fixtures {

  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final Instant LONG_AGO = NOW.minus(Duration.ofHours(1));
  static final String SELECTOR = "app=web";

  private Fixtures() {
  }

  /** A Running, Ready pod started an hour ago with one container requesting {@code cpuRequest} milli-cpu. */
  static PodInfo pod(String name, long cpuRequest) {
    return new PodInfo(name, PodPhase.RUNNING, Readiness.TRUE, LONG_AGO, LONG_AGO, false,
        List.of(new ContainerRequests("app", Map.of("cpu", cpuRequest, "memory", 1_000_000_000_000L))));
  }

  static PodInfo pod(String name) {
    return pod(name, 1000);
  }

  static PodInfo withPhase(PodInfo pod, PodPhase phase) {
    return new PodInfo(pod.name(), phase, pod.ready(), pod.readyTransitionTime(), pod.startTime(), pod.deleted(),
        pod.containers());
  }

  static PodInfo deleted(PodInfo pod) {
    return new PodInfo(pod.name(), pod.phase(), pod.ready(), pod.readyTransitionTime(), pod.startTime(), true,
        pod.containers());
  }

  static PodInfo readiness(PodInfo pod, Readiness ready, Instant transition, Instant start) {
    return new PodInfo(pod.name(), pod.phase(), ready, transition, start, pod.deleted(), pod.containers());
  }

  /** A pod whose Ready condition is False and never was True (went False 10 s after start). */
  static PodInfo neverReady(String name) {
    return readiness(pod(name), Readiness.FALSE, LONG_AGO.plusSeconds(10), LONG_AGO);
  }

  /** {@code count} ready pods named p0, p1, … */
  static List<PodInfo> pods(int count) {
    List<PodInfo> pods = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pods.add(pod("p" + i));
    }
    return pods;
  }

  /** A cpu sample for a pod taken at {@link #NOW} over one minute. */
  static PodMetric cpu(String pod, long milli) {
    return new PodMetric(pod, NOW, Duration.ofMinutes(1), List.of(new ContainerUsage("app", Map.of("cpu", milli))));
  }

  static PodMetric memory(String pod, long milli) {
    return new PodMetric(pod, NOW, Duration.ofMinutes(1),
        List.of(new ContainerUsage("app", Map.of("memory", milli))));
  }

  /** cpu samples p0=usage[0], p1=usage[1], … */
  static List<PodMetric> cpus(long... usage) {
    List<PodMetric> metrics = new ArrayList<>();
    for (int i = 0; i < usage.length; i++) {
      metrics.add(cpu("p" + i, usage[i]));
    }
    return metrics;
  }

  /** Pods metric values p0=values[0], … */
  static List<MetricValue> podValues(String metric, long... values) {
    List<MetricValue> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(MetricValue.pod(metric, "p" + i, values[i]));
    }
    return list;
  }

  static MetricSpec cpuUtilization(int percent) {
    return new MetricSpec.ResourceMetric("cpu", MetricTarget.utilization(percent));
  }

  static MetricSpec podsMetric(String name, long averageMilli) {
    return new MetricSpec.PodsMetric(new MetricIdentifier(name, null), MetricTarget.averageValue(averageMilli));
  }

  static MetricSpec externalValue(String name, long milli) {
    return new MetricSpec.ExternalMetric(new MetricIdentifier(name, null), MetricTarget.value(milli));
  }

  static MetricSpec externalAverage(String name, long milli) {
    return new MetricSpec.ExternalMetric(new MetricIdentifier(name, null), MetricTarget.averageValue(milli));
  }

  static final ObjectReference INGRESS = new ObjectReference("Ingress", "main-route", "networking.k8s.io/v1");

  static MetricSpec objectValue(String name, long milli) {
    return new MetricSpec.ObjectMetric(INGRESS, new MetricIdentifier(name, null), MetricTarget.value(milli));
  }

  static MetricSpec objectAverage(String name, long milli) {
    return new MetricSpec.ObjectMetric(INGRESS, new MetricIdentifier(name, null), MetricTarget.averageValue(milli));
  }

  static HpaSpec spec(int min, int max, Behavior behavior, MetricSpec... metrics) {
    return new HpaSpec("web", "default", min, max, Arrays.asList(metrics), behavior);
  }

  /** Wide bounds and the legacy path: for tests of the raw per-metric proposal. */
  static HpaSpec wide(MetricSpec... metrics) {
    return spec(1, 1000, null, metrics);
  }

  static HpaInput input(HpaSpec spec, int replicas, List<PodInfo> pods, List<PodMetric> podMetrics,
      List<MetricValue> values) {
    return new HpaInput(spec, new Scale(replicas, replicas, SELECTOR), pods, podMetrics, values, null,
        HpaConfig.DEFAULTS);
  }

  static HpaInput input(HpaSpec spec, int replicas, List<PodInfo> pods, List<PodMetric> podMetrics) {
    return input(spec, replicas, pods, podMetrics, List.of());
  }

  static HpaInput withConfig(HpaInput in, HpaConfig config) {
    return new HpaInput(in.spec(), in.scale(), in.pods(), in.podMetrics(), in.metricValues(), in.proposedReplicas(),
        config);
  }

  static HpaInput withScale(HpaInput in, Scale scale) {
    return new HpaInput(in.spec(), scale, in.pods(), in.podMetrics(), in.metricValues(), in.proposedReplicas(),
        in.config());
  }

  /** An input that skips metrics and normalizes {@code proposal}. */
  static HpaInput proposal(HpaSpec spec, int replicas, int proposal) {
    return new HpaInput(spec, new Scale(replicas, replicas, SELECTOR), List.of(), List.of(), List.of(), proposal,
        HpaConfig.DEFAULTS);
  }

  static HpaConfig tolerance(double down, double up) {
    HpaConfig d = HpaConfig.DEFAULTS;
    return new HpaConfig(up, down, d.cpuInitializationPeriod(), d.initialReadinessDelay(),
        d.downscaleStabilization(), d.legacyScaleUpLimitFactor(), d.legacyScaleUpLimitMinimum());
  }

  static Behavior behavior(ScalingRules up, ScalingRules down) {
    return new Behavior(up, down);
  }

  static HpaState history(Instant at, int... recommendations) {
    List<Recommendation> list = new ArrayList<>();
    for (int r : recommendations) {
      list.add(new Recommendation(at, r));
    }
    return new HpaState(list, List.of(), List.of());
  }
}
