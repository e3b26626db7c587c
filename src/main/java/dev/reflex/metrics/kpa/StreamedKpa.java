package dev.reflex.metrics.kpa;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.metrics.decider.StreamedDecider;
import dev.reflex.metrics.ingest.IngestMeters;
import dev.reflex.metrics.routing.PodDirectory;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * The verticle around {@link StreamedKpaEngine}: consumes sample batches and publishes {@link MetricsPortrait}s on
 * {@code reflex.metrics.portrait}, at once for a burst and otherwise at most once per
 * {@code metrics.decision-interval} (see {@link StreamedDecider}).
 *
 * <p>{@link #register} and {@link #unregister} may be called from any thread, before or after deployment.
 */
public final class StreamedKpa extends StreamedDecider<MetricsPortrait> {

  private final StreamedKpaEngine engine;

  /**
   * @param config decision interval, staleness and series cap
   * @param pods ready-pod counts of workloads
   * @param meters where refused samples are counted
   * @param clock when decisions are made and samples go stale
   */
  public StreamedKpa(StreamedKpaEngine.Config config, PodDirectory pods, IngestMeters meters, Clock clock) {
    this(new StreamedKpaEngine(config, pods::readyPods, meters::dropped), config, clock);
  }

  private StreamedKpa(StreamedKpaEngine engine, StreamedKpaEngine.Config config, Clock clock) {
    super(engine, Addresses.METRICS_PORTRAIT, config.decisionInterval(), clock);
    this.engine = engine;
  }

  /** Starts (or updates) streamed decisions for a workload on one metric; completes once in effect. */
  public Future<Void> register(TargetKey workload, String metric, DeciderSpec spec) {
    return onContext(() -> engine.register(workload, metric, spec, clock().instant()));
  }

  /** Stops streamed decisions for a workload. */
  public Future<Void> unregister(TargetKey workload) {
    return onContext(() -> engine.unregister(workload));
  }
}
