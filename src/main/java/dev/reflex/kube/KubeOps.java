package dev.reflex.kube;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * The one bounded worker pool for blocking Kubernetes client calls. A blocking fabric8 call made on an event loop of
 * the Vert.x instance the client shares would stall that loop and then time out, so every such call goes through
 * {@link #call}; the result completes on the caller's context.
 */
public final class KubeOps implements AutoCloseable {

  public static final String POOL_NAME = "reflex-kube-ops";

  private final WorkerExecutor executor;

  public KubeOps(Vertx vertx, int poolSize, Duration maxExecuteTime) {
    this.executor = vertx.createSharedWorkerExecutor(POOL_NAME, poolSize, maxExecuteTime.toMillis() * 3,
        TimeUnit.MILLISECONDS);
  }

  /** Runs a blocking call on the pool; calls are not ordered against each other. */
  public <T> Future<T> call(Callable<T> blocking) {
    return executor.executeBlocking(blocking, false);
  }

  @Override
  public void close() {
    executor.close();
  }
}
