package dev.reflex.metrics.hpa;

import dev.reflex.core.hpa.MetricValue;
import dev.reflex.metrics.query.MetricHistory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the metric inputs of one KubeHPA decision, for every metric of a HorizontalPortrait's {@code spec.metrics}.
 * <ul>
 *   <li>Resource: streamed pod usage when there is any, else Prometheus ({@code resourceRules}) when configured,
 *       else metrics.k8s.io. ContainerResource: the same without the streamed step (streamed usage is per pod).</li>
 *   <li>Pods: streamed values when there are any, else Prometheus ({@code rules}, as pods of the selector).</li>
 *   <li>Object: Prometheus ({@code rules}, the described object). External: Prometheus ({@code externalRules}), one
 *       value per series, which the decision sums.</li>
 * </ul>
 * {@link #throughMetricsApis} reads as kube-controller-manager does instead: Resource from metrics.k8s.io, the rest
 * from the custom and external metrics APIs (the embedded cluster's HPA controller).
 * Distinct metrics are read concurrently and the read never fails: a Pods, Object or External metric that cannot be
 * read becomes an {@code error} entry naming it (the decision then fails that metric, which blocks a scale-down as
 * the HPA does); Resource usage that cannot be read leaves those pods out of {@code podMetrics} (missing pods are
 * filled conservatively, and a metric with no usage at all fails) and says why in
 * {@link HpaMetricInputs#resourceErrors()}.
 */
public final class HpaMetricReader {

  /** Why Pods, Object and External metrics have no source without Prometheus. */
  static final String NO_PROMETHEUS = "no Prometheus configured (prometheus.address is not set)";

  private final MetricHistory history;
  private final ValueSource valueSource;
  private final boolean valuesFromHistory;
  private final boolean resourcesFromHistory;
  private final PodMetricsSource metricsServer;

  /**
   * @param history Prometheus through the adapter rules (queried only when {@code prometheusConfigured})
   * @param prometheusConfigured whether {@code prometheus.address} is set
   * @param metricsServer metrics.k8s.io, for Resource metrics when Prometheus is not configured
   */
  public HpaMetricReader(MetricHistory history, boolean prometheusConfigured, PodMetricsSource metricsServer) {
    this(history, ValueSource.PROMETHEUS, prometheusConfigured, prometheusConfigured, metricsServer);
  }

  private HpaMetricReader(MetricHistory history, ValueSource valueSource, boolean valuesFromHistory,
      boolean resourcesFromHistory, PodMetricsSource metricsServer) {
    this.history = Objects.requireNonNull(history, "history");
    this.valueSource = valueSource;
    this.valuesFromHistory = valuesFromHistory;
    this.resourcesFromHistory = resourcesFromHistory;
    this.metricsServer = Objects.requireNonNull(metricsServer, "metricsServer");
  }

  /**
   * A reader as kube-controller-manager's HPA controller reads: Resource metrics from metrics.k8s.io, Pods and
   * Object metrics from custom.metrics.k8s.io and External metrics from external.metrics.k8s.io, all through the
   * API server.
   *
   * @param metricsApis the custom and external metrics APIs (a {@code MetricsApiHistory})
   */
  public static HpaMetricReader throughMetricsApis(MetricHistory metricsApis, PodMetricsSource metricsServer) {
    return new HpaMetricReader(metricsApis, ValueSource.METRICS_APIS, true, false, metricsServer);
  }

  /**
   * Reads every metric the specs name.
   *
   * @param namespace the portrait's (and workload's) namespace
   * @param metricSpecs autoscaling/v2 MetricSpec objects; unknown or malformed ones are skipped (the decision names
   *     their bad field)
   * @param selector the scale's {@code status.selector}
   * @param podNames the selected pods; values are read and kept for these only
   * @param streamed fresh streamed values that replace queries for Pods and Resource metrics
   * @param now the decision time
   * @return the pod metrics and metric values the decision reads; never a failed future
   */
  public Future<HpaMetricInputs> read(String namespace, JsonArray metricSpecs, String selector, List<String> podNames,
      StreamedPodValues streamed, Instant now) {
    ReadContext context = new ReadContext(namespace, selector == null ? "" : selector, Set.copyOf(podNames), now);
    Set<HpaMetric> metrics = new LinkedHashSet<>();
    metricSpecs.forEach(spec -> HpaMetric.of(spec).ifPresent(metrics::add));
    Map<HpaMetric, Future<ResourceUsage>> usage = new LinkedHashMap<>();
    Map<HpaMetric, Future<List<MetricValue>>> values = new LinkedHashMap<>();
    ServerFetch server = new ServerFetch(context);
    for (HpaMetric metric : metrics) {
      if (metric instanceof HpaMetric.Resource resource) {
        usage.put(metric, guarded(() -> usage(resource, streamed, context, server),
            e -> ResourceUsage.failed(resource, "reading " + MetricEntries.describe(metric) + " failed: " + e)));
      } else {
        values.put(metric, guarded(() -> values(metric, streamed, context),
            e -> List.of(MetricEntries.error(metric, "reading " + MetricEntries.describe(metric) + " failed: " + e))));
      }
    }
    List<Future<?>> all = new ArrayList<>(usage.values());
    all.addAll(values.values());
    return Future.join(all).transform(done -> Future.succeededFuture(assemble(context, usage, values)));
  }

  private Future<ResourceUsage> usage(HpaMetric.Resource metric, StreamedPodValues streamed, ReadContext context,
      ServerFetch server) {
    Optional<PodValues> fresh = metric.container().isEmpty() ? streamed.resource(metric.resource())
        : Optional.empty();
    if (fresh.isPresent()) {
      return Future.succeededFuture(ResourceReads.streamed(metric, fresh.get(), context));
    }
    if (resourcesFromHistory) {
      return ResourceReads.prometheus(metric, history, context);
    }
    return ResourceReads.metricsServer(metric, server.items(), context);
  }

  private Future<List<MetricValue>> values(HpaMetric metric, StreamedPodValues streamed, ReadContext context) {
    if (metric instanceof HpaMetric.Pods pods) {
      Optional<PodValues> fresh = streamed.pods(pods.name());
      if (fresh.isPresent()) {
        return Future.succeededFuture(ValueReads.streamed(pods, fresh.get(), context));
      }
      if (valuesFromHistory && context.pods().isEmpty()) {
        return Future.succeededFuture(List.of(MetricEntries.error(metric, "no selected pods to read "
            + MetricEntries.describe(metric) + " of")));
      }
    }
    if (!valuesFromHistory) {
      return Future.succeededFuture(List.of(MetricEntries.error(metric, "cannot read "
          + MetricEntries.describe(metric) + ": " + NO_PROMETHEUS)));
    }
    return ValueReads.fromHistory(metric, history, valueSource, context);
  }

  private static HpaMetricInputs assemble(ReadContext context, Map<HpaMetric, Future<ResourceUsage>> usage,
      Map<HpaMetric, Future<List<MetricValue>>> values) {
    PodMetricsAssembler pods = new PodMetricsAssembler(context.now());
    Set<String> errors = new LinkedHashSet<>();
    usage.values().forEach(future -> {
      ResourceUsage read = future.result();
      HpaMetric.Resource metric = read.metric();
      read.byPod().forEach((pod, reading) -> {
        if (metric.container().isPresent()) {
          pods.container(pod, metric.container().get(), metric.resource(), reading);
        } else {
          pods.total(pod, metric.resource(), reading);
        }
      });
      errors.addAll(read.errors());
    });
    List<MetricValue> entries = new ArrayList<>();
    values.values().forEach(future -> entries.addAll(future.result()));
    return new HpaMetricInputs(pods.build(), entries, List.copyOf(errors));
  }

  /**
   * Runs a read whose failure (a failed future, or an exception thrown while starting it) turns into a value, so
   * one bad metric never fails the others.
   */
  private static <T> Future<T> guarded(Supplier<Future<T>> read, Function<String, T> onFailure) {
    try {
      return read.get().otherwise(e -> onFailure.apply(String.valueOf(e.getMessage())));
    } catch (RuntimeException e) {
      return Future.succeededFuture(onFailure.apply(String.valueOf(e.getMessage())));
    }
  }

  /** The metrics.k8s.io fetch of one read: made on first need, shared by all resource metrics. */
  private final class ServerFetch {
    private final ReadContext context;
    private Future<JsonArray> items;

    ServerFetch(ReadContext context) {
      this.context = context;
    }

    Future<JsonArray> items() {
      if (items == null) {
        try {
          items = metricsServer.podMetrics(context.namespace(), context.selector());
        } catch (RuntimeException e) {
          items = Future.failedFuture(e);
        }
      }
      return items;
    }
  }
}
