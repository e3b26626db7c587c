package dev.reflex.kube;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.ScaleMessage.ScaleApplied;
import dev.reflex.bus.ScaleMessage.ScaleFailed;
import dev.reflex.bus.ScaleMessage.ScaleRequest;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.WorkloadKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes {@link ScaleRequest}s: one JSON merge patch of {@code spec.replicas} on the workload's {@code /scale}
 * subresource, retried with exponential backoff and jitter on conflicts, throttling and server errors. At most one
 * patch per workload is in flight; requests arriving meanwhile coalesce into the latest one, so a burst of decisions
 * never becomes a burst of writes. It is Reflex's one writer of {@code /scale}: the ReplicaProfile controller asks it
 * with a request and waits for the reply.
 *
 * <p>Every request is answered, on the bus, with the outcome of the patch that served it: {@link ScaleApplied} or
 * {@link ScaleFailed}. A request coalesced into a later one is answered with that later patch's outcome (the
 * workload now has the latest count asked for); the same outcome is also published on
 * {@link Addresses#ACTUATOR_SCALE_RESULT} for taps.
 */
public final class ScaleActuatorVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ScaleActuatorVerticle.class);
  static final int MAX_ATTEMPTS = 5;
  static final long BASE_BACKOFF_MILLIS = 100;

  private final KubeRest rest;
  private final Timer latency;
  /** The latest request waiting behind a workload's patch in flight, and every request it stands for. */
  private final Map<TargetKey, Batch> pending = new HashMap<>();
  /** The requests served by each workload's patch in flight. */
  private final Map<TargetKey, Batch> inFlight = new HashMap<>();

  /** Requests for one workload served by one patch: the latest one's replica count. */
  private static final class Batch {
    ScaleRequest latest;
    final List<Message<ScaleRequest>> waiting = new ArrayList<>();

    Batch(Message<ScaleRequest> first) {
      add(first);
    }

    void add(Message<ScaleRequest> message) {
      latest = message.body();
      waiting.add(message);
    }
  }

  private final Duration drainTimeout;

  /**
   * @param drainTimeout how long {@link #stop()} waits for in-flight patches
   */
  public ScaleActuatorVerticle(KubeRest rest, MeterRegistry registry, Duration drainTimeout) {
    this.rest = rest;
    this.drainTimeout = drainTimeout;
    this.latency = Timer.builder("reflex.scale.patch.latency")
        .description("From a scale request's arrival to the API server accepting the /scale patch")
        .publishPercentileHistogram().register(registry);
  }

  @Override
  public Future<?> start() {
    return vertx.eventBus().<ScaleRequest>localConsumer(Addresses.ACTUATOR_SCALE, this::onRequest).completion();
  }

  /** Waits, up to the drain timeout, for patches already sent; pending coalesced requests are dropped. */
  @Override
  public Future<?> stop() {
    pending.values().forEach(batch -> batch.waiting.forEach(m -> m.reply(new ScaleFailed(batch.latest.kind(),
        batch.latest.target(), batch.latest.replicas(), "Reflex is stopping; the scale request was not sent"))));
    pending.clear();
    Promise<Void> drained = Promise.promise();
    long deadline = System.nanoTime() + drainTimeout.toNanos();
    vertx.setPeriodic(20, id -> {
      if (inFlight.isEmpty() || System.nanoTime() > deadline) {
        if (!inFlight.isEmpty()) {
          LOG.warn("stopping with {} scale patches still in flight", inFlight.size());
        }
        vertx.cancelTimer(id);
        drained.tryComplete();
      }
    });
    return drained.future();
  }

  private void onRequest(Message<ScaleRequest> message) {
    TargetKey target = message.body().target();
    if (inFlight.containsKey(target)) {
      Batch waiting = pending.get(target);
      if (waiting == null) {
        pending.put(target, new Batch(message));
      } else {
        waiting.add(message);
      }
      return;
    }
    execute(new Batch(message));
  }

  private void execute(Batch batch) {
    ScaleRequest request = batch.latest;
    inFlight.put(request.target(), batch);
    long arrived = System.nanoTime();
    patchWithRetry(request, 1)
        .<ScaleMessage>map(scale -> {
          long nanos = System.nanoTime() - arrived;
          latency.record(nanos, TimeUnit.NANOSECONDS);
          int replicas = scale.getJsonObject("spec", new JsonObject()).getInteger("replicas", request.replicas());
          return new ScaleApplied(request.kind(), request.target(), replicas, nanos / 1e6);
        })
        .otherwise(e -> {
          LOG.warn("[{}] scaling {} to {} failed: {}", request.target(), request.kind(), request.replicas(),
              e.getMessage());
          return new ScaleFailed(request.kind(), request.target(), request.replicas(), e.getMessage());
        })
        .onSuccess(outcome -> {
          vertx.eventBus().publish(Addresses.ACTUATOR_SCALE_RESULT, outcome);
          batch.waiting.forEach(m -> m.reply(outcome));
          inFlight.remove(request.target());
          Batch next = pending.remove(request.target());
          if (next != null) {
            execute(next);
          }
        });
  }

  private Future<JsonObject> patchWithRetry(ScaleRequest request, int attempt) {
    WorkloadKind kind = WorkloadKind.byKind(request.kind()).orElse(null);
    if (kind == null) {
      return Future.failedFuture(new IllegalArgumentException("not a scalable kind: " + request.kind()));
    }
    String path = WorkloadPaths.path(kind, request.target().namespace(), request.target().name()) + "/scale";
    JsonObject patch = new JsonObject().put("spec", new JsonObject().put("replicas", request.replicas()));
    return rest.mergePatch(path, patch).recover(e -> {
      if (e instanceof KubeApiException api && api.retriable() && attempt < MAX_ATTEMPTS) {
        return backoff(attempt).compose(v -> patchWithRetry(request, attempt + 1));
      }
      return Future.failedFuture(e);
    });
  }

  /** 100 ms, 200 ms, 400 ms … each with up to 50 % jitter so that replicas retrying together spread out. */
  private Future<Void> backoff(int attempt) {
    long base = BASE_BACKOFF_MILLIS << (attempt - 1);
    long delay = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    Promise<Void> promise = Promise.promise();
    vertx.setTimer(delay, id -> promise.complete());
    return promise.future();
  }
}
