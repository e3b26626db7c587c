package dev.reflex.controller;

import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.hpa.PodValues;
import dev.reflex.metrics.hpa.StreamedPodValues;
import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.metrics.kubehpa.StreamedHpa;
import dev.reflex.metrics.kubehpa.Watch;
import dev.reflex.objects.Quantity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The streamed side of KubeHPA portraits, on the controllers' context: which per-pod targets each portrait holds
 * its workload to (told to the {@link StreamedHpa} trigger), and the latest streamed values per workload, which a
 * KubeHPA decision reads instead of polling.
 *
 * <p>What can be streamed: a {@code Pods} metric with an {@code AverageValue} target and no metric selector (the
 * series is the metric name), and a {@code Resource} metric whose resource {@code metrics.resource-series} maps to
 * a per-pod gauge. A {@code Utilization} target becomes a per-pod value through the pods' request: 50 % of a 200m
 * request is 0.1 cores. Everything else is polled as before.
 */
final class KubeHpaStreaming {

  private record Registration(TargetKey workload, List<Watch> watches) {
  }

  private final StreamedHpa trigger;
  private final ResourceSeries resourceSeries;
  private final Map<TargetKey, Registration> registrations = new HashMap<>();
  private final Map<TargetKey, Map<String, PodMetricSnapshot>> latest = new HashMap<>();
  private final Map<TargetKey, Set<String>> stale = new HashMap<>();

  KubeHpaStreaming(StreamedHpa trigger, ResourceSeries resourceSeries) {
    this.trigger = trigger;
    this.resourceSeries = resourceSeries;
  }

  /**
   * Sets what a portrait watches; tells the trigger only when it changed.
   *
   * @param podRequest a selected pod's request of a resource (cores or bytes), for Utilization targets
   */
  Future<Void> watch(TargetKey portrait, TargetKey workload, JsonArray metrics, double tolerance,
      Function<String, OptionalDouble> podRequest) {
    Registration next = new Registration(workload, watches(metrics, tolerance, podRequest, resourceSeries));
    Registration previous = registrations.get(portrait);
    if (next.equals(previous)) {
      return Future.succeededFuture();
    }
    Future<Void> moved = previous != null && !previous.workload().equals(workload)
        ? trigger.watch(previous.workload(), portrait.toString(), List.of()) : Future.succeededFuture();
    if (next.watches().isEmpty()) {
      registrations.remove(portrait);
    } else {
      registrations.put(portrait, next);
    }
    return moved.compose(v -> trigger.watch(workload, portrait.toString(), next.watches()));
  }

  /** A decision on this workload failed: let the next sample that asks for more pods trigger again. */
  void rearm(TargetKey workload) {
    trigger.rearm(workload);
  }

  /** Stops watching for a portrait that is gone or no longer KubeHPA. */
  void forget(TargetKey portrait) {
    Registration previous = registrations.remove(portrait);
    if (previous != null) {
      trigger.watch(previous.workload(), portrait.toString(), List.of());
    }
  }

  /**
   * Keeps a snapshot's values (a stale one removes them).
   *
   * @return the portraits to decide at once: those watching the workload, when the snapshot asks for a scale-up
   */
  List<TargetKey> received(PodMetricSnapshot snapshot) {
    if (snapshot.reason() == PodMetricSnapshot.Reason.STALE) {
      stale.computeIfAbsent(snapshot.target(), k -> new TreeSet<>()).add(snapshot.metric());
    } else if (stale.containsKey(snapshot.target())) {
      stale.get(snapshot.target()).remove(snapshot.metric());
    }
    if (snapshot.hasValues()) {
      latest.computeIfAbsent(snapshot.target(), k -> new HashMap<>()).put(snapshot.metric(), snapshot);
    } else {
      Map<String, PodMetricSnapshot> byMetric = latest.get(snapshot.target());
      if (byMetric != null) {
        byMetric.remove(snapshot.metric());
      }
    }
    if (snapshot.reason() != PodMetricSnapshot.Reason.SCALE_UP) {
      return List.of();
    }
    List<TargetKey> portraits = new ArrayList<>();
    registrations.forEach((portrait, r) -> {
      if (r.workload().equals(snapshot.target())) {
        portraits.add(portrait);
      }
    });
    return portraits;
  }

  /**
   * Why streamed values are missing for a workload, when they went stale: a failed decision says so, since the
   * polled fallback alone would not explain it.
   */
  Optional<String> staleNote(TargetKey workload) {
    Set<String> metrics = stale.getOrDefault(workload, Set.of());
    return metrics.isEmpty() ? Optional.empty() : Optional.of("streamed " + String.join(", ", metrics) + " of "
        + workload + " had no sample within metrics.stale-after");
  }

  /** The streamed values a decision on this workload may use instead of querying. */
  StreamedPodValues values(TargetKey workload) {
    Map<String, PodMetricSnapshot> byMetric = latest.getOrDefault(workload, Map.of());
    if (byMetric.isEmpty()) {
      return StreamedPodValues.NONE;
    }
    return new StreamedPodValues() {
      @Override
      public Optional<PodValues> pods(String metricName) {
        return Optional.ofNullable(byMetric.get(metricName)).map(KubeHpaStreaming::podValues);
      }

      @Override
      public Optional<PodValues> resource(String resourceName) {
        return resourceSeries.seriesOf(resourceName).map(byMetric::get).map(KubeHpaStreaming::podValues);
      }
    };
  }

  private static PodValues podValues(PodMetricSnapshot snapshot) {
    Map<String, Double> values = new HashMap<>();
    long newest = 0;
    for (PodMetricSnapshot.PodValue v : snapshot.pods()) {
      values.put(v.pod(), v.value());
      newest = Math.max(newest, v.timestampMillis());
    }
    return new PodValues(values, Instant.ofEpochMilli(newest));
  }

  /** The per-pod targets of a portrait's metrics that streamed samples can serve (see the class comment). */
  static List<Watch> watches(JsonArray metrics, double tolerance, Function<String, OptionalDouble> podRequest,
      ResourceSeries resourceSeries) {
    List<Watch> watches = new ArrayList<>();
    for (Object m : metrics) {
      if (!(m instanceof JsonObject metric)) {
        continue;
      }
      try {
        watchOf(metric, tolerance, podRequest, resourceSeries).ifPresent(watches::add);
      } catch (IllegalArgumentException | ClassCastException e) {
        // A malformed target is the decision's to report, naming its field; it is just not streamed.
      }
    }
    return watches;
  }

  private static Optional<Watch> watchOf(JsonObject metric, double tolerance,
      Function<String, OptionalDouble> podRequest, ResourceSeries resourceSeries) {
    switch (metric.getString("type", "")) {
      case "Pods" -> {
        JsonObject pods = metric.getJsonObject("pods", new JsonObject());
        JsonObject id = pods.getJsonObject("metric", new JsonObject());
        JsonObject target = pods.getJsonObject("target", new JsonObject());
        if (id.getJsonObject("selector") != null || !"AverageValue".equals(target.getString("type"))
            || target.getValue("averageValue") == null || id.getString("name", "").isEmpty()) {
          return Optional.empty();
        }
        return positive(quantity(target.getValue("averageValue")))
            .map(perPod -> new Watch(id.getString("name"), perPod, tolerance));
      }
      case "Resource" -> {
        JsonObject resource = metric.getJsonObject("resource", new JsonObject());
        String name = resource.getString("name", "");
        Optional<String> series = resourceSeries.seriesOf(name);
        JsonObject target = resource.getJsonObject("target", new JsonObject());
        if (series.isEmpty()) {
          return Optional.empty();
        }
        OptionalDouble perPod = OptionalDouble.empty();
        if ("Utilization".equals(target.getString("type")) && target.getValue("averageUtilization") != null) {
          OptionalDouble request = podRequest.apply(name);
          if (request.isPresent()) {
            perPod = OptionalDouble.of(((Number) target.getValue("averageUtilization")).doubleValue() / 100.0
                * request.getAsDouble());
          }
        } else if ("AverageValue".equals(target.getString("type")) && target.getValue("averageValue") != null) {
          perPod = OptionalDouble.of(quantity(target.getValue("averageValue")));
        }
        return perPod.isPresent() ? positive(perPod.getAsDouble()).map(v -> new Watch(series.get(), v, tolerance))
            : Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private static double quantity(Object value) {
    return Quantity.parseMilli(String.valueOf(value)) / 1000.0;
  }

  private static Optional<Double> positive(double value) {
    return value > 0 && Double.isFinite(value) ? Optional.of(value) : Optional.empty();
  }
}
