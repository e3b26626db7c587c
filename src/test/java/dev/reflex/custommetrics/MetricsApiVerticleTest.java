package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.Codecs;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricPoint;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import dev.reflex.testing.MutableClock;
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
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The metrics APIs over HTTPS, as the aggregation layer calls them: samples arrive on the bus, answers come from
 * them while fresh, from the history (Prometheus through the rules) once they are not, and failures are Status
 * objects with the adapter's codes.
 */
@ExtendWith(VertxExtension.class)
class MetricsApiVerticleTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
  private static final String PODS = "/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/pods/";

  private final MutableClock clock = new MutableClock(T0);
  private final List<MetricQuery> asked = new ArrayList<>();
  private Future<List<MetricSample>> historyAnswer = Future.succeededFuture(List.of());
  private MetricsApiVerticle verticle;
  private HttpClient client;

  private final MetricHistory history = new MetricHistory() {
    @Override
    public Future<List<MetricSample>> queryLatest(MetricQuery query) {
      asked.add(query);
      return historyAnswer;
    }

    @Override
    public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
      return Future.failedFuture("no ranges here");
    }
  };

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext test) {
    Codecs.register(vertx.eventBus());
    ServingCertificates certificate = ServingCertificates.issue(List.of("localhost"), List.of("127.0.0.1"), T0);
    verticle = new MetricsApiVerticle(new MetricsApiVerticle.Options("127.0.0.1", 0, new MetricsApiVerticle.Tls(
        certificate.certificatePem(), certificate.privateKeyPem()), Duration.ofSeconds(30), 1000),
        namespace -> "default".equals(namespace) ? List.of(pod("web-0", "web"), pod("web-1", "web"),
            pod("db-0", "db")) : List.of(), history, true, clock);
    // The client trusts only the CA that signed the serving certificate and checks the name, as the proxy does.
    client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.caPem()))));
    vertx.deployVerticle(verticle).onComplete(test.succeedingThenComplete());
  }

  private Future<JsonObject> get(String uri, int expectedStatus) {
    return client.request(HttpMethod.GET, verticle.port(), "localhost", uri).compose(r -> r.send())
        .compose(response -> response.body().compose(body -> response.statusCode() == expectedStatus
            ? Future.succeededFuture(new JsonObject(body.toString()))
            : Future.failedFuture("status " + response.statusCode() + ": " + body)));
  }

  private static void publish(Vertx vertx, String metric, SampleMessage.PodSample... samples) {
    vertx.eventBus().publish(Addresses.METRICS_SAMPLE, new SampleMessage.Batch(new TargetKey("default", "web"),
        "Deployment", metric, List.of(samples), "test", T0));
  }

  private static SampleMessage.PodSample sample(String pod, double value) {
    return new SampleMessage.PodSample("pod=" + pod, pod, T0.toEpochMilli(), value);
  }

  @Test
  void freshSamplesAnswerAPodsMetricForTheSelectedPods(Vertx vertx, VertxTestContext test) {
    // Published before the request is sent: the consumer runs on the verticle's event loop ahead of the request.
    publish(vertx, "rps", sample("web-0", 715.7), sample("web-1", 700), sample("db-0", 9));
    get(PODS + "*/rps?labelSelector=app%3Dweb", 200).onComplete(test.succeeding(list -> test.verify(() -> {
      JsonArray items = list.getJsonArray("items");
      assertEquals(2, items.size());
      assertEquals("web-0", items.getJsonObject(0).getJsonObject("describedObject").getString("name"));
      assertEquals("715700m", items.getJsonObject(0).getString("value"));
      assertEquals("700", items.getJsonObject(1).getString("value"));
      assertEquals(List.of(), asked, "fresh samples need no query");
      test.completeNow();
    })));
  }

  @Test
  void discoveryListsStreamedMetricsUntilTheyGoStale(Vertx vertx, VertxTestContext test) {
    publish(vertx, "rps", sample("web-0", 1));
    Checkpoint listed = test.checkpoint();
    Checkpoint gone = test.checkpoint();
    get("/apis/custom.metrics.k8s.io/v1beta2", 200).compose(resources -> {
      test.verify(() -> assertEquals("pods/rps", resources.getJsonArray("resources").getJsonObject(0)
          .getString("name")));
      listed.flag();
      return get("/apis/external.metrics.k8s.io/v1beta1", 200);
    }).compose(external -> {
      test.verify(() -> assertEquals("rps", external.getJsonArray("resources").getJsonObject(0).getString("name")));
      clock.advance(Duration.ofSeconds(31));
      return get("/apis/custom.metrics.k8s.io/v1beta2", 200);
    }).onComplete(test.succeeding(resources -> test.verify(() -> {
      assertEquals(new JsonArray(), resources.getJsonArray("resources"));
      gone.flag();
    })));
  }

  @Test
  void staleSamplesGiveWayToTheHistory(Vertx vertx, VertxTestContext test) {
    publish(vertx, "rps", sample("web-0", 50));
    clock.advance(Duration.ofSeconds(45));
    historyAnswer = Future.succeededFuture(List.of(new MetricSample(new MetricPoint(T0.plusSeconds(40)
        .toEpochMilli(), 42), Map.of("pod", "web-0"), Optional.of(Duration.ofMinutes(1)))));
    get(PODS + "web-0/rps", 200).onComplete(test.succeeding(list -> test.verify(() -> {
      JsonObject item = list.getJsonArray("items").getJsonObject(0);
      assertEquals("42", item.getString("value"));
      assertEquals(60L, item.getLong("windowSeconds"));
      assertEquals(1, asked.size());
      test.completeNow();
    })));
  }

  @Test
  void anIngressSeriesAnswersTheObjectMetricOfThatIngress(Vertx vertx, VertxTestContext test) {
    // Seed 001's requests-per-second on Ingress main-route, routed by an ingress label; an ingress controller's pod
    // reporting it does not make it a pod's series.
    vertx.eventBus().publish(Addresses.METRICS_SAMPLE, new SampleMessage.Batch(new TargetKey("default", "main-route"),
        "Ingress", "requests-per-second", List.of(new SampleMessage.PodSample("ingress=main-route,pod=controller-0",
            "controller-0", T0.toEpochMilli(), 6000), new SampleMessage.PodSample("ingress=main-route,pod=controller-1",
            "controller-1", T0.toEpochMilli(), 4000)), "test", T0));
    get("/apis/custom.metrics.k8s.io/v1beta2/namespaces/default/ingresses.networking.k8s.io/main-route/"
        + "requests-per-second", 200).onComplete(test.succeeding(list -> test.verify(() -> {
          JsonArray items = list.getJsonArray("items");
          assertEquals(1, items.size());
          assertEquals("10k", items.getJsonObject(0).getString("value"));
          assertEquals("Ingress", items.getJsonObject(0).getJsonObject("describedObject").getString("kind"));
          assertEquals("main-route", items.getJsonObject(0).getJsonObject("describedObject").getString("name"));
          test.completeNow();
        })));
  }

  @Test
  void externalMetricsFilterSeriesByLabelSelector(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().publish(Addresses.METRICS_SAMPLE, new SampleMessage.Batch(new TargetKey("default", "worker"),
        "Deployment", "queue_messages_ready", List.of(new SampleMessage.PodSample("queue=worker_tasks", "",
            T0.toEpochMilli(), 1200), new SampleMessage.PodSample("queue=other", "", T0.toEpochMilli(), 5)), "test",
        T0));
    get("/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue_messages_ready?labelSelector="
        + "queue%3Dworker_tasks", 200).onComplete(test.succeeding(list -> test.verify(() -> {
          JsonArray items = list.getJsonArray("items");
          assertEquals(1, items.size());
          assertEquals("1200", items.getJsonObject(0).getString("value"));
          assertEquals(new JsonObject().put("queue", "worker_tasks"), items.getJsonObject(0)
              .getJsonObject("metricLabels"));
          test.completeNow();
        })));
  }

  @Test
  void failuresAreStatusObjects(VertxTestContext test) {
    get(PODS + "*/rps?labelSelector=app%20in", 400).compose(status -> {
      test.verify(() -> {
        assertEquals("BadRequest", status.getString("reason"));
        assertTrue(status.getString("message").startsWith("invalid labelSelector"), status.getString("message"));
      });
      return get(PODS + "web-0/unknown_metric", 404);
    }).compose(status -> {
      test.verify(() -> {
        assertEquals("the server could not find the metric unknown_metric for pods web-0", status.getString(
            "message"));
        assertEquals(404, status.getInteger("code"));
      });
      historyAnswer = Future.failedFuture(new MetricQueryException(MetricQueryException.Kind.UNAVAILABLE,
          "Prometheus unavailable: connection refused"));
      return get("/apis/external.metrics.k8s.io/v1beta1/namespaces/default/queue", 500);
    }).onComplete(test.succeeding(status -> test.verify(() -> {
      assertEquals("unable to fetch metric queue for namespace default from Prometheus: Prometheus "
          + "unavailable: connection refused", status.getString("message"));
      test.completeNow();
    })));
  }

  private static JsonObject pod(String name, String app) {
    return new JsonObject().put("metadata", new JsonObject().put("name", name).put("namespace", "default")
        .put("labels", new JsonObject().put("app", app)));
  }
}
