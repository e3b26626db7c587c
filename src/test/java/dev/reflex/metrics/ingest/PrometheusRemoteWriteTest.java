package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.Codecs;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.metrics.Fixtures;
import dev.reflex.metrics.kpa.StreamedKpa;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.metrics.routing.WorkloadRef;
import dev.reflex.testing.Eventually;
import dev.reflex.testing.PrometheusTestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Debian's Prometheus 2.42 scrapes an exporter every second and remote-writes into Reflex's receiver: a burst in a
 * gauge must come out as a panic portrait with more replicas; a Prometheus over its client rate limit is answered
 * 429 and, with {@code retry_on_http_429}, sends the refused batches again.
 */
class PrometheusRemoteWriteTest {

  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");

  volatile double gauge = 5;

  @Test
  void burstScrapedByPrometheusIsRemoteWrittenAndTriggersAPanicScaleUp() throws Exception {
    PrometheusTestServer.requireBinary();
    Vertx vertx = Vertx.vertx();
    PrometheusTestServer prometheus = null;
    try {
      Codecs.register(vertx.eventBus());
      List<MetricsPortrait> portraits = new CopyOnWriteArrayList<>();
      vertx.eventBus().<MetricsPortrait>localConsumer(Addresses.METRICS_PORTRAIT, m -> portraits.add(m.body()));

      HttpServer exporter = vertx.createHttpServer().requestHandler(req -> req.response()
          .putHeader("Content-Type", "text/plain; version=0.0.4")
          .end("# TYPE concurrency gauge\nconcurrency{namespace=\"shop\",pod=\"web-0\"} " + gauge + "\n"))
          .listen(0, "127.0.0.1").await();

      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      IngestMeters meters = new IngestMeters(registry);
      InMemoryPodDirectory pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true);
      SampleIngest ingest = new SampleIngest(new SampleRouter(RoutingRules.defaults(), pods), meters,
          b -> vertx.eventBus().publish(Addresses.METRICS_SAMPLE, b));
      StreamedKpa kpa = new StreamedKpa(
          new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofSeconds(30), 100), pods, meters,
          Clock.systemUTC());
      kpa.register(WEB.target(), "concurrency", Fixtures.spec());
      vertx.deployVerticle(kpa).await();
      Router router = Router.router(vertx);
      new RemoteWriteRoutes(vertx, ingest, 4 << 20, 16, registry, Clock.systemUTC(),
          new ClientRateLimiter(0, 1, Clock.systemUTC()), NamespaceAuthorizer.ANYONE).mount(router);
      HttpServer reflex = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();

      prometheus = PrometheusTestServer.start("""
          global:
            scrape_interval: 1s
            evaluation_interval: 1s
          scrape_configs:
            - job_name: exporter
              static_configs:
                - targets: ['127.0.0.1:%d']
          remote_write:
            - url: http://127.0.0.1:%d/api/v1/write
              queue_config:
                batch_send_deadline: 1s
          """.formatted(exporter.actualPort(), reflex.actualPort()));

      // Prometheus batches target discovery every 5 s and replays its WAL first: ~6-7 s to the first batch.
      Eventually.until(Duration.ofSeconds(40), "a calm portrait from remote-written samples",
          () -> portraits.stream().anyMatch(p -> !p.stale() && p.desiredReplicas() == 1 && !p.panic()));
      gauge = 80;
      Eventually.until(Duration.ofSeconds(20), "a panic portrait with more replicas", () -> portraits.stream()
          .anyMatch(p -> p.panic() && p.desiredReplicas() > 1 && p.reason() == MetricsPortrait.Reason.PANIC));
      assertTrue(meters.acceptedCount() >= 2, "samples accepted: " + meters.acceptedCount());
    } finally {
      if (prometheus != null) {
        prometheus.close();
      }
      vertx.close().await();
    }
  }

  @Test
  void aPrometheusOverItsRateLimitIsAnswered429AndRetriesItsBatches() throws Exception {
    PrometheusTestServer.requireBinary();
    Vertx vertx = Vertx.vertx();
    PrometheusTestServer prometheus = null;
    try {
      // 50 series scraped every second: about 55 samples/s with Prometheus' own up/scrape_* series, against a limit
      // of 20 per client: most batches wait, some pass.
      StringBuilder page = new StringBuilder("# TYPE load gauge\n");
      for (int i = 0; i < 50; i++) {
        page.append("load{namespace=\"shop\",pod=\"web-").append(i).append("\"} 1\n");
      }
      HttpServer exporter = vertx.createHttpServer().requestHandler(req -> req.response()
          .putHeader("Content-Type", "text/plain; version=0.0.4").end(page.toString()))
          .listen(0, "127.0.0.1").await();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      IngestMeters meters = new IngestMeters(registry);
      SampleIngest ingest = new SampleIngest(new SampleRouter(RoutingRules.defaults(), new InMemoryPodDirectory()),
          meters, b -> { });
      Router router = Router.router(vertx);
      new RemoteWriteRoutes(vertx, ingest, 4 << 20, 16, registry, Clock.systemUTC(),
          new ClientRateLimiter(20, 10, Clock.systemUTC()), NamespaceAuthorizer.ANYONE).mount(router);
      HttpServer reflex = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();

      prometheus = PrometheusTestServer.start("""
          global:
            scrape_interval: 1s
          scrape_configs:
            - job_name: exporter
              static_configs:
                - targets: ['127.0.0.1:%d']
          remote_write:
            - url: http://127.0.0.1:%d/api/v1/write
              queue_config:
                batch_send_deadline: 1s
                retry_on_http_429: true
                max_backoff: 2s
          """.formatted(exporter.actualPort(), reflex.actualPort()));

      HttpClient http = HttpClient.newHttpClient();
      URI own = URI.create(prometheus.address() + "/metrics");
      // Prometheus' own count of samples it sent again after a recoverable answer, 429 included.
      Eventually.until(Duration.ofSeconds(60), "Prometheus retrying batches Reflex answered 429", () -> {
        try {
          String text = http.send(HttpRequest.newBuilder(own).build(),
              HttpResponse.BodyHandlers.ofString()).body();
          return text.lines().anyMatch(l -> l.startsWith("prometheus_remote_storage_samples_retried_total")
              && !l.endsWith(" 0"));
        } catch (IOException e) {
          return false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }, () -> "429 answers: " + registry.find("reflex.remote.write.requests").tag("code", "429").counters()
          .stream().mapToDouble(c -> c.count()).sum() + ", received " + meters.receivedCount());
      assertTrue(registry.get("reflex.remote.write.requests").tag("code", "429").counter().count() >= 1);
      assertTrue(registry.get("reflex.remote.write.requests").tag("code", "204").counter().count() >= 1,
          "batches within the limit still pass");
    } finally {
      if (prometheus != null) {
        prometheus.close();
      }
      vertx.close().await();
    }
  }
}
