package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.prometheus.AdapterConfig;
import dev.reflex.metrics.prometheus.AdapterConfigParser;
import dev.reflex.metrics.prometheus.DiscoveryRule;
import dev.reflex.metrics.prometheus.ObjectLister;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.objects.Quantity;
import dev.reflex.testing.PrometheusTestServer;
import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics APIs with no streamed samples, on a real Prometheus through the shipped prometheus-adapter rules
 * (seed 003's Actuator counter as the external {@code http_index_qps}, the Ingress NGINX rate) plus a Pods rule in
 * the adapter's own style: discovery lists what the rules expose, and values are the rules' queries.
 */
class MetricsApiPrometheusTest {

  static final Duration SCRAPE = Duration.ofSeconds(15);
  static final String POD_QPS_RULE = """
      rules:
      - seriesQuery: 'http_server_requests_seconds_count{namespace!="",pod!=""}'
        name: {matches: ^(.*)_server_requests_seconds_count$, as: '${1}_qps'}
        resources:
          overrides:
            namespace: {resource: namespace}
            pod: {resource: pod}
        metricsQuery: sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)
      """;

  static PrometheusTestServer prometheus;
  static Vertx vertx;
  static MetricsApiVerticle verticle;
  static HttpClient client;

  @BeforeAll
  static void start() throws Exception {
    PrometheusTestServer.requireBinary();
    prometheus = PrometheusTestServer.start();
    prometheus.write(data(Instant.now()));
    vertx = Vertx.vertx();
    AdapterConfig shipped = AdapterConfigParser.parseFile(Path.of("conf/prometheus-metrics-config.yaml"));
    List<DiscoveryRule> rules = new ArrayList<>(shipped.rules());
    rules.addAll(AdapterConfigParser.parse(POD_QPS_RULE, "test rule").rules());
    AdapterConfig config = new AdapterConfig(shipped.resourceRules(), rules, shipped.externalRules(),
        shipped.workloadPodNamePatterns());
    // The app's lister reads the informer cache; here the two pods of app=web in demo-prod.
    ObjectLister pods = (kind, namespace, selector) -> Future.succeededFuture(kind.kind().equals("Pod")
        && namespace.equals(Optional.of("demo-prod")) && selector.matches(Map.of("app", "web"))
        ? List.of("web-0", "web-1") : List.of());
    PrometheusMetricHistory history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(),
        Duration.ofSeconds(5)), config, pods, Clock.systemUTC());
    ServingCertificates certificate = ServingCertificates.issue(List.of("localhost"), List.of(), Instant.now());
    verticle = new MetricsApiVerticle(new MetricsApiVerticle.Options("127.0.0.1", 0, new MetricsApiVerticle.Tls(
        certificate.certificatePem(), certificate.privateKeyPem()), Duration.ofSeconds(15), 1000),
        namespace -> "demo-prod".equals(namespace) ? List.of(pod("web-0"), pod("web-1")) : List.of(), history, true,
        Clock.systemUTC());
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.caPem()))));
  }

  @AfterAll
  static void stop() throws Exception {
    if (vertx != null) {
      vertx.close().await();
    }
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void discoveryListsWhatTheRulesExpose() throws Exception {
    List<String> custom = names(get("/apis/custom.metrics.k8s.io/v1beta2"));
    assertTrue(custom.containsAll(List.of("pods/http_qps", "namespaces/http_qps",
        "ingresses.networking.k8s.io/nginx_ingress_controller_requests_rate",
        "namespaces/nginx_ingress_controller_requests_rate")), custom::toString);
    assertTrue(custom.stream().noneMatch(n -> n.startsWith("uris/") || n.startsWith("envs/")),
        "labels that name no kind are not resources: " + custom);
    assertEquals(List.of("http_index_qps"), names(get("/apis/external.metrics.k8s.io/v1beta1")));
  }

  @Test
  void seed003sExternalQpsIsTheRulesSumByEnv() throws Exception {
    JsonArray items = get("/apis/external.metrics.k8s.io/v1beta1/namespaces/demo-prod/http_index_qps"
        + "?labelSelector=env%3Ddemo-prod").getJsonArray("items");
    assertEquals(1, items.size(), items::encode);
    assertEquals(new JsonObject().put("env", "demo-prod"), items.getJsonObject(0).getJsonObject("metricLabels"));
    assertNear(700, items.getJsonObject(0).getString("value"));
  }

  @Test
  void podsValuesComeFromTheRuleForTheSelectedPods() throws Exception {
    JsonArray items = get("/apis/custom.metrics.k8s.io/v1beta2/namespaces/demo-prod/pods/*/http_qps"
        + "?labelSelector=app%3Dweb").getJsonArray("items");
    assertEquals(List.of("web-0", "web-1"), items.stream().map(i -> ((JsonObject) i).getJsonObject(
        "describedObject").getString("name")).toList());
    assertNear(350, items.getJsonObject(0).getString("value"));
  }

  private static void assertNear(double expected, String quantity) {
    double value = Quantity.parseMilli(quantity) / 1000.0;
    assertTrue(Math.abs(value - expected) < 0.5, "expected ~" + expected + ", was " + quantity);
  }

  private static List<String> names(JsonObject resourceList) {
    return resourceList.getJsonArray("resources").stream().map(r -> ((JsonObject) r).getString("name")).toList();
  }

  private static JsonObject get(String uri) throws Exception {
    return client.request(HttpMethod.GET, verticle.port(), "localhost", uri).compose(r -> r.send())
        .compose(response -> response.body().compose(body -> response.statusCode() == 200
            ? Future.succeededFuture(new JsonObject(body.toString()))
            : Future.failedFuture(uri + " -> " + response.statusCode() + ": " + body)))
        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  /** Two hours of counters up to ten minutes past {@code now}: 350 requests/s on each of two pods. */
  static WriteRequest data(Instant now) {
    Instant end = Instant.ofEpochSecond(now.getEpochSecond() / 15 * 15).plus(Duration.ofMinutes(10));
    Instant start = end.minus(Duration.ofHours(2));
    WriteRequest.Builder w = WriteRequest.newBuilder();
    for (String pod : List.of("web-0", "web-1")) {
      PrometheusTestServer.counter(w, start, end, SCRAPE, "http_server_requests_seconds_count", Map.of(
          "namespace", "demo-prod", "pod", pod, "env", "demo-prod", "uri", "/api/v1/openapi/index"), 350);
    }
    PrometheusTestServer.counter(w, start, end, SCRAPE, "nginx_ingress_controller_requests", Map.of(
        "namespace", "shop", "ingress", "main", "status", "200"), 5);
    return w.build();
  }

  private static JsonObject pod(String name) {
    return new JsonObject().put("metadata", new JsonObject().put("name", name).put("namespace", "demo-prod")
        .put("labels", new JsonObject().put("app", "web")));
  }
}
