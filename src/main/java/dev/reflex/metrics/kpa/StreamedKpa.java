package dev.reflex.metrics.kpa;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.metrics.ingest.IngestMeters;
import dev.reflex.metrics.routing.PodDirectory;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verticle around {@link StreamedKpaEngine}: consumes {@link SampleMessage.Batch}es from
 * {@code reflex.metrics.sample} and publishes {@link MetricsPortrait}s on {@code reflex.metrics.portrait}.
 *
 * <p>Immediate decisions are coalesced per target: the first batch that asks for one schedules a flush on this
 * context, so batches already queued behind it land in the same decision. A periodic timer of
 * {@code metrics.decision-interval} makes the stable-mode decisions and notices stale targets.
 *
 * <p>{@link #register} and {@link #unregister} may be called from any thread, before or after deployment.
 */
public final class StreamedKpa extends VerticleBase {

  private final StreamedKpaEngine engine;
  private final StreamedKpaEngine.Config config;
  private final Clock clock;
  private final Map<TargetKey, MetricsPortrait> latest = new ConcurrentHashMap<>();
  private final Set<TargetKey> urgent = new LinkedHashSet<>();
  private final List<Runnable> beforeStart = new ArrayList<>();
  private volatile Context ctx;
  private MessageConsumer<SampleMessage> consumer;
  private long timer = -1;
  private boolean flushScheduled;

  /**
   * @param config decision interval, staleness and series cap
   * @param pods ready-pod counts of workloads
   * @param meters where refused samples are counted
   */
  public StreamedKpa(StreamedKpaEngine.Config config, PodDirectory pods, IngestMeters meters) {
    this(config, pods, meters, Clock.systemUTC());
  }

  StreamedKpa(StreamedKpaEngine.Config config, PodDirectory pods, IngestMeters meters, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.engine = new StreamedKpaEngine(config, pods::readyPods, meters::dropped);
  }

  /** Starts (or updates) streamed decisions for a workload on one metric; completes once in effect. */
  public Future<Void> register(TargetKey workload, String metric, DeciderSpec spec) {
    return onContext(() -> engine.register(workload, metric, spec, clock.instant()));
  }

  /** Stops streamed decisions for a workload. */
  public Future<Void> unregister(TargetKey workload) {
    return onContext(() -> {
      engine.unregister(workload);
      latest.remove(workload);
    });
  }

  /** The last portrait published for a workload; safe from any thread. */
  public Optional<MetricsPortrait> latest(TargetKey workload) {
    return Optional.ofNullable(latest.get(workload));
  }

  private synchronized Future<Void> onContext(Runnable action) {
    Context c = ctx;
    if (c == null) {
      beforeStart.add(action);
      return Future.succeededFuture();
    }
    Promise<Void> done = Promise.promise();
    c.runOnContext(v -> {
      action.run();
      done.complete();
    });
    return done.future();
  }

  @Override
  public Future<?> start() {
    synchronized (this) {
      beforeStart.forEach(Runnable::run);
      beforeStart.clear();
      ctx = context;
    }
    consumer = vertx.eventBus().localConsumer(Addresses.METRICS_SAMPLE, msg -> {
      if (msg.body() instanceof SampleMessage.Batch batch && engine.offer(batch, clock.instant())) {
        urgent.add(batch.target());
        if (!flushScheduled) {
          flushScheduled = true;
          context.runOnContext(v -> flush());
        }
      }
    });
    timer = vertx.setPeriodic(config.decisionInterval().toMillis(), id -> engine.tick(clock.instant())
        .forEach(this::publish));
    return consumer.completion();
  }

  private void flush() {
    flushScheduled = false;
    List<TargetKey> due = new ArrayList<>(urgent);
    urgent.clear();
    for (TargetKey key : due) {
      engine.decideNow(key, clock.instant()).ifPresent(this::publish);
    }
  }

  private void publish(MetricsPortrait portrait) {
    latest.put(portrait.target(), portrait);
    vertx.eventBus().publish(Addresses.METRICS_PORTRAIT, portrait);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
