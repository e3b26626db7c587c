package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.TargetKey;
import dev.reflex.forecast.ForecastService;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.kpa.StreamedKpa;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One reconcile of a HorizontalPortrait: the generator of its {@code spec.algorithm.type} says what the portrait is
 * now ({@link PortraitOutcome}), and this writes it to {@code status.portraitData} and the
 * {@code PortraitGenerated} condition. The generators: {@link KubeHpaPortraitGenerator}, {@link KpaPortraitGenerator},
 * {@link ForecastPortraitGenerator}, {@link ExternalJobPortraitGenerator}. Portraits generated elsewhere
 * ({@code externalGeneratorName}) are left alone.
 */
final class HpReconciler {

  static final String COMPONENT = "horizontal_portrait_controller";

  private final ResourceCache cache;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final Clock clock;
  private final ReportedProblems reported = new ReportedProblems();
  private final KubeHpaPortraitGenerator kubeHpa;
  private final KpaPortraitGenerator kpa;
  private final Map<String, PortraitGenerator> generators;
  private final KubernetesSerialization serialization;

  /**
   * @param kubeHpaStreaming streamed values and trigger of KubeHPA portraits
   * @param metricReader reads the metrics of KubeHPA decisions (Prometheus, metrics.k8s.io)
   * @param streamedPortraits the latest streamed recommendation per workload, shared with the IHPA controller
   * @param statusWritten told every portrait whose status was written, as the API server stored it
   * @param serialization reads the cached spec into the typed model
   */
  HpReconciler(ResourceCache cache, KubeRest rest, EventRecorder events, Clock clock, ForecastService forecasts,
      StreamedKpa streamedKpa, AlgorithmJobs jobs,
      KubeHpaStreaming kubeHpaStreaming, HpaMetricReader metricReader, StreamedPortraits streamedPortraits,
      Consumer<JsonObject> statusWritten, KubernetesSerialization serialization) {
    this.serialization = serialization;
    this.cache = cache;
    this.statuses = new StatusWriter(rest, Kind.HP, statusWritten);
    this.events = events;
    this.clock = clock;
    PodRequests podRequests = new PodRequests(cache);
    this.kubeHpa = new KubeHpaPortraitGenerator(cache, rest, kubeHpaStreaming, metricReader, podRequests);
    this.kpa = new KpaPortraitGenerator(streamedKpa, streamedPortraits);
    this.generators = Map.of("KubeHPA", kubeHpa, "KPA", kpa,
        "Forecast", new ForecastPortraitGenerator(cache, forecasts, podRequests),
        "ExternalJob", new ExternalJobPortraitGenerator(cache, jobs));
  }

  /** Reconciles; the result is when to generate again, if periodic. */
  Future<Optional<Instant>> reconcile(TargetKey key) {
    JsonObject hp = cache.get(Kind.HP, key);
    if (hp == null) {
      reported.clear(key);
      return forgetAllBut(key, null, true).map(Optional.<Instant>empty());
    }
    Instant now = clock.instant();
    HorizontalPortraitSpec spec;
    try {
      // Straight from the cached tree, no text in between: a KPA portrait passes on every recommendation.
      spec = TypedSpecs.read(serialization, hp.getJsonObject("spec", new JsonObject()), HorizontalPortraitSpec.class);
    } catch (RuntimeException e) {
      return write(key, hp, PortraitOutcome.generateFailed("invalid spec: " + RootCause.firstLine(e),
          Optional.empty()), now).map(Optional.<Instant>empty());
    }
    if (spec == null || spec.externalGeneratorName() != null && !spec.externalGeneratorName().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    PortraitGenerator generator = spec.algorithm() == null ? null : generators.get(spec.algorithm().type());
    Future<Void> switched = forgetAllBut(key, generator, false);
    if (generator == null) {
      return switched.map(Optional.<Instant>empty());
    }
    return switched.compose(v -> generator.generate(key, hp, spec, now))
        .compose(outcome -> write(key, hp, outcome, now).compose(v -> outcome instanceof PortraitOutcome.Failed f
            && f.retry() ? Future.failedFuture(f.message()) : Future.succeededFuture(outcome.again())));
  }


  /** Every generator but the portrait's own forgets it (all of them when it is gone). */
  private Future<Void> forgetAllBut(TargetKey key, PortraitGenerator keep, boolean deleted) {
    List<Future<Void>> forgotten = new ArrayList<>();
    for (PortraitGenerator generator : generators.values()) {
      if (generator != keep) {
        forgotten.add(generator.forget(key, deleted));
      }
    }
    return Future.all(forgotten).mapEmpty();
  }

  private Future<Void> write(TargetKey key, JsonObject hp, PortraitOutcome outcome, Instant now) {
    if (outcome instanceof PortraitOutcome.Generated generated) {
      return generated(key, hp, generated.portraitData(), now);
    }
    if (outcome instanceof PortraitOutcome.Failed failed) {
      return failed(key, hp, now, failed.reason(), failed.message());
    }
    return Future.succeededFuture();
  }

  /** The latest streamed values of a KubeHPA portrait's workload; the portraits to decide now, if any. */
  List<TargetKey> podValues(PodMetricSnapshot snapshot) {
    return kubeHpa.podValues(snapshot);
  }

  /** The portraits fed by a workload's streamed metrics. */
  List<TargetKey> kpaPortraitsOf(TargetKey workload) {
    return kpa.portraitsOf(workload);
  }

  // --- status ---------------------------------------------------------------------------------------------------

  private Future<Void> generated(TargetKey key, JsonObject hp, JsonObject data, Instant now) {
    reported.clear(key);
    JsonObject old = hp.getJsonObject("status", new JsonObject());
    long generation = hp.getJsonObject("metadata").getLong("generation", 1L);
    JsonObject status = old.copy().put("portraitData", data).put("conditions", Conditions.set(
        old.getJsonArray("conditions"), "PortraitGenerated", true, "SucceededGeneratePortrait",
        "portrait has been successfully generated", generation, now));
    return statuses.write(hp, old, status);
  }

  /** Sets PortraitGenerated=False; keeps the last portrait data; one Warning event per distinct problem. */
  private Future<Void> failed(TargetKey key, JsonObject hp, Instant now, String reason, String message) {
    JsonObject old = hp.getJsonObject("status", new JsonObject());
    JsonObject previous = Conditions.find(old.getJsonArray("conditions"), "PortraitGenerated");
    boolean alreadyReported = !reported.firstReport(key, message)
        || previous != null && message.equals(previous.getString("message"));
    long generation = hp.getJsonObject("metadata").getLong("generation", 1L);
    JsonObject status = old.copy().put("conditions", Conditions.set(old.getJsonArray("conditions"),
        "PortraitGenerated", false, reason, message, generation, now));
    Future<Void> event = alreadyReported ? Future.succeededFuture()
        : events.warning(hp, COMPONENT, reason, message);
    return event.compose(v -> statuses.write(hp, old, status));
  }
}
