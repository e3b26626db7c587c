package dev.reflex.metrics.ingest;

import io.vertx.core.Future;
import java.util.concurrent.Callable;

/** Where large payloads are decoded: off the event loop. A seam so tests can hold work back deterministically. */
@FunctionalInterface
public interface Offload {

  /** Runs blocking work and completes on the caller's context. */
  <T> Future<T> run(Callable<T> work);
}
