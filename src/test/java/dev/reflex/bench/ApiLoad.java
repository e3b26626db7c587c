package dev.reflex.bench;

import dev.reflex.bench.ClosedLoop.Request;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load {@code scripts/bench-apiserver} puts on one API server, through its own Vert.x client (two event loops,
 * HTTP/1.1 keep-alive, one connection per request in flight):
 * <ol>
 *   <li>the namespaces, then an unmeasured warm-up (ConfigMap creates and patches in their own namespace) so that
 *       neither server is measured cold;</li>
 *   <li>{@code watches} pod watches, watch {@code w} on namespace {@code w % namespaces} with the selector
 *       {@code group=g<w / namespaces>}: every pod matches exactly one watch, so each pod write is one event;</li>
 *   <li>the creates: pods and ConfigMaps alternating, closed-loop with {@code concurrency} in flight; the pods
 *       carry the send instant, so their ADDED events time the watch delivery of creates;</li>
 *   <li>the patches: merge patches on the pods (a label and the send instant as an annotation), closed-loop;</li>
 *   <li>paced patches at a fixed rate below saturation, for the watch delivery latency without queueing;</li>
 *   <li>a list of all pods, several times, median.</li>
 * </ol>
 * Every phase has a deadline, so a server that slows down or stops answering is reported at what it reached.
 */
final class ApiLoad {

  /** The sizes and bounds of the load. */
  record Plan(int objects, int watches, int namespaces, int concurrency, int patches, int warmup, int pacedRate,
      int pacedSeconds, int listRuns, int createSeconds, int patchSeconds, int listSeconds) {

    int pods() {
      return (objects + 1) / 2;
    }

    int groups() {
      return Math.max(1, (watches + namespaces - 1) / namespaces);
    }

    String namespace(int i) {
      return "bench-%03d".formatted(i % namespaces);
    }

    /** Pod {@code p}'s label group; with its namespace it names the one watch that sees it. */
    int group(int p) {
      return (p / namespaces) % groups();
    }

    boolean watched(int p) {
      return p % namespaces + namespaces * group(p) < watches;
    }
  }

  private static final String WARMUP_NAMESPACE = "bench-warmup";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String JSON = "application/json";

  private final Plan plan;
  private final int port;
  private final Vertx vertx;
  private final HttpClient http;
  private final ClosedLoop loop;
  private final WatchFleet fleet;

  private ApiLoad(Plan plan, int port) {
    this.plan = plan;
    this.port = port;
    this.vertx = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false)
        .setMaxInitialLineLength(64 * 1024), new PoolOptions().setHttp1MaxSize(plan.concurrency() + 4)
        .setMaxWaitQueueSize(-1));
    WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(plan.watches() + 16).setMaxMessageSize(64 * 1024 * 1024)
        .setMaxFrameSize(16 * 1024 * 1024));
    this.loop = new ClosedLoop(http, port, plan.concurrency());
    this.fleet = new WatchFleet(sockets, port);
  }

  /** Runs the whole load on the server at {@code port}; returns its figures. */
  static JsonObject run(Plan plan, int port, String name) throws Exception {
    ApiLoad load = new ApiLoad(plan, port);
    try {
      return load.run(name);
    } finally {
      load.fleet.close();
      load.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private JsonObject run(String name) throws Exception {
    JsonObject details = new JsonObject();
    log(name, "namespaces and warm-up");
    ClosedLoop.Result namespaces = new ClosedLoop(http, port, 8).run(plan.namespaces() + 1, 60, 10,
        (i, stamp) -> new Request(HttpMethod.POST, "/api/v1/namespaces", JSON, Buffer.buffer(new JsonObject()
            .put("apiVersion", "v1").put("kind", "Namespace").put("metadata", new JsonObject()
                .put("name", i < plan.namespaces() ? plan.namespace(i) : WARMUP_NAMESPACE)).encode())));
    details.put("namespacesCreated", namespaces.ok());
    warmUp();

    log(name, "opening " + plan.watches() + " watches");
    long t0 = System.nanoTime();
    List<String> paths = new ArrayList<>();
    for (int w = 0; w < plan.watches(); w++) {
      paths.add("/api/v1/namespaces/" + plan.namespace(w) + "/pods?watch=true&labelSelector=group%3Dg"
          + w / plan.namespaces());
    }
    int open = fleet.open(paths, 100, 60);
    details.put("watchesOpen", open).put("watchOpenSeconds", BenchCluster.round((System.nanoTime() - t0) / 1e9, 2));
    BenchCluster.sleep(500);

    log(name, "creating " + plan.objects() + " objects");
    WatchFleet.Phase added = fleet.begin("ADDED");
    ConcurrentLinkedQueue<Integer> createdPods = new ConcurrentLinkedQueue<>();
    ClosedLoop.Result creates = loop.run(plan.objects(), plan.createSeconds(), 20, new ClosedLoop.Requests() {
      @Override
      public Request next(int index, long stamp) {
        return index % 2 == 0 ? createPod(index / 2, stamp) : createConfigMap(index / 2);
      }

      @Override
      public void answered(int index) {
        if (index % 2 == 0) {
          createdPods.add(index / 2);
        }
      }
    });
    List<Integer> pods = new ArrayList<>(createdPods);
    pods.sort(Integer::compare);
    long expectedAdded = pods.stream().filter(plan::watched).count();
    long addedSeen = fleet.await(added, expectedAdded, 10_000);
    details.mergeIn(creates.figures("create")).put("podsCreated", pods.size())
        .put("createWatchEventsExpected", expectedAdded).put("createWatchEvents", addedSeen)
        .mergeIn(added.latencies.summary("createWatch"));
    if (pods.isEmpty()) {
      return details.put("aborted", "no pod was created");
    }

    log(name, "patching " + plan.patches() + " pods");
    WatchFleet.Phase modified = fleet.begin("MODIFIED");
    AtomicLong expectedModified = new AtomicLong();
    ClosedLoop.Result patches = loop.run(plan.patches(), plan.patchSeconds(), 20, new ClosedLoop.Requests() {
      @Override
      public Request next(int index, long stamp) {
        return patchPod(pods.get(index % pods.size()), index, stamp);
      }

      @Override
      public void answered(int index) {
        if (plan.watched(pods.get(index % pods.size()))) {
          expectedModified.incrementAndGet();
        }
      }
    });
    long modifiedSeen = fleet.await(modified, expectedModified.get(), 10_000);
    details.mergeIn(patches.figures("patch")).put("patchWatchEventsExpected", expectedModified.get())
        .put("patchWatchEvents", modifiedSeen).mergeIn(modified.latencies.summary("patchWatch"));

    log(name, "paced patches at " + plan.pacedRate() + "/s for " + plan.pacedSeconds() + " s");
    WatchFleet.Phase paced = fleet.begin("MODIFIED");
    JsonObject pacedFigures = paced(pods, paced);
    details.mergeIn(pacedFigures).mergeIn(paced.latencies.summary("pacedWatch"));

    log(name, "listing all pods " + plan.listRuns() + " times");
    details.mergeIn(lists());
    details.put("watchAnomalies", fleet.anomalies())
        .put("heapUsedLoadedMb", BenchCluster.round(BenchCluster.heapUsedAfterGc() / 1048576.0, 1));
    return details;
  }

  private void warmUp() throws Exception {
    if (plan.warmup() <= 0) {
      return;
    }
    loop.run(plan.warmup(), 60, 10, (i, stamp) -> new Request(HttpMethod.POST,
        "/api/v1/namespaces/" + WARMUP_NAMESPACE + "/configmaps", JSON, Buffer.buffer(configMap(WARMUP_NAMESPACE,
            "warm-%05d".formatted(i)).encode())));
    loop.run(plan.warmup(), 60, 10, (i, stamp) -> new Request(HttpMethod.PATCH,
        "/api/v1/namespaces/" + WARMUP_NAMESPACE + "/configmaps/" + "warm-%05d".formatted(i), MERGE_PATCH,
        Buffer.buffer("{\"data\":{\"tick\":\"" + i + "\"}}")));
    loop.run(2, 60, 10, (i, stamp) -> new Request(HttpMethod.GET,
        "/api/v1/namespaces/" + WARMUP_NAMESPACE + "/configmaps", null, null));
  }

  private Request createPod(int p, long stamp) {
    String namespace = plan.namespace(p);
    JsonObject pod = new JsonObject().put("apiVersion", "v1").put("kind", "Pod")
        .put("metadata", new JsonObject().put("name", podName(p)).put("namespace", namespace)
            .put("labels", new JsonObject().put("app", "bench").put("group", "g" + plan.group(p)))
            .put("annotations", new JsonObject().put(WatchFleet.STAMP, Long.toString(stamp))))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(new JsonObject().put("name", "main")
            .put("image", "nginx:stable").put("ports", new JsonArray().add(new JsonObject()
                .put("containerPort", 8080))))));
    return new Request(HttpMethod.POST, "/api/v1/namespaces/" + namespace + "/pods", JSON,
        Buffer.buffer(pod.encode()));
  }

  private Request createConfigMap(int c) {
    String namespace = plan.namespace(c);
    return new Request(HttpMethod.POST, "/api/v1/namespaces/" + namespace + "/configmaps", JSON,
        Buffer.buffer(configMap(namespace, "cm-%05d".formatted(c)).encode()));
  }

  private static JsonObject configMap(String namespace, String name) {
    return new JsonObject().put("apiVersion", "v1").put("kind", "ConfigMap")
        .put("metadata", new JsonObject().put("name", name).put("namespace", namespace))
        .put("data", new JsonObject().put("config.yaml", "replicas: 3\nmode: bench\n").put("owner", "bench"));
  }

  private Request patchPod(int p, int index, long stamp) {
    String body = "{\"metadata\":{\"labels\":{\"tick\":\"t" + index % 10 + "\"},\"annotations\":{\""
        + WatchFleet.STAMP + "\":\"" + stamp + "\"}}}";
    return new Request(HttpMethod.PATCH, "/api/v1/namespaces/" + plan.namespace(p) + "/pods/" + podName(p),
        MERGE_PATCH, Buffer.buffer(body));
  }

  private static String podName(int p) {
    return "pod-%05d".formatted(p);
  }

  /**
   * Patches at {@code pacedRate} per second (sent in 10 ms ticks, never more than {@code concurrency} in flight),
   * so the server has spare time and the watch latency shows delivery rather than a write queue.
   */
  private JsonObject paced(List<Integer> pods, WatchFleet.Phase phase) throws Exception {
    if (plan.pacedRate() <= 0 || plan.pacedSeconds() <= 0) {
      return new JsonObject();
    }
    Latencies latencies = new Latencies();
    AtomicInteger sent = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong expected = new AtomicLong();
    AtomicLong skipped = new AtomicLong();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(plan.pacedSeconds());
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.setPeriodic(10, timer -> {
      long now = System.nanoTime();
      if (now > end) {
        vertx.cancelTimer(timer);
        done.complete(null);
        return;
      }
      long due = (now - start) * plan.pacedRate() / 1_000_000_000L;
      while (sent.get() < due) {
        int index = sent.getAndIncrement();
        if (inFlight.get() >= plan.concurrency()) {
          skipped.incrementAndGet();
          continue;
        }
        int p = pods.get(index % pods.size());
        long stamp = System.nanoTime();
        Request request = patchPod(p, plan.patches() + index, stamp);
        inFlight.incrementAndGet();
        send(request).onComplete(answer -> {
          inFlight.decrementAndGet();
          latencies.record(System.nanoTime() - stamp);
          if (answer.succeeded() && answer.result() / 100 == 2) {
            ok.incrementAndGet();
            if (plan.watched(p)) {
              expected.incrementAndGet();
            }
          }
        });
      }
    });
    done.get(plan.pacedSeconds() + 30L, TimeUnit.SECONDS);
    long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (inFlight.get() > 0 && System.nanoTime() < drainDeadline) {
      BenchCluster.sleep(10);
    }
    long seen = fleet.await(phase, expected.get(), 10_000);
    return new JsonObject().put("pacedRate", plan.pacedRate()).put("pacedOk", ok.get())
        .put("pacedSkipped", skipped.get()).mergeIn(latencies.summary("pacedPatch"))
        .put("pacedWatchEventsExpected", expected.get()).put("pacedWatchEvents", seen);
  }

  /** Lists all pods {@code listRuns} times, one after the other, each timed until its whole body has arrived. */
  private JsonObject lists() throws Exception {
    List<Double> millis = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.listSeconds());
    int items = -1;
    long bytes = 0;
    String error = null;
    for (int run = 0; run < plan.listRuns() && System.nanoTime() < deadline; run++) {
      long t0 = System.nanoTime();
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
          .setURI("/api/v1/pods").setIdleTimeout(TimeUnit.SECONDS.toMillis(plan.listSeconds()))
          .putHeader("Accept", "application/json");
      try {
        Buffer body = http.request(options).compose(r -> r.send()).compose(response -> response.statusCode() == 200
            ? response.body() : Future.failedFuture("status " + response.statusCode()))
            .toCompletionStage().toCompletableFuture().get(plan.listSeconds(), TimeUnit.SECONDS);
        millis.add((System.nanoTime() - t0) / 1e6);
        if (items < 0) {
          items = new JsonObject(body).getJsonArray("items").size();
          bytes = body.length();
        }
      } catch (Exception e) {
        error = e.toString();
        break;
      }
    }
    millis.sort(Double::compare);
    JsonObject figures = new JsonObject().put("listRuns", millis.size()).put("listItems", items)
        .put("listBytes", bytes).put("listError", error);
    if (!millis.isEmpty()) {
      figures.put("listMedianMs", BenchCluster.round(BenchCluster.percentile(millis, 0.5), 1))
          .put("listMinMs", BenchCluster.round(millis.get(0), 1))
          .put("listMaxMs", BenchCluster.round(millis.get(millis.size() - 1), 1));
    }
    return figures;
  }

  private Future<Integer> send(Request request) {
    RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(port)
        .setURI(request.path()).setIdleTimeout(20_000).putHeader("Content-Type", request.contentType())
        .putHeader("Accept", "application/json");
    return http.request(options).compose(r -> r.send(request.body()))
        .compose(response -> response.body().map(body -> response.statusCode()));
  }

  private static void log(String server, String line) {
    System.err.println("bench-apiserver [" + server + "]: " + line);
  }
}
