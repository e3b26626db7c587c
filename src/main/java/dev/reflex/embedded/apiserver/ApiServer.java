package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A running API server. It has a Vert.x instance of its own, with one event loop, so that it stands beside the
 * Reflex it serves as a separate kube-apiserver would, and its work never shares an event loop with Reflex's.
 */
public final class ApiServer implements AutoCloseable {

  private final Vertx vertx;
  private final ApiServerVerticle verticle;

  private ApiServer(Vertx vertx, ApiServerVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  /** Starts a server; the future completes once it listens. */
  public static Future<ApiServer> start(ApiServerOptions options, Clock clock) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
        .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
    ApiServerVerticle verticle = new ApiServerVerticle(options, clock);
    return vertx.deployVerticle(verticle).map(id -> new ApiServer(vertx, verticle))
        .recover(e -> vertx.close().transform(v -> Future.failedFuture(e)));
  }

  public int port() {
    return verticle.port();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** {@code https://127.0.0.1:PORT} of the HTTPS listener, or null when the options asked for none. */
  public String secureUrl() {
    return verticle.securePort() < 0 ? null : "https://127.0.0.1:" + verticle.securePort();
  }

  /** Ends the watches of resources whose bucket ({@code group/plural}) contains {@code fragment}. */
  public Future<Void> dropWatches(String fragment) {
    return onServer(() -> verticle.dropWatches(fragment));
  }

  /** Expires the watch cache, so that clients resuming from an old resourceVersion get 410 Gone. */
  public Future<Void> expireWatchCache() {
    return onServer(verticle::expireWatchCache);
  }

  private Future<Void> onServer(Runnable action) {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    verticle.runOnServer(() -> {
      action.run();
      done.complete();
    });
    return done.future();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // Closing anyway: the process may be going down.
    }
  }
}
