package dev.reflex.metrics.ingest;

import dev.reflex.http.auth.BearerAuthHandler;
import dev.reflex.http.auth.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prometheus remote-write 1.0 receiver, {@code POST /api/v1/write}: a snappy block-compressed protobuf
 * {@code WriteRequest} with {@code Content-Encoding: snappy}, {@code Content-Type: application/x-protobuf} and
 * {@code X-Prometheus-Remote-Write-Version: 0.1.x}.
 *
 * <p>Answers: 204 once the samples are accepted (dropped samples are counted, not refused: a scrape carries many
 * series no autoscaler wants); 400 with a text message for wrong headers, bad snappy or bad protobuf (Prometheus
 * drops such a batch, retrying would not help); 413 for a body over {@code remote-write.max-body-bytes}; 503 with
 * {@code Retry-After} when {@code remote-write.max-pending-batches} requests are already being decoded. 503 rather
 * than 429 because Prometheus 2.x retries every 5xx but retries a 429 only with {@code retry_on_http_429: true}.
 * A client over {@code remote-write.client-rate-limit} (by its authenticated name, else its address) gets 429 with
 * {@code Retry-After} for the whole batch: the limit is the client's own doing, so its Prometheus should back off
 * ({@code retry_on_http_429}) or drop, not hammer Reflex with retries.
 *
 * <p><b>Keeping the event loop free.</b> A body up to {@value #INLINE_LIMIT_BYTES} bytes is decoded on the event
 * loop: Prometheus' default batches (500 to 2,000 samples, a few KiB to some 30 KiB of snappy) expand to well under
 * 200 KiB and decode in a fraction of a millisecond, cheaper than a hop to a worker and back, and this is the path
 * whose latency burst scaling depends on. Larger bodies go to a dedicated pool of two worker threads; the pending
 * count (event loop and workers together) is bounded by {@code max-pending-batches}, so that queue can never grow
 * without limit, and a full queue answers 503 at once instead of buffering.
 */
public final class RemoteWriteRoutes implements Consumer<Router> {

  /** The path Prometheus' own receiver uses. */
  public static final String PATH = "/api/v1/write";

  /** Bodies up to this size are decoded on the event loop; see the class comment. */
  public static final int INLINE_LIMIT_BYTES = 32 * 1024;

  /** A snappy body may expand to at most this multiple of the body limit (snappy's worst ratio is far lower). */
  private static final int MAX_EXPANSION = 8;

  private static final String SOURCE = "remote-write";
  private static final Logger LOG = LoggerFactory.getLogger(RemoteWriteRoutes.class);

  private final SampleIngest ingest;
  private final int maxBodyBytes;
  private final int maxPendingBatches;
  private final Offload offload;
  private final AtomicInteger pending = new AtomicInteger();
  private final MeterRegistry registry;
  private final Clock clock;
  private final Map<Integer, Counter> responses = new ConcurrentHashMap<>();
  private final ClientRateLimiter limiter;

  private final NamespaceAuthorizer authorizer;

  /** The API server could not say what the caller may write: the batch is refused, to be sent again. */
  private static final class AuthorizationUnavailable extends Exception {
    AuthorizationUnavailable(String message) {
      super(message, null, false, false);
    }
  }

  /** A batch of which the caller may write no namespace, refused whole. */
  private static final class Forbidden extends Exception {
    private final Set<String> namespaces;

    Forbidden(Set<String> namespaces) {
      super(null, null, false, false);
      this.namespaces = namespaces;
    }
  }

  /** A batch over its client's rate limit, refused whole. */
  private static final class OverRateLimit extends Exception {
    private final Duration retryAfter;
    private final String client;

    OverRateLimit(String client, Duration retryAfter) {
      super(null, null, false, false);
      this.client = client;
      this.retryAfter = retryAfter;
    }
  }

  /**
   * @param vertx for the worker pool that decodes large bodies
   * @param ingest routes and publishes
   * @param maxBodyBytes {@code remote-write.max-body-bytes}
   * @param maxPendingBatches {@code remote-write.max-pending-batches}
   * @param registry where {@code reflex_remote_write_requests_total{code}} is registered
   * @param clock the arrival time samples are stamped with
   * @param limiter samples per second per client ({@code remote-write.client-rate-limit})
   * @param authorizer the namespaces each caller may write
   */
  public RemoteWriteRoutes(Vertx vertx, SampleIngest ingest, int maxBodyBytes, int maxPendingBatches,
      MeterRegistry registry, Clock clock, ClientRateLimiter limiter, NamespaceAuthorizer authorizer) {
    this(ingest, maxBodyBytes, maxPendingBatches, workerOffload(vertx), registry, clock, limiter, authorizer);
  }

  RemoteWriteRoutes(SampleIngest ingest, int maxBodyBytes, int maxPendingBatches, Offload offload,
      MeterRegistry registry, Clock clock, ClientRateLimiter limiter, NamespaceAuthorizer authorizer) {
    if (maxBodyBytes < 1 || maxPendingBatches < 1) {
      throw new IllegalArgumentException("max-body-bytes and max-pending-batches must be at least 1");
    }
    this.ingest = ingest;
    this.maxBodyBytes = maxBodyBytes;
    this.maxPendingBatches = maxPendingBatches;
    this.offload = offload;
    this.registry = registry;
    this.clock = clock;
    this.limiter = limiter;
    this.authorizer = authorizer;
  }

  private static Offload workerOffload(Vertx vertx) {
    WorkerExecutor pool = vertx.createSharedWorkerExecutor("reflex-remote-write", 2);
    return new Offload() {
      @Override
      public <T> Future<T> run(Callable<T> work) {
        return pool.executeBlocking(work, false);
      }
    };
  }

  /** Mounts {@code POST /api/v1/write} on the router. */
  public void mount(Router router) {
    // The body handler refuses an oversized Content-Length before reading anything, and stops reading a chunked
    // body once it passes the limit; it must come first on a Vert.x 5 route.
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
        .handler(this::checkHeaders)
        .handler(this::receive)
        .failureHandler(this::failure);
  }

  @Override
  public void accept(Router router) {
    mount(router);
  }

  /** Requests being decoded or published right now. */
  public int pending() {
    return pending.get();
  }

  private void checkHeaders(RoutingContext rc) {
    String problem = headerProblem(rc.request().getHeader("Content-Encoding"), rc.request().getHeader("Content-Type"),
        rc.request().getHeader("X-Prometheus-Remote-Write-Version"));
    if (problem != null) {
      reply(rc, 400, problem);
      return;
    }
    String length = rc.request().getHeader("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          reply(rc, 413, tooLarge());
          return;
        }
      } catch (NumberFormatException e) {
        reply(rc, 400, "Content-Length '" + length + "' is not a number");
        return;
      }
    }
    rc.next();
  }

  /** The first thing wrong with the headers, or null when they are what remote-write 1.0 sends. */
  static String headerProblem(String encoding, String type, String version) {
    if (encoding == null || !encoding.trim().equalsIgnoreCase("snappy")) {
      return "Content-Encoding must be 'snappy' (Prometheus remote-write 1.0), was "
          + (encoding == null ? "missing" : "'" + encoding + "'");
    }
    String mediaType = type == null ? null : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!"application/x-protobuf".equals(mediaType)) {
      return "Content-Type must be 'application/x-protobuf', was " + (type == null ? "missing" : "'" + type + "'");
    }
    if (version == null || !(version.trim().equals("0.1") || version.trim().startsWith("0.1."))) {
      return "X-Prometheus-Remote-Write-Version must be 0.1.x, was "
          + (version == null ? "missing" : "'" + version + "'");
    }
    return null;
  }

  private void receive(RoutingContext rc) {
    Instant receivedAt = clock.instant();
    Buffer body = rc.body().buffer();
    if (body == null || body.length() == 0) {
      reply(rc, 400, "empty body: expected a snappy-compressed protobuf WriteRequest");
      return;
    }
    if (pending.incrementAndGet() > maxPendingBatches) {
      pending.decrementAndGet();
      rc.response().putHeader("Retry-After", "1");
      reply(rc, 503, "ingest queue is full (" + maxPendingBatches
          + " batches pending, remote-write.max-pending-batches); retry later");
      return;
    }
    byte[] bytes = body.getBytes();
    String client = client(rc);
    boolean inline = bytes.length <= INLINE_LIMIT_BYTES;
    Future<List<RawSeries>> decoded = onLoopOrWorker(inline, () -> decode(bytes));
    Future<SampleIngest.Result> done = decoded.compose(series -> now(() -> withinRate(client, series)))
        .compose(series -> authorizeAndAccept(rc, client, series, receivedAt, inline));
    done.onComplete(ar -> {
      pending.decrementAndGet();
      if (ar.succeeded()) {
        count(204);
        rc.response().setStatusCode(204).end();
      } else if (ar.cause() instanceof MalformedPayloadException bad) {
        reply(rc, 400, bad.getMessage());
      } else if (ar.cause() instanceof OverRateLimit over) {
        long seconds = Math.max(1, (over.retryAfter.toMillis() + 999) / 1000);
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        reply(rc, 429, over.client + " is over remote-write.client-rate-limit (" + limiter.perSecond()
            + " samples/s): the batch was not taken; retry after " + seconds + " s");
      } else if (ar.cause() instanceof AuthorizationUnavailable unavailable) {
        LOG.warn("remote-write from {}: cannot ask the API server what it may write: {}", client,
            unavailable.getMessage());
        rc.response().putHeader("Retry-After", "1");
        reply(rc, 503, "cannot check what " + client + " may write with the API server: " + unavailable.getMessage()
            + "; retry later");
      } else if (ar.cause() instanceof Forbidden forbidden) {
        reply(rc, 403, client + " may not write samples for namespace" + (forbidden.namespaces.size() == 1 ? " " : "s ")
            + String.join(", ", forbidden.namespaces) + " (RBAC: create on samples.reflex.dev there, as the"
            + " ClusterRole reflex-samples-writer grants)");
      } else {
        reply(rc, 500, "could not ingest the batch: " + ar.cause());
      }
    });
  }

  private List<RawSeries> decode(byte[] bytes) throws MalformedPayloadException {
    return RemoteWriteDecoder.decodeSnappy(bytes,
        (int) Math.min((long) maxBodyBytes * MAX_EXPANSION, Integer.MAX_VALUE - 16));
  }

  /** The series, when the client is within its rate; else fails with {@link OverRateLimit}. */
  private List<RawSeries> withinRate(String client, List<RawSeries> series) throws OverRateLimit {
    if (limiter.limits()) {
      int samples = 0;
      for (RawSeries s : series) {
        samples += s.size();
      }
      Optional<Duration> wait = limiter.take(client, samples);
      if (wait.isPresent()) {
        throw new OverRateLimit(client, wait.get());
      }
    }
    return series;
  }

  /**
   * Asks which of the batch's namespaces the caller may write (once per batch), refuses the batch when none, and
   * ingests the rest, the series of forbidden namespaces dropped and counted.
   */
  private Future<SampleIngest.Result> authorizeAndAccept(RoutingContext rc, String client, List<RawSeries> series,
      Instant receivedAt, boolean inline) {
    if (authorizer == NamespaceAuthorizer.ANYONE) {
      return onLoopOrWorker(inline, () -> ingest.accept(series, SOURCE, receivedAt));
    }
    Set<String> namespaces = ingest.namespacesOf(series);
    return authorizer.writable(rc, namespaces)
        .recover(e -> Future.failedFuture(new AuthorizationUnavailable(e.getMessage())))
        .compose(writable -> {
          if (!namespaces.isEmpty() && writable.isEmpty()) {
            return Future.failedFuture(new Forbidden(namespaces));
          }
          Predicate<String> allowed = writable::contains;
          return onLoopOrWorker(inline, () -> ingest.accept(series, SOURCE, receivedAt, allowed));
        });
  }

  /** Runs {@code work} here on the event loop for a small body, else on the decoding workers. */
  private <T> Future<T> onLoopOrWorker(boolean inline, Callable<T> work) {
    return inline ? now(work) : offload.run(work);
  }

  private static <T> Future<T> now(Callable<T> work) {
    try {
      return Future.succeededFuture(work.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }

  /** Who sent the batch, for the rate limit: the authenticated caller, else the peer's address. */
  private static String client(RoutingContext rc) {
    Caller caller = rc.get(BearerAuthHandler.CALLER);
    if (caller != null) {
      return "user " + caller.username();
    }
    return "client " + (rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host());
  }

  private void failure(RoutingContext rc) {
    int code = rc.statusCode() == 413 ? 413 : rc.statusCode() > 0 ? rc.statusCode() : 500;
    if (rc.response().ended()) {
      return;
    }
    reply(rc, code, code == 413 ? tooLarge() : "request failed: " + rc.failure());
  }

  private String tooLarge() {
    return "body larger than " + maxBodyBytes + " bytes (remote-write.max-body-bytes)";
  }

  private void reply(RoutingContext rc, int code, String message) {
    count(code);
    HttpServerResponse response = rc.response();
    if (response.ended()) {
      return;
    }
    response.setStatusCode(code).putHeader("Content-Type", "text/plain; charset=utf-8").end(message + "\n");
  }

  private void count(int code) {
    responses.computeIfAbsent(code, c -> Counter.builder("reflex.remote.write.requests").tag("code", "" + c)
        .description("Remote-write requests by response code").register(registry)).increment();
  }
}
