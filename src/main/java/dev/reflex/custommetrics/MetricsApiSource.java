package dev.reflex.custommetrics;

import dev.reflex.core.WorkloadKind;
import dev.reflex.custommetrics.MetricsApiJson.ExternalValue;
import dev.reflex.custommetrics.MetricsApiJson.ObjectValue;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.objects.HpaObjects;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Answers a metrics request from the freshest source that has the values: streamed samples (the newest of each
 * series, seconds old), else Prometheus through the adapter rules, as prometheus-adapter would answer it. Streamed
 * values serve Pods metrics, Object metrics of a workload whose series name it directly, and External metrics (any
 * streamed series of the namespace); Namespace metrics and objects picked by a selector come from Prometheus.
 */
final class MetricsApiSource {

  private final StreamedSamples streamed;
  private final Function<String, List<JsonObject>> podsIn;
  private final MetricHistory history;
  private final boolean historyConfigured;

  /**
   * @param podsIn the pods of a namespace (the informer cache's)
   * @param history Prometheus through the adapter rules
   * @param historyConfigured whether {@code prometheus.address} is set
   */
  MetricsApiSource(StreamedSamples streamed, Function<String, List<JsonObject>> podsIn, MetricHistory history,
      boolean historyConfigured) {
    this.streamed = streamed;
    this.podsIn = podsIn;
    this.history = history;
    this.historyConfigured = historyConfigured;
  }

  Future<List<ObjectValue>> objects(MetricsApiRequest.ObjectValues request, Instant now) {
    if (request.pods() && request.namespace().isPresent()) {
      Set<String> pods = request.name().map(Set::of).orElseGet(() -> selectedPods(request));
      if (pods.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      List<ObjectValue> fresh = streamedPods(request, pods, now);
      return fresh.isEmpty() ? fromHistory(request, pods) : Future.succeededFuture(fresh);
    }
    if (request.namespace().isPresent() && request.name().isPresent()) {
      List<ObjectValue> fresh = streamedWorkload(request, now);
      if (!fresh.isEmpty()) {
        return Future.succeededFuture(fresh);
      }
    }
    return fromHistory(request, Set.of());
  }

  Future<List<ExternalValue>> external(MetricsApiRequest.ExternalValues request, Instant now) {
    List<ExternalValue> fresh = new ArrayList<>();
    for (StreamedSamples.Value v : streamed.values(request.namespace(), request.metric(), request.metricSelector(),
        now)) {
      fresh.add(new ExternalValue(request.metric(), v.labels(), Instant.ofEpochMilli(v.timestampMillis()),
          Optional.empty(), v.value()));
    }
    if (!fresh.isEmpty()) {
      return Future.succeededFuture(fresh);
    }
    if (!historyConfigured) {
      return Future.failedFuture(noSource(request.metric(), "namespace " + request.namespace()));
    }
    MetricQuery query = new MetricQuery.External(Optional.of(request.namespace()),
        new MetricId(request.metric(), request.metricSelector()));
    return history.queryLatest(query).recover(e -> Future.failedFuture(failure(e, request.metric(),
        "namespace " + request.namespace()))).map(samples -> samples.stream().map(s -> new ExternalValue(
            request.metric(), s.labels(), Instant.ofEpochMilli(s.point().timestampMillis()), windowOf(s),
            s.point().value())).toList());
  }

  private Set<String> selectedPods(MetricsApiRequest.ObjectValues request) {
    Set<String> names = new TreeSet<>();
    for (JsonObject pod : podsIn.apply(request.namespace().get())) {
      if (request.objects().matches(HpaObjects.labels(pod, "pod"))) {
        names.add(pod.getJsonObject("metadata").getString("name"));
      }
    }
    return names;
  }

  /** Per pod: the sum of its series' newest values (a pod exposing the metric twice counts both, as sum by pod). */
  private List<ObjectValue> streamedPods(MetricsApiRequest.ObjectValues request, Set<String> pods, Instant now) {
    Map<String, double[]> byPod = new TreeMap<>();
    for (StreamedSamples.Value v : streamed.values(request.namespace().get(), request.metric(),
        request.metricSelector(), now)) {
      if (pods.contains(v.pod())) {
        double[] sumAndTime = byPod.computeIfAbsent(v.pod(), p -> new double[2]);
        sumAndTime[0] += v.value();
        sumAndTime[1] = Math.max(sumAndTime[1], v.timestampMillis());
      }
    }
    List<ObjectValue> values = new ArrayList<>();
    byPod.forEach((pod, sumAndTime) -> values.add(new ObjectValue(request.kind(), request.namespace().get(), pod,
        request.metric(), request.metricSelector(), Instant.ofEpochMilli((long) sumAndTime[1]), Optional.empty(),
        sumAndTime[0])));
    return values;
  }

  private List<ObjectValue> streamedWorkload(MetricsApiRequest.ObjectValues request, Instant now) {
    String name = request.name().get();
    double sum = 0;
    long newest = -1;
    for (StreamedSamples.Value v : streamed.values(request.namespace().get(), request.metric(),
        request.metricSelector(), now)) {
      // A workload's own series (its pods' are their Pods metric); any series naming another object, such as an
      // ingress controller's pods reporting per Ingress.
      boolean direct = v.pod().isEmpty() || WorkloadKind.byKind(v.workloadKind()).isEmpty();
      if (direct && v.workload().equals(name) && v.workloadKind().equals(request.kind().kind())) {
        sum += v.value();
        newest = Math.max(newest, v.timestampMillis());
      }
    }
    return newest < 0 ? List.of() : List.of(new ObjectValue(request.kind(), request.namespace().get(), name,
        request.metric(), request.metricSelector(), Instant.ofEpochMilli(newest), Optional.empty(), sum));
  }

  private Future<List<ObjectValue>> fromHistory(MetricsApiRequest.ObjectValues request, Set<String> pods) {
    if (!historyConfigured) {
      return Future.failedFuture(noSource(request.metric(), request.describe()));
    }
    MetricId metric = new MetricId(request.metric(), request.metricSelector());
    MetricQuery query = request.pods() && request.name().isEmpty()
        ? MetricQuery.podsMetric(request.namespace().get(), request.objects(), metric)
        : new MetricQuery.ObjectMetric(request.kind(), request.namespace(), request.name(),
            request.name().isPresent() ? LabelSelector.EVERYTHING : request.objects(), metric);
    return history.queryLatest(query)
        .recover(e -> Future.failedFuture(failure(e, request.metric(), request.describe())))
        .compose(samples -> {
          List<ObjectValue> values = new ArrayList<>();
          for (MetricSample s : samples) {
            Optional<String> name = objectName(request, s.labels());
            if (name.isPresent() && (pods.isEmpty() || pods.contains(name.get()))) {
              values.add(new ObjectValue(request.kind(), request.namespace().orElse(""), name.get(), request.metric(),
                  request.metricSelector(), Instant.ofEpochMilli(s.point().timestampMillis()), windowOf(s),
                  s.point().value()));
            }
          }
          if (values.isEmpty() && request.name().isPresent()) {
            return Future.failedFuture(MetricsApiException.notFound("the server could not find the metric "
                + request.metric() + " for " + request.describe()));
          }
          return Future.succeededFuture(values);
        });
  }

  /**
   * Which object a Prometheus series is about: the named one when one was asked for; else the label named after
   * the kind ({@code pod}, {@code service}), else the series' only label.
   */
  private static Optional<String> objectName(MetricsApiRequest.ObjectValues request, Map<String, String> labels) {
    if (request.name().isPresent()) {
      return request.name();
    }
    GroupKind kind = request.kind();
    String byKind = labels.get(kind.kind().toLowerCase(Locale.ROOT));
    if (byKind != null) {
      return Optional.of(byKind);
    }
    return labels.size() == 1 ? Optional.of(labels.values().iterator().next()) : Optional.empty();
  }

  private static Optional<Long> windowOf(MetricSample sample) {
    return sample.window().map(Duration::getSeconds);
  }

  private static MetricsApiException noSource(String metric, String what) {
    return MetricsApiException.notFound("the server could not find the metric " + metric + " for " + what
        + ": no fresh streamed samples, and no Prometheus is configured (prometheus.address)");
  }

  private static MetricsApiException failure(Throwable e, String metric, String what) {
    if (e instanceof MetricQueryException q && q.kind() == MetricQueryException.Kind.INVALID) {
      return MetricsApiException.notFound("the server could not find the metric " + metric + " for " + what + ": "
          + q.getMessage());
    }
    return MetricsApiException.internal("unable to fetch metric " + metric + " for " + what + " from Prometheus: "
        + e.getMessage());
  }
}
