package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.metrics.kpa.StreamedKpa;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code KPA} (our extension): registers the workload with the streamed KPA (Knative's stable/panic decider on
 * streamed samples) and records its latest recommendation as a Static portrait. The IHPA reads the recommendation
 * straight from {@link StreamedPortraits}; this portrait is the record of it.
 */
final class KpaPortraitGenerator implements PortraitGenerator {

  /** What is registered with the streamed KPA per portrait, so a re-registration happens only on change. */
  private record Registration(TargetKey workload, String metric, DeciderSpec spec) {
  }

  private final StreamedKpa streamedKpa;
  private final StreamedPortraits streamedPortraits;
  private final Map<TargetKey, Registration> registrations = new HashMap<>();

  KpaPortraitGenerator(StreamedKpa streamedKpa, StreamedPortraits streamedPortraits) {
    this.streamedKpa = streamedKpa;
    this.streamedPortraits = streamedPortraits;
  }

  @Override
  public Future<PortraitOutcome> generate(TargetKey key, JsonObject portrait, HorizontalPortraitSpec spec,
      Instant now) {
    TargetKey workload = new TargetKey(key.namespace(), spec.scaleTargetRef().name());
    Registration registration;
    try {
      registration = new Registration(workload, ApiMapping.kpaMetric(spec), ApiMapping.kpaSpec(spec));
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(PortraitOutcome.generateFailed(e.getMessage(), Optional.empty()));
    }
    Future<Void> registered = Future.succeededFuture();
    if (!registration.equals(registrations.get(key))) {
      registrations.put(key, registration);
      registered = streamedKpa.register(workload, registration.metric(), registration.spec());
    }
    PortraitOutcome outcome = outcome(workload, registration.metric(), streamedPortraits.latest(workload));
    return registered.map(outcome);
  }

  /**
   * The portrait a streamed recommendation makes: its replicas; a stale one holds the last portrait and says why;
   * none yet (no sample, or no data in the windows) leaves the status alone.
   */
  static PortraitOutcome outcome(TargetKey workload, String metric, Optional<MetricsPortrait> latest) {
    if (latest.isPresent() && latest.get().stale()) {
      return new PortraitOutcome.Failed("MetricsStale", "streamed metric " + metric + " of " + workload
          + " has had no sample within metrics.stale-after; keeping the last portrait (missing metrics never"
          + " scale down)", Optional.empty());
    }
    if (latest.isEmpty() || !latest.get().hasRecommendation()) {
      return new PortraitOutcome.Hold(Optional.empty());
    }
    return PortraitOutcome.staticReplicas(latest.get().desiredReplicas(), Optional.empty());
  }

  @Override
  public Future<Void> forget(TargetKey key, boolean deleted) {
    Registration registration = registrations.remove(key);
    if (registration != null) {
      streamedKpa.unregister(registration.workload());
      streamedPortraits.forget(registration.workload());
    }
    return Future.succeededFuture();
  }

  /** The portraits fed by a workload's streamed metrics. */
  List<TargetKey> portraitsOf(TargetKey workload) {
    return registrations.entrySet().stream().filter(e -> e.getValue().workload().equals(workload))
        .map(Map.Entry::getKey).toList();
  }
}
