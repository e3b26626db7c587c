package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.Codecs;
import dev.reflex.metrics.Fixtures;
import dev.reflex.metrics.kpa.StreamedKpa;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.routing.DropReason;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.metrics.routing.WorkloadRef;
import dev.reflex.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and awkward remote-write input: the right status, nothing crashes, the counters move. */
class RemoteWriteCorpusTest {

  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");
  static final int MAX_BODY = 64 * 1024;
  static final long NOW = System.currentTimeMillis();

  static Vertx vertx;
  static WebClient client;
  static HttpServer server;
  static IngestMeters meters;
  static HeldOffload held = new HeldOffload();

  /** Holds large-body work until released, so a full queue can be produced without racing. */
  static final class HeldOffload implements Offload {
    final List<Runnable> waiting = new ArrayList<>();
    volatile boolean hold;

    @Override
    public synchronized <T> Future<T> run(Callable<T> work) {
      Context ctx = Vertx.currentContext();
      Promise<T> promise = Promise.promise();
      Runnable task = () -> ctx.runOnContext(v -> {
        try {
          promise.complete(work.call());
        } catch (Exception e) {
          promise.fail(e);
        }
      });
      if (hold) {
        waiting.add(task);
      } else {
        task.run();
      }
      return promise.future();
    }

    synchronized void release() {
      hold = false;
      waiting.forEach(Runnable::run);
      waiting.clear();
    }
  }

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Codecs.register(vertx.eventBus());
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    meters = new IngestMeters(registry);
    InMemoryPodDirectory pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true);
    SampleIngest ingest = new SampleIngest(new SampleRouter(RoutingRules.defaults(), pods), meters,
        b -> vertx.eventBus().publish(Addresses.METRICS_SAMPLE, b));
    StreamedKpa kpa = new StreamedKpa(new StreamedKpaEngine.Config(Duration.ofSeconds(1), Duration.ofMinutes(5), 100),
        pods, meters, Clock.systemUTC());
    kpa.register(WEB.target(), "dup_test", Fixtures.spec());
    vertx.deployVerticle(kpa).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    RemoteWriteRoutes routes = new RemoteWriteRoutes(ingest, MAX_BODY, 2, held, registry, Clock.systemUTC(),
        new ClientRateLimiter(0, 1, Clock.systemUTC()), NamespaceAuthorizer.ANYONE);
    Router router = Router.router(vertx);
    routes.mount(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Map<String, String> goodHeaders() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Encoding", "snappy");
    h.put("Content-Type", "application/x-protobuf");
    h.put("X-Prometheus-Remote-Write-Version", "0.1.0");
    return h;
  }

  static Map<String, String> headersWith(String name, String value) {
    Map<String, String> h = goodHeaders();
    if (value == null) {
      h.remove(name);
    } else {
      h.put(name, value);
    }
    return h;
  }

  static byte[] sample(String metric, String pod, long ts, double value) {
    return RemoteWriteEncoder.encode(List.of(
        RemoteWriteEncoder.series(ts, value, "__name__", metric, "namespace", "shop", "pod", pod)));
  }

  static Arguments c(String name, Map<String, String> headers, Supplier<byte[]> body, int status, String bodyHas,
      Map<DropReason, Integer> drops, int accepted) {
    return Arguments.of(name, headers, body, status, bodyHas, drops, accepted);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        c("well-formed batch", goodHeaders(), () -> sample("rps", "web-0", NOW, 3), 204, "", Map.of(), 1),
        c("bad snappy", goodHeaders(), () -> "certainly not snappy data".getBytes(), 400, "snappy", Map.of(), 0),
        c("snappy around bad protobuf", goodHeaders(),
            () -> RemoteWriteEncoder.compress(new byte[] {(byte) 0x0a, (byte) 0xff, (byte) 0xff, 0x01, 0x02}),
            400, "protobuf", Map.of(), 0),
        c("missing Content-Encoding", headersWith("Content-Encoding", null), () -> sample("rps", "web-0", NOW, 1),
            400, "Content-Encoding", Map.of(), 0),
        c("gzip Content-Encoding", headersWith("Content-Encoding", "gzip"), () -> sample("rps", "web-0", NOW, 1),
            400, "Content-Encoding", Map.of(), 0),
        c("JSON Content-Type", headersWith("Content-Type", "application/json"),
            () -> sample("rps", "web-0", NOW, 1), 400, "Content-Type", Map.of(), 0),
        c("missing version header", headersWith("X-Prometheus-Remote-Write-Version", null),
            () -> sample("rps", "web-0", NOW, 1), 400, "Version", Map.of(), 0),
        c("remote-write 2.0 version", headersWith("X-Prometheus-Remote-Write-Version", "2.0.0"),
            () -> sample("rps", "web-0", NOW, 1), 400, "0.1", Map.of(), 0),
        c("empty body", goodHeaders(), () -> new byte[0], 400, "empty", Map.of(), 0),
        c("oversized body", goodHeaders(), () -> new byte[MAX_BODY + 1], 413, "max-body-bytes", Map.of(), 0),
        c("NaN, +Inf and a negative value", goodHeaders(), () -> RemoteWriteEncoder.encode(List.of(
                RemoteWriteEncoder.series(NOW, Double.NaN, "__name__", "rps", "namespace", "shop", "pod", "web-0"),
                RemoteWriteEncoder.series(NOW, Double.POSITIVE_INFINITY, "__name__", "cpu", "namespace", "shop",
                    "pod", "web-0"),
                RemoteWriteEncoder.series(NOW, -1, "__name__", "mem", "namespace", "shop", "pod", "web-0"))),
            204, "", Map.of(DropReason.INVALID_VALUE, 3), 0),
        c("unknown pod and a series without pod label", goodHeaders(), () -> RemoteWriteEncoder.encode(List.of(
                RemoteWriteEncoder.series(NOW, 1, "__name__", "rps", "namespace", "shop", "pod", "stranger-0"),
                RemoteWriteEncoder.series(NOW, 1, "__name__", "up", "namespace", "shop", "job", "x"))),
            204, "", Map.of(DropReason.UNKNOWN_POD, 1, DropReason.NO_POD, 1), 0),
        c("a large body decoded off the event loop", goodHeaders(), () -> largeBody(7), 204, "", Map.of(), 1000));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void answersAndCounts(String name, Map<String, String> headers, Supplier<byte[]> body, int status, String bodyHas,
      Map<DropReason, Integer> drops, int accepted) throws Exception {
    Map<DropReason, Double> before = dropSnapshot();
    double acceptedBefore = meters.acceptedCount();
    HttpResponse<Buffer> response = post(headers, body.get());
    assertEquals(status, response.statusCode(), "status; body: " + response.bodyAsString());
    if (!bodyHas.isEmpty()) {
      assertTrue(response.bodyAsString().contains(bodyHas), "message names the problem: " + response.bodyAsString());
    }
    Map<DropReason, Double> after = dropSnapshot();
    for (DropReason r : DropReason.values()) {
      assertEquals(drops.getOrDefault(r, 0).doubleValue(), after.get(r) - before.get(r), "dropped " + r.tag());
    }
    assertEquals(accepted, meters.acceptedCount() - acceptedBefore, 0.0, "accepted");
  }

  @Test
  void duplicateAndOutOfOrderSamplesAreDroppedByTheWindowAndCounted() throws Exception {
    Map<DropReason, Double> before = dropSnapshot();
    assertEquals(204, post(goodHeaders(), sample("dup_test", "web-0", NOW, 2)).statusCode());
    assertEquals(204, post(goodHeaders(), sample("dup_test", "web-0", NOW, 2)).statusCode());
    assertEquals(204, post(goodHeaders(), sample("dup_test", "web-0", NOW - 1000, 2)).statusCode());
    Eventually.until(Duration.ofSeconds(5), "window counters", () ->
        meters.droppedCount(DropReason.DUPLICATE) - before.get(DropReason.DUPLICATE) == 1
            && meters.droppedCount(DropReason.OUT_OF_ORDER) - before.get(DropReason.OUT_OF_ORDER) == 1);
  }

  @Test
  void floodBeyondThePendingCapacityGets503WithRetryAfterThenRecovers() throws Exception {
    held.hold = true;
    List<Future<HttpResponse<Buffer>>> queued = new ArrayList<>();
    try {
      queued.add(send(goodHeaders(), largeBody(1)));
      queued.add(send(goodHeaders(), largeBody(2)));
      Eventually.until(Duration.ofSeconds(5), "two requests held", () -> held.waiting.size() == 2);
      HttpResponse<Buffer> refused = post(goodHeaders(), sample("rps", "web-0", NOW, 1));
      assertEquals(503, refused.statusCode(), refused.bodyAsString());
      assertEquals("1", refused.getHeader("Retry-After"));
      assertTrue(refused.bodyAsString().contains("max-pending-batches"), refused.bodyAsString());
    } finally {
      held.release();
    }
    for (Future<HttpResponse<Buffer>> f : queued) {
      assertEquals(204, f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).statusCode());
    }
    assertEquals(204, post(goodHeaders(), sample("rps", "web-0", NOW, 1)).statusCode(), "capacity is back");
  }

  /** Over the inline limit: 1,000 series with random pod names (which snappy cannot shrink much). */
  static byte[] largeBody(long seed) {
    Random random = new Random(seed);
    List<RawSeries> series = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      series.add(RemoteWriteEncoder.series(NOW + seed, random.nextDouble(), "__name__", "big_" + i,
          "namespace", "shop", "pod", "web-0", "nonce", Long.toHexString(random.nextLong())));
    }
    byte[] body = RemoteWriteEncoder.encode(series);
    assertTrue(body.length > RemoteWriteRoutes.INLINE_LIMIT_BYTES && body.length < MAX_BODY,
        "large body size " + body.length);
    return body;
  }

  static Map<DropReason, Double> dropSnapshot() {
    Map<DropReason, Double> m = new EnumMap<>(DropReason.class);
    for (DropReason r : DropReason.values()) {
      m.put(r, meters.droppedCount(r));
    }
    return m;
  }

  static Future<HttpResponse<Buffer>> send(Map<String, String> headers, byte[] body) {
    var request = client.post(server.actualPort(), "127.0.0.1", RemoteWriteRoutes.PATH);
    headers.forEach(request::putHeader);
    return request.sendBuffer(Buffer.buffer(body));
  }

  static HttpResponse<Buffer> post(Map<String, String> headers, byte[] body) throws Exception {
    return send(headers, body).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
