package dev.reflex.metrics.hpa;

import static dev.reflex.metrics.hpa.FakeHistory.pod;
import static dev.reflex.metrics.hpa.FakeHistory.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.core.GoDuration;
import dev.reflex.core.hpa.ContainerUsage;
import dev.reflex.core.hpa.MetricSourceType;
import dev.reflex.core.hpa.MetricValue;
import dev.reflex.core.hpa.ObjectReference;
import dev.reflex.core.hpa.PodMetric;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricId;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQuery.PodPick;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.objects.GoLabelSelectorText;
import dev.reflex.objects.Quantity;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which query each metric of a portrait becomes, and the core records its answer becomes. */
class HpaMetricReaderTest {

  static final String NS = "shop";
  static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  static final List<String> PODS = List.of("web-0", "web-1");
  static final LabelSelector APP_WEB = LabelSelector.parse("app=web", "s");
  static final PodMetricsSource NO_SERVER = (ns, selector) -> {
    throw new AssertionError("metrics.k8s.io must not be asked when Prometheus is configured");
  };

  static HpaMetricInputs read(HpaMetricReader reader, JsonArray specs, List<String> pods, StreamedPodValues streamed) {
    Future<HpaMetricInputs> future = reader.read(NS, specs, "app=web", pods, streamed, NOW);
    assertTrue(future.succeeded(), () -> "read failed: " + future.cause());
    return future.result();
  }

  static HpaMetricInputs read(FakeHistory history, JsonObject... specs) {
    return read(new HpaMetricReader(history, true, NO_SERVER), Specs.of(specs), PODS, StreamedPodValues.NONE);
  }

  /** The PodMetric the reader makes, in the quantities and Go durations a metrics.k8s.io item would carry. */
  static PodMetric podMetric(String pod, String timestamp, String window, ContainerUsage... containers) {
    return new PodMetric(pod, Instant.parse(timestamp), GoDuration.parse(window), List.of(containers));
  }

  static ContainerUsage usage(String name, String... resourceAndQuantity) {
    Map<String, Long> usage = new TreeMap<>();
    for (int i = 0; i < resourceAndQuantity.length; i += 2) {
      usage.put(resourceAndQuantity[i], Quantity.parseMilli(resourceAndQuantity[i + 1]));
    }
    return new ContainerUsage(name, usage);
  }

  /** A metrics.k8s.io PodMetrics item, as the metrics server answers. */
  static JsonObject item(String pod, String timestamp, String window, JsonObject... containers) {
    JsonArray list = new JsonArray();
    for (JsonObject c : containers) {
      list.add(c);
    }
    return new JsonObject().put("metadata", new JsonObject().put("name", pod)).put("timestamp", timestamp)
        .put("window", window).put("containers", list);
  }

  static JsonObject container(String name, String... resourceAndQuantity) {
    JsonObject usage = new JsonObject();
    for (int i = 0; i < resourceAndQuantity.length; i += 2) {
      usage.put(resourceAndQuantity[i], resourceAndQuantity[i + 1]);
    }
    return new JsonObject().put("name", name).put("usage", usage);
  }

  static JsonArray array(JsonObject... objects) {
    JsonArray array = new JsonArray();
    for (JsonObject o : objects) {
      array.add(o);
    }
    return array;
  }

  static final String AT = "2026-01-01T11:59:30Z";
  static final JsonObject GET = Specs.matchLabels("verb", "GET");
  static final JsonObject PROD = Specs.matchLabels("env", "prod");
  static final JsonObject INGRESS = new JsonObject().put("apiVersion", "networking.k8s.io/v1").put("kind", "Ingress")
      .put("name", "web");

  static Stream<Arguments> mappings() {
    return Stream.of(
        Arguments.of("Resource cpu: per-pod usage in millicores in one synthetic container, with the rule's window",
            Specs.resource("cpu", 50),
            List.of(sample(Map.of("pod", "web-0"), 0.25, Optional.of(Duration.ofMinutes(3))),
                sample(Map.of("pod", "web-1"), 0.5, Optional.of(Duration.ofMinutes(3)))),
            new MetricQuery.PodResource(NS, PodPick.selected(APP_WEB), "cpu"),
            List.of(podMetric("web-0", AT, "180s", usage("(pod)", "cpu", "250m")),
                podMetric("web-1", AT, "180s", usage("(pod)", "cpu", "500m"))),
            List.of()),
        Arguments.of("ContainerResource memory: the named container in bytes, the pod total left unknown",
            Specs.containerResource("memory", "app", 80),
            List.of(pod("web-0", 100 * 1024 * 1024)),
            new MetricQuery.ContainerResource(NS, PodPick.selected(APP_WEB), "memory", "app"),
            List.of(podMetric("web-0", AT, "60s", usage("app", "memory", "104857600"), usage("(pod)"))),
            List.of()),
        Arguments.of("Pods: one value per selected pod, others dropped, with the spec's metric selector",
            Specs.pods("http_qps", GET, "1"),
            List.of(pod("web-0", 1.5), pod("web-1", 0.5), pod("db-0", 9)),
            MetricQuery.podsMetric(NS, APP_WEB, new MetricId("http_qps", LabelSelector.parse("verb=GET", "s"))),
            List.of(),
            List.of(podValue("web-0", "1500m"), podValue("web-1", "500m"))),
        Arguments.of("Object: the described object's value",
            Specs.object("requests_rate", "networking.k8s.io/v1", "Ingress", "web", "100"),
            List.of(sample(Map.of("ingress", "web"), 40, Optional.empty())),
            new MetricQuery.ObjectMetric(new GroupKind("networking.k8s.io", "Ingress"), Optional.of(NS),
                Optional.of("web"), LabelSelector.EVERYTHING, MetricId.of("requests_rate")),
            List.of(),
            List.of(MetricValue.object("requests_rate", new ObjectReference("Ingress", "web", "networking.k8s.io/v1"),
                40_000))),
        Arguments.of("Object on a Namespace: cluster-scoped, so no namespace matcher",
            Specs.object("pending_jobs", "v1", "Namespace", "shop", "100"),
            List.of(sample(Map.of("namespace", "shop"), 12, Optional.empty())),
            new MetricQuery.ObjectMetric(new GroupKind("", "Namespace"), Optional.empty(), Optional.of("shop"),
                LabelSelector.EVERYTHING, MetricId.of("pending_jobs")),
            List.of(),
            List.of(MetricValue.object("pending_jobs", new ObjectReference("Namespace", "shop", "v1"), 12_000))),
        Arguments.of("External: one value per series, namespaced, with the spec's selector",
            Specs.external("queue_depth", PROD, "5"),
            List.of(sample(Map.of("queue", "a"), 3, Optional.empty()), sample(Map.of("queue", "b"), 4.5,
                Optional.empty())),
            new MetricQuery.External(Optional.of(NS), new MetricId("queue_depth", LabelSelector.parse("env=prod",
                "s"))),
            List.of(),
            List.of(external("3"), external("4500m"))));
  }

  static MetricValue podValue(String pod, String value) {
    return new MetricValue(MetricSourceType.PODS, "http_qps", GoLabelSelectorText.render(GET, "s"), pod, null,
        Quantity.parseMilli(value), null);
  }

  static MetricValue external(String value) {
    return new MetricValue(MetricSourceType.EXTERNAL, "queue_depth", GoLabelSelectorText.render(PROD, "s"), null,
        null, Quantity.parseMilli(value), null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mappings")
  void eachMetricTypeBecomesItsQueryAndItsRecords(String name, JsonObject spec, List<MetricSample> answer,
      MetricQuery expectedQuery, List<PodMetric> expectedPodMetrics, List<MetricValue> expectedValues) {
    FakeHistory history = FakeHistory.answering(answer);
    HpaMetricInputs inputs = read(history, spec);
    assertEquals(List.of(expectedQuery), history.queries);
    assertEquals(expectedPodMetrics, inputs.podMetrics());
    assertEquals(expectedValues, inputs.metricValues());
    assertEquals(List.of(), inputs.resourceErrors());
  }

  @Test
  void aSinglePodIsPickedByNameSoNoListingIsNeeded() {
    FakeHistory history = FakeHistory.answering(List.of(sample(Map.of("kubernetes_pod_name", "web-0"), 0.1,
        Optional.empty())));
    HpaMetricInputs inputs = read(new HpaMetricReader(history, true, NO_SERVER), Specs.of(Specs.resource("cpu", 50)),
        List.of("web-0"), StreamedPodValues.NONE);
    assertEquals(List.of(new MetricQuery.PodResource(NS, PodPick.named("web-0"), "cpu")), history.queries);
    assertEquals(List.of(podMetric("web-0", AT, "60s", usage("(pod)", "cpu", "100m"))), inputs.podMetrics());
  }

  @Test
  void resourcesOfOnePodMergeIntoOneItemWithoutCountingAContainerTwice() {
    // Pod cpu 900m with container app at 600m: app keeps 600m, the rest of the pod 300m, summing back to 900m.
    FakeHistory history = new FakeHistory(q -> Future.succeededFuture(
        q instanceof MetricQuery.ContainerResource ? List.of(pod("web-0", 0.6))
            : ((MetricQuery.PodResource) q).resource().equals("cpu") ? List.of(pod("web-0", 0.9))
            : List.of(pod("web-0", 2048))));
    HpaMetricInputs inputs = read(history, Specs.resource("cpu", 50), Specs.containerResource("cpu", "app", 50),
        Specs.resource("memory", 50));
    assertEquals(3, history.queries.size());
    assertEquals(List.of(podMetric("web-0", AT, "60s", usage("app", "cpu", "600m"),
        usage("(pod)", "cpu", "300m", "memory", "2048"))), inputs.podMetrics());
  }

  @Test
  void theSameMetricReadByTwoSpecsIsQueriedOnce() {
    FakeHistory history = FakeHistory.answering(List.of(pod("web-0", 0.2)));
    read(history, Specs.resource("cpu", 50), Specs.resourceAverage("cpu", "100m"), Specs.pods("rps", null, "1"),
        Specs.pods("rps", null, "2"));
    assertEquals(2, history.queries.size(), () -> "queries: " + history.queries);
  }

  @Test
  void streamedValuesReplaceTheQueriesOfPodsAndResourceMetrics() {
    FakeHistory history = FakeHistory.pendingForever();
    Instant newest = NOW.minusMillis(400);
    StreamedPodValues streamed = new StreamedPodValues() {
      @Override
      public Optional<PodValues> pods(String metricName) {
        return Optional.of(new PodValues(Map.of("web-0", 2.0, "web-1", 1.25, "old-pod", 7.0), newest));
      }

      @Override
      public Optional<PodValues> resource(String resourceName) {
        return Optional.of(new PodValues(Map.of("web-0", 0.3, "web-1", 0.125), newest));
      }
    };
    HpaMetricInputs inputs = read(new HpaMetricReader(history, true, NO_SERVER),
        Specs.of(Specs.resource("cpu", 50), Specs.pods("http_qps", GET, "1")), PODS, streamed);
    assertEquals(List.of(), history.queries);
    assertEquals(List.of(podMetric("web-0", newest.toString(), "1s", usage("(pod)", "cpu", "300m")),
        podMetric("web-1", newest.toString(), "1s", usage("(pod)", "cpu", "125m"))), inputs.podMetrics());
    assertEquals(List.of(podValue("web-0", "2"), podValue("web-1", "1250m")), inputs.metricValues());
  }

  @Test
  void streamedPodTotalsDoNotServeAContainerResourceMetric() {
    FakeHistory history = FakeHistory.answering(List.of(pod("web-0", 0.2)));
    StreamedPodValues streamed = new StreamedPodValues() {
      @Override
      public Optional<PodValues> pods(String metricName) {
        return Optional.empty();
      }

      @Override
      public Optional<PodValues> resource(String resourceName) {
        return Optional.of(new PodValues(Map.of("web-0", 5.0), NOW));
      }
    };
    read(new HpaMetricReader(history, true, NO_SERVER), Specs.of(Specs.containerResource("cpu", "app", 50)), PODS,
        streamed);
    assertEquals(List.of(new MetricQuery.ContainerResource(NS, PodPick.selected(APP_WEB), "cpu", "app")),
        history.queries);
  }

  static Stream<Arguments> customMetrics() {
    return Stream.of(
        Arguments.of("Pods", Specs.pods("http_qps", GET, "1"), "pods metric http_qps"),
        Arguments.of("Object", Specs.object("requests_rate", "networking.k8s.io/v1", "Ingress", "web", "100"),
            "object metric requests_rate of Ingress.networking.k8s.io web"),
        Arguments.of("External", Specs.external("queue_depth", PROD, "5"), "external metric queue_depth"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customMetrics")
  void aFailedQueryBecomesOneErrorEntryNamingTheMetricAndTheCause(String type, JsonObject spec, String named) {
    FakeHistory history = new FakeHistory(q -> Future.failedFuture(new MetricQueryException(
        MetricQueryException.Kind.UNAVAILABLE, "Prometheus unavailable: connection refused")));
    List<MetricValue> values = read(history, spec).metricValues();
    assertEquals(1, values.size(), values::toString);
    MetricValue entry = values.get(0);
    assertEquals(type, entry.source().apiName());
    assertEquals(null, entry.value());
    assertEquals("Prometheus query for " + named + " failed: Prometheus unavailable: connection refused",
        entry.error());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customMetrics")
  void withoutPrometheusACustomMetricIsAClearErrorAndNothingIsQueried(String type, JsonObject spec, String named) {
    FakeHistory history = FakeHistory.pendingForever();
    List<MetricValue> values = read(new HpaMetricReader(history, false, NO_SERVER), Specs.of(spec), PODS,
        StreamedPodValues.NONE).metricValues();
    assertEquals(List.of(), history.queries);
    assertEquals(1, values.size(), values::toString);
    assertEquals("cannot read " + named + ": no Prometheus configured (prometheus.address is not set)",
        values.get(0).error());
  }

  static Stream<Arguments> badValues() {
    List<Arguments> cases = new ArrayList<>();
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}) {
      customMetrics().forEach(a -> cases.add(Arguments.of(a.get()[0] + " at " + bad, a.get()[1], bad)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void aValueThatIsNotFiniteOrIsNegativeMakesTheMetricAnError(String name, JsonObject spec, double bad) {
    FakeHistory history = FakeHistory.answering(List.of(sample(Map.of("pod", "web-0", "ingress", "web"), bad,
        Optional.empty())));
    List<MetricValue> values = read(history, spec).metricValues();
    assertEquals(1, values.size(), values::toString);
    String error = values.get(0).error();
    assertTrue(error.startsWith("Prometheus returned " + bad + " for "), error);
    assertTrue(error.contains("values must be finite and >= 0"), error);
  }

  @Test
  void aPodWithANonFiniteUsageIsLeftOutAndTheReasonKept() {
    FakeHistory history = FakeHistory.answering(List.of(pod("web-0", 0.2), pod("web-1", Double.NaN)));
    HpaMetricInputs inputs = read(history, Specs.resource("cpu", 50));
    assertEquals(List.of(podMetric("web-0", AT, "60s", usage("(pod)", "cpu", "200m"))), inputs.podMetrics());
    assertEquals(List.of("Prometheus returned NaN as cpu usage of pod web-1 (left out)"), inputs.resourceErrors());
  }

  @Test
  void aFailedResourceQueryLeavesItsPodsOutAndSaysWhy() {
    FakeHistory history = new FakeHistory(q -> q instanceof MetricQuery.PodResource p && p.resource().equals("cpu")
        ? Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.FAILED, "Prometheus timed out"))
        : Future.succeededFuture(List.of(pod("web-0", 2048))));
    HpaMetricInputs inputs = read(history, Specs.resource("cpu", 50), Specs.resource("memory", 50));
    assertEquals(List.of(podMetric("web-0", AT, "60s", usage("(pod)", "memory", "2048"))), inputs.podMetrics());
    assertEquals(List.of("reading cpu usage from Prometheus failed: Prometheus timed out"), inputs.resourceErrors());
  }

  @Test
  void withoutPrometheusResourceUsageComesFromOneMetricsServerCall() {
    List<String> calls = new ArrayList<>();
    PodMetricsSource server = (ns, selector) -> {
      calls.add(ns + " " + selector);
      return Future.succeededFuture(array(
          item("web-0", "2026-01-01T11:59:45Z", "1m0s", container("app", "cpu", "250m", "memory", "1Mi"),
              container("proxy", "cpu", "50m", "memory", "1Mi")),
          item("web-1", "2026-01-01T11:59:40Z", "1m0s", container("app", "cpu", "150m", "memory", "2Mi")),
          item("db-0", "2026-01-01T11:59:40Z", "1m0s", container("db", "cpu", "3", "memory", "1Gi"))));
    };
    FakeHistory history = FakeHistory.pendingForever();
    HpaMetricInputs inputs = read(new HpaMetricReader(history, false, server), Specs.of(Specs.resource("cpu", 50),
        Specs.resource("memory", 50), Specs.containerResource("cpu", "app", 50)), PODS, StreamedPodValues.NONE);
    assertEquals(List.of("shop app=web"), calls);
    assertEquals(List.of(), history.queries);
    assertEquals(List.of(
        podMetric("web-0", "2026-01-01T11:59:45Z", "1m0s", usage("app", "cpu", "250m"),
            usage("(pod)", "cpu", "50m", "memory", "2097152")),
        podMetric("web-1", "2026-01-01T11:59:40Z", "1m0s", usage("app", "cpu", "150m"),
            usage("(pod)", "cpu", "0", "memory", "2097152"))), inputs.podMetrics());
    assertEquals(List.of(), inputs.resourceErrors());
  }

  @Test
  void aFailedMetricsServerCallLeavesPodMetricsEmptyAndSaysWhy() {
    PodMetricsSource server = (ns, selector) -> Future.failedFuture(new IllegalStateException(
        "GET /apis/metrics.k8s.io/v1beta1/namespaces/shop/pods: 503 Service Unavailable"));
    HpaMetricInputs inputs = read(new HpaMetricReader(FakeHistory.pendingForever(), false, server),
        Specs.of(Specs.resource("cpu", 50)), PODS, StreamedPodValues.NONE);
    assertEquals(List.of(), inputs.podMetrics());
    assertEquals(List.of("reading cpu usage from metrics.k8s.io failed: GET /apis/metrics.k8s.io/v1beta1/namespaces/"
        + "shop/pods: 503 Service Unavailable"), inputs.resourceErrors());
  }

  @Test
  void distinctMetricsAreQueriedConcurrently() {
    FakeHistory history = FakeHistory.pendingForever();
    Future<HpaMetricInputs> future = new HpaMetricReader(history, true, NO_SERVER).read(NS, Specs.of(
        Specs.resource("cpu", 50), Specs.pods("http_qps", GET, "1"), Specs.external("queue_depth", PROD, "5"),
        Specs.object("requests_rate", "networking.k8s.io/v1", "Ingress", "web", "100")), "app=web", PODS,
        StreamedPodValues.NONE, NOW);
    // Every query is out before any has answered: none waits for another.
    assertEquals(4, history.queries.size());
    assertFalse(future.isComplete());
    for (int i = history.pending.size() - 1; i >= 0; i--) {
      assertFalse(future.isComplete());
      history.pending.get(i).complete(List.of(sample(Map.of("pod", "web-0", "ingress", "web"), 1, Optional.empty())));
    }
    assertTrue(future.succeeded());
    assertEquals(1, future.result().podMetrics().size());
    assertEquals(3, future.result().metricValues().size());
  }

  @Test
  void aBadMetricSelectorIsAnErrorNamingTheField() {
    JsonObject selector = new JsonObject().put("matchExpressions", new JsonArray().add(new JsonObject()
        .put("key", "env").put("operator", "Like").put("values", new JsonArray().add("prod"))));
    FakeHistory history = FakeHistory.pendingForever();
    List<MetricValue> values = read(history, Specs.external("queue_depth", selector, "5")).metricValues();
    assertEquals(List.of(), history.queries);
    assertEquals("cannot query external metric queue_depth: metric.selector.matchExpressions[0].operator: Invalid "
        + "value: \"Like\": not a valid selector operator", values.get(0).error());
  }

  @Test
  void malformedAndUnknownSpecsAreLeftToTheDecisionToReport() {
    FakeHistory history = FakeHistory.pendingForever();
    HpaMetricInputs inputs = read(history, new JsonObject().put("type", "Pods"),
        new JsonObject().put("type", "Custom"), new JsonObject().put("type", "Resource").put("resource",
            new JsonObject().put("name", 3)));
    assertEquals(List.of(), history.queries);
    assertEquals(List.of(), inputs.podMetrics());
    assertEquals(List.of(), inputs.metricValues());
  }

  @Test
  void theInputsCannotBeChangedByTheirReader() {
    HpaMetricInputs inputs = read(FakeHistory.answering(List.of(pod("web-0", 1))), Specs.pods("http_qps", GET, "1"));
    assertThrows(UnsupportedOperationException.class, () -> inputs.metricValues().clear());
    assertThrows(UnsupportedOperationException.class, () -> inputs.podMetrics().clear());
    assertEquals(1, inputs.metricValues().size());
  }
}
