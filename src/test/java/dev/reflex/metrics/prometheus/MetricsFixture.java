package dev.reflex.metrics.prometheus;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.metrics.query.GroupKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;

/**
 * Two hours (and ten minutes ahead) of deterministic data in the shapes the shipped rules expect:
 * StatefulSet {@code web} in namespace {@code shop} with pods {@code web-0} (0.5 cores, 100 MiB, always Ready) and
 * {@code web-1} (0.25 cores, 200 MiB, Ready only in the first hour), Ingress {@code web} at 30 + 10 requests/s,
 * Actuator counters at 715.7/s for the seed's index API in env {@code demo-prod}, and per-pod
 * {@code http_requests_total} at 10 and 20/s for a rule found by series discovery.
 */
public final class MetricsFixture {

  public static final String NS = "shop";
  public static final GroupKind STS = new GroupKind("apps", "StatefulSet");
  public static final GroupKind INGRESS = new GroupKind("networking.k8s.io", "Ingress");
  public static final double MIB = 1024 * 1024;
  static final Duration SCRAPE = Duration.ofSeconds(15);

  /** A pods rule whose seriesQuery needs discovery (not in the shipped file). */
  static final String DISCOVERY_RULE = """
      rules:
      - seriesQuery: '{__name__=~"^http_requests_.*",namespace!="",pod!=""}'
        seriesFilters: [{isNot: _bucket$}]
        name: {matches: ^(.*)_total$, as: '${1}_per_second'}
        resources: {template: <<.Resource>>}
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)
      """;

  public final Instant start;
  public final Instant end;
  /** When web-1 stops being Ready. */
  public final Instant middle;

  public MetricsFixture(Instant now) {
    // The data runs ten minutes past now, so a rate over the last minutes at Prometheus' own "now" sees a full
    // window of samples and is exact, however long the test takes to get there.
    Instant aligned = Instant.ofEpochSecond(now.getEpochSecond() / 15 * 15);
    this.end = aligned.plus(Duration.ofMinutes(10));
    this.start = aligned.minus(Duration.ofHours(2));
    this.middle = start.plus(Duration.ofHours(1));
  }

  /** The shipped config plus {@link #DISCOVERY_RULE}. */
  public static AdapterConfig config() {
    AdapterConfig shipped = AdapterConfigParser.parseFile(Path.of("conf/prometheus-metrics-config.yaml"));
    AdapterConfig extra = AdapterConfigParser.parse(DISCOVERY_RULE, "test rule");
    List<DiscoveryRule> rules = new ArrayList<>(shipped.rules());
    rules.addAll(extra.rules());
    return new AdapterConfig(shipped.resourceRules(), rules, shipped.externalRules(),
        shipped.workloadPodNamePatterns());
  }

  /** Lists pods {@code web-0} and {@code web-1} for selector {@code app=web}, nothing otherwise. */
  public static ObjectLister lister() {
    return (kind, namespace, selector) -> io.vertx.core.Future.succeededFuture(
        kind.kind().equals("Pod") && selector.equals(LabelSelector.parse("app=web", "s"))
            ? List.of("web-0", "web-1") : List.of());
  }

  /** The remote-write request carrying all of it, oldest sample first. */
  public WriteRequest request() {
    long s = start.toEpochMilli();
    long mid = middle.toEpochMilli();
    WriteRequest.Builder w = WriteRequest.newBuilder();
    counter(w, "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "web-0", "container", "app"), 0.5);
    counter(w, "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "web-0", "container", "POD"), 10);
    counter(w, "container_cpu_usage_seconds_total", Map.of("namespace", NS, "pod", "web-1", "container", "app"), 0.25);
    gauge(w, "container_memory_working_set_bytes", Map.of("namespace", NS, "pod", "web-0", "container", "app"),
        t -> 100 * MIB);
    gauge(w, "container_memory_working_set_bytes", Map.of("namespace", NS, "pod", "web-1", "container", "app"),
        t -> 200 * MIB);
    gauge(w, "kube_pod_status_ready", Map.of("namespace", NS, "pod", "web-0", "condition", "true"), t -> 1);
    gauge(w, "kube_pod_status_ready", Map.of("namespace", NS, "pod", "web-0", "condition", "false"), t -> 0);
    gauge(w, "kube_pod_status_ready", Map.of("namespace", NS, "pod", "web-1", "condition", "true"),
        t -> t < mid ? 1 : 0);
    gauge(w, "kube_pod_status_ready", Map.of("namespace", NS, "pod", "web-1", "condition", "false"),
        t -> t < mid ? 0 : 1);
    gauge(w, "kube_pod_status_ready", Map.of("namespace", "other", "pod", "web-0", "condition", "true"), t -> 1);
    counter(w, "nginx_ingress_controller_requests", Map.of("namespace", NS, "ingress", "web", "status", "200"), 30);
    counter(w, "nginx_ingress_controller_requests", Map.of("namespace", NS, "ingress", "web", "status", "500"), 10);
    counter(w, "nginx_ingress_controller_requests", Map.of("namespace", NS, "ingress", "admin", "status", "200"), 3);
    counter(w, "http_server_requests_seconds_count", Map.of("env", "demo-prod", "uri", "/api/v1/openapi/index"),
        715.7);
    counter(w, "http_server_requests_seconds_count", Map.of("env", "demo-prod", "uri", "/other"), 100);
    counter(w, "http_server_requests_seconds_count", Map.of("env", "demo-test", "uri", "/api/v1/openapi/index"), 5);
    counter(w, "http_requests_total", Map.of("namespace", NS, "pod", "web-0"), 10);
    counter(w, "http_requests_total", Map.of("namespace", NS, "pod", "web-1"), 20);
    return w.build();
  }

  private void counter(WriteRequest.Builder w, String name, Map<String, String> labels, double perSecond) {
    long s = start.toEpochMilli();
    gauge(w, name, labels, t -> perSecond * (t - s) / 1000.0);
  }

  private void gauge(WriteRequest.Builder w, String name, Map<String, String> labels, LongToDoubleFunction value) {
    TimeSeries.Builder ts = TimeSeries.newBuilder();
    ts.addLabels(Label.newBuilder().setName("__name__").setValue(name));
    new TreeMap<>(labels).forEach((k, v) -> ts.addLabels(Label.newBuilder().setName(k).setValue(v)));
    for (long t = start.toEpochMilli(); t <= end.toEpochMilli(); t += SCRAPE.toMillis()) {
      ts.addSamples(Sample.newBuilder().setTimestamp(t).setValue(value.applyAsDouble(t)));
    }
    w.addTimeseries(ts);
  }

}
