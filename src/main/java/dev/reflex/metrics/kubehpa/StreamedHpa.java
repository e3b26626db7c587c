package dev.reflex.metrics.kubehpa;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.TargetKey;
import dev.reflex.metrics.decider.StreamedDecider;
import dev.reflex.metrics.ingest.IngestMeters;
import dev.reflex.metrics.kpa.StreamedKpaEngine;
import dev.reflex.metrics.routing.PodDirectory;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * The verticle around {@link StreamedHpaEngine}: publishes {@link PodMetricSnapshot}s on
 * {@code reflex.metrics.pod-values}, at once when a batch would make a watching KubeHPA portrait scale up.
 *
 * <p>{@link #watch} may be called from any thread, before or after deployment.
 */
public final class StreamedHpa extends StreamedDecider<PodMetricSnapshot> {

  private final StreamedHpaEngine engine;

  /**
   * @param config decision interval, staleness and the cap on pods per target and metric
   * @param pods ready-pod counts of workloads
   * @param meters where refused samples are counted
   * @param clock when decisions are made and samples go stale
   */
  public StreamedHpa(StreamedKpaEngine.Config config, PodDirectory pods, IngestMeters meters, Clock clock) {
    this(new StreamedHpaEngine(config, pods::readyPods, meters::dropped), config, clock);
  }

  private StreamedHpa(StreamedHpaEngine engine, StreamedKpaEngine.Config config, Clock clock) {
    super(engine, Addresses.METRICS_POD_VALUES, config.decisionInterval(), clock);
    this.engine = engine;
  }

  /**
   * Sets what one portrait watches on a workload; an empty list stops it.
   *
   * @return completes once in effect
   */
  public Future<Void> watch(TargetKey workload, String owner, List<Watch> watches) {
    return onContext(() -> engine.register(workload, owner, watches, clock().instant()));
  }

  /** After a failed decision: the next batch asking for more than the ready pods triggers again. */
  public Future<Void> rearm(TargetKey workload) {
    return onContext(() -> engine.rearm(workload));
  }
}
