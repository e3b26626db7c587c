package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortrait;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.GoDuration;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.PodInfo;
import dev.reflex.core.hpa.Scale;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.forecast.ForecastService;
import dev.reflex.forecast.PredictiveQueries;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.hpa.HpaMetricInputs;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.kpa.StreamedKpa;
import dev.reflex.objects.HpaObjects;
import dev.reflex.objects.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * One reconcile of a HorizontalPortrait: the built-in generators write {@code status.portraitData}.
 * <ul>
 *   <li>{@code Reactive} with {@code KubeHPA}: the HPA replica calculation (tolerance, unready and missing pods, CPU
 *       initialization) over the workload's pods and their metrics.k8s.io usage, every {@code syncPeriod}, as a
 *       Static portrait. Like Kapacity's generator it applies no behavior and no min/max: the IHPA clamps.</li>
 *   <li>{@code KPA} (our extension): Knative's stable/panic decider on streamed samples; each recommendation of
 *       the streamed KPA becomes a Static portrait at once, which is what makes burst scale-up sub-second.</li>
 *   <li>{@code Forecast} (our extension): the built-in forecaster fitted on the metric history, refitted every
 *       {@code scalingFreq}, as a TimeSeries portrait.</li>
 *   <li>{@code ExternalJob}: the result ConfigMap {@code <hp>-result} as a TimeSeries portrait. A malformed result
 *       sets {@code PortraitGenerated=False} and keeps the last valid portrait, which expires on its own.</li>
 * </ul>
 * Portraits generated elsewhere ({@code externalGeneratorName}) are left alone.
 */
final class HpReconciler {

  static final String COMPONENT = "horizontal_portrait_controller";
  private static final Duration DEFAULT_SYNC = Duration.ofSeconds(15);
  /** The KubeHPA portrait's bounds: the raw calculation, clamped later by the IHPA's own min and max. */
  private static final int UNBOUNDED_REPLICAS = 100_000;
  /** Scale-up limits of the legacy path set out of reach, for the same reason. */
  private static final double LEGACY_SCALE_UP_FACTOR = 1000;

  private final ResourceCache cache;
  private final KubeRest rest;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final Clock clock;
  private final ForecastService forecasts;
  private final KubernetesSerialization serialization;
  private final StreamedKpa streamedKpa;
  private final ReportedProblems reported = new ReportedProblems();
  private final AlgorithmJobs jobs;
  /** Portraits we made a CronJob for, so one that switches to another algorithm loses its CronJob. */
  private final java.util.Set<TargetKey> withJob = new java.util.HashSet<>();

  private final KubeHpaStreaming kubeHpaStreaming;
  private final StreamedPortraits streamedPortraits;
  private final HpaMetricReader metricReader;

  /**
   * @param kubeHpaStreaming streamed values and trigger of KubeHPA portraits
   * @param metricReader reads the metrics of KubeHPA decisions (Prometheus, metrics.k8s.io)
   * @param streamedPortraits the latest streamed recommendation per workload, shared with the IHPA controller
   * @param statusWritten told every portrait whose status was written, as the API server stored it
   */
  HpReconciler(ResourceCache cache, KubeRest rest, EventRecorder events, Clock clock, ForecastService forecasts,
      KubernetesSerialization serialization, StreamedKpa streamedKpa, AlgorithmJobs jobs,
      KubeHpaStreaming kubeHpaStreaming, HpaMetricReader metricReader, StreamedPortraits streamedPortraits,
      Consumer<JsonObject> statusWritten) {
    this.streamedPortraits = streamedPortraits;
    this.kubeHpaStreaming = kubeHpaStreaming;
    this.metricReader = metricReader;
    this.streamedKpa = streamedKpa;
    this.jobs = jobs;
    this.cache = cache;
    this.rest = rest;
    this.statuses = new StatusWriter(rest, Kind.HP, statusWritten);
    this.events = events;
    this.clock = clock;
    this.forecasts = forecasts;
    this.serialization = serialization;
  }

  /** Reconciles; the result is when to generate again, if periodic. */
  Future<Optional<Instant>> reconcile(TargetKey key) {
    JsonObject hp = cache.get(Kind.HP, key);
    if (hp == null) {
      forget(key);
      kubeHpaStreaming.forget(key);
      fits.remove(key);
      return removeJob(key).map(Optional.<Instant>empty());
    }
    JsonObject spec = hp.getJsonObject("spec", new JsonObject());
    if (!spec.getString("externalGeneratorName", "").isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    JsonObject algorithm = spec.getJsonObject("algorithm", new JsonObject());
    Instant now = clock.instant();
    if (!"ExternalJob".equals(algorithm.getString("type")) && withJob.contains(key)) {
      return removeJob(key).compose(v -> reconcile(key));
    }
    if (!"KubeHPA".equals(algorithm.getString("type"))) {
      kubeHpaStreaming.forget(key);
    }
    return switch (algorithm.getString("type", "")) {
      case "KubeHPA" -> kubeHpa(key, hp, spec, algorithm, now);
      case "ExternalJob" -> externalJob(key, hp, spec, algorithm, now).map(Optional.<Instant>empty());
      case "Forecast" -> forecast(key, hp, algorithm, now);
      case "KPA" -> kpa(key, hp, spec, now).map(Optional.<Instant>empty());
      default -> Future.succeededFuture(Optional.empty());
    };
  }

  // --- Reactive: KubeHPA ----------------------------------------------------------------------------------------

  private Future<Optional<Instant>> kubeHpa(TargetKey key, JsonObject hp, JsonObject spec, JsonObject algorithm,
      Instant now) {
    JsonObject params = algorithm.getJsonObject("kubeHPA", new JsonObject());
    Duration sync = GoDuration.tryParse(params.getString("syncPeriod", "")).orElse(DEFAULT_SYNC);
    Optional<Instant> next = Optional.of(now.plus(sync));
    JsonObject target = spec.getJsonObject("scaleTargetRef", new JsonObject());
    String workloadPath = RpReconciler.workloadPath(key.namespace(), target);
    if (workloadPath == null) {
      return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: unsupported scale target "
          + target.getString("kind")).map(next);
    }
    TargetKey workload = new TargetKey(key.namespace(), target.getString("name", ""));
    double tolerance;
    try {
      tolerance = Double.parseDouble(params.getString("tolerance", "0.1"));
    } catch (NumberFormatException e) {
      return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: algorithm.kubeHPA.tolerance: "
          + "not a number: " + params.getString("tolerance")).map(next);
    }
    JsonArray metrics = spec.getJsonArray("metrics", new JsonArray());
    return rest.get(workloadPath + "/scale").compose(scale -> {
      String selector = scale.getJsonObject("status", new JsonObject()).getString("selector", "");
      List<JsonObject> pods = selectedPods(key.namespace(), selector);
      List<String> podNames = pods.stream().map(p -> p.getJsonObject("metadata").getString("name")).toList();
      return kubeHpaStreaming.watch(key, workload, metrics, tolerance,
            resource -> podRequest(key.namespace(), target, pods, resource))
          .compose(v -> metricReader.read(key.namespace(), metrics, selector, podNames,
              kubeHpaStreaming.values(workload), now))
          .map(inputs -> new Prepared(hpaInput(key, spec, params, tolerance, scale, pods, inputs),
              inputs.resourceErrors()));
    }).compose(prepared -> {
      HpaDecision decision = KubeHpa.decide(prepared.input(), HpaState.FIRST_SIGHT, now);
      // The HPA reports an error when no metric could be computed or when failed metrics block a scale-down; it
      // then keeps the current scale. A portrait says the same by failing and keeping its last value.
      if (decision.error() != null) {
        List<String> notes = new ArrayList<>(prepared.resourceErrors());
        kubeHpaStreaming.staleNote(workload).ifPresent(notes::add);
        String why = notes.isEmpty() ? decision.error() : decision.error() + " (" + String.join("; ", notes) + ")";
        kubeHpaStreaming.rearm(workload);
        return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: " + why);
      }
      JsonObject data = new JsonObject().put("type", "Static")
          .put("static", new JsonObject().put("replicas", decision.desiredReplicas()));
      return generated(hp, data, now);
    }).recover(e -> {
      kubeHpaStreaming.rearm(workload);
      return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: " + e.getMessage());
    }).map(next);
  }

  /** The decision's input, and why Resource usage could not be read (for the failure message). */
  private record Prepared(HpaInput input, List<String> resourceErrors) {
  }

  /**
   * The pods of the namespace that the scale's selector picks.
   *
   * @throws IllegalArgumentException when the selector does not parse (the portrait then fails, saying why)
   */
  private List<JsonObject> selectedPods(String namespace, String selector) {
    LabelSelector matches = LabelSelector.parse(selector, "scale.status.selector");
    return cache.list(Kind.POD, namespace).stream().filter(p -> matches.matches(RpReconciler.labels(p))).toList();
  }

  /**
   * The raw replica calculation of the portrait's metrics as the HPA core's input: no stabilization and no rate
   * limit (the IHPA plans those), bounds wide open (the IHPA clamps).
   *
   * @throws dev.reflex.objects.InvalidFieldException naming the first field of the portrait or a pod it cannot read
   */
  private static HpaInput hpaInput(TargetKey key, JsonObject spec, JsonObject params, double tolerance,
      JsonObject scale, List<JsonObject> selectedPods, HpaMetricInputs inputs) {
    HpaSpec hpa = new HpaSpec(key.name(), key.namespace(), 1, UNBOUNDED_REPLICAS,
        HpaObjects.metrics(spec.getJsonArray("metrics", new JsonArray()), "spec.metrics"), null);
    List<PodInfo> pods = new ArrayList<>();
    for (JsonObject pod : selectedPods) {
      pods.add(HpaObjects.pod(pod, "pods[" + pod.getJsonObject("metadata").getString("name") + "]"));
    }
    int specReplicas = scale.getJsonObject("spec", new JsonObject()).getInteger("replicas", 0);
    JsonObject status = scale.getJsonObject("status", new JsonObject());
    Scale current = new Scale(specReplicas, status.getInteger("replicas", specReplicas),
        status.getString("selector"));
    HpaConfig config = new HpaConfig(tolerance, tolerance,
        GoDuration.tryParse(params.getString("cpuInitializationPeriod", "")).orElse(Duration.ofMinutes(5)),
        GoDuration.tryParse(params.getString("initialReadinessDelay", "")).orElse(Duration.ofSeconds(30)),
        Duration.ZERO, LEGACY_SCALE_UP_FACTOR, UNBOUNDED_REPLICAS);
    return new HpaInput(hpa, current, pods, inputs.podMetrics(), inputs.metricValues(), null, config);
  }

  /**
   * The workload's pod template from the cache, or null. Requests are read from it first: the pods may not exist
   * yet when a portrait is first reconciled, and every pod gets the template's requests.
   */
  private JsonObject workloadTemplate(String namespace, JsonObject target) {
    JsonObject workload = Kind.byKind(target.getString("kind", ""))
        .map(kind -> cache.get(kind, namespace, target.getString("name", ""))).orElse(null);
    return workload == null ? null
        : workload.getJsonObject("spec", new JsonObject()).getJsonObject("template");
  }

  /**
   * The per-pod request of a resource (cores or bytes): from the workload's pod template, else from the first of
   * {@code pods} that has one.
   */
  private OptionalDouble podRequest(String namespace, JsonObject target, List<JsonObject> pods, String resource) {
    JsonObject template = workloadTemplate(namespace, target);
    OptionalDouble fromTemplate = podRequest(template == null ? List.of() : List.of(template), resource);
    return fromTemplate.isPresent() ? fromTemplate : podRequest(pods, resource);
  }

  /** The first pod (spec) with a request of a resource, summed over its containers (cores or bytes). */
  private static OptionalDouble podRequest(List<JsonObject> pods, String resource) {
    for (JsonObject pod : pods) {
      long milli = 0;
      for (Object c : pod.getJsonObject("spec", new JsonObject()).getJsonArray("containers", new JsonArray())) {
        String request = ((JsonObject) c).getJsonObject("resources", new JsonObject())
            .getJsonObject("requests", new JsonObject()).getString(resource);
        if (request != null) {
          milli += Quantity.parseMilli(request);
        }
      }
      if (milli > 0) {
        return OptionalDouble.of(milli / 1000.0);
      }
    }
    return OptionalDouble.empty();
  }

  /** The latest streamed values of a KubeHPA portrait's workload; the portraits to decide now, if any. */
  List<TargetKey> podValues(PodMetricSnapshot snapshot) {
    return kubeHpaStreaming.received(snapshot);
  }

  // --- Reactive: KPA on streamed metrics -----------------------------------------------------------------------

  /** What is registered with the streamed KPA per portrait, so a re-registration happens only on change. */
  private record KpaRegistration(TargetKey workload, String metric, DeciderSpec spec) {
  }

  private final Map<TargetKey, KpaRegistration> kpaRegistrations = new HashMap<>();

  /**
   * Registers the workload with the streamed KPA and publishes its latest recommendation as a Static portrait.
   * A stale or empty recommendation leaves the last portrait in place, so missing data never scales down.
   */
  private Future<Void> kpa(TargetKey key, JsonObject hp, JsonObject spec, Instant now) {
    TargetKey workload = new TargetKey(key.namespace(), spec.getJsonObject("scaleTargetRef", new JsonObject())
        .getString("name", ""));
    KpaRegistration registration;
    try {
      registration = new KpaRegistration(workload, ApiMapping.kpaMetric(spec), ApiMapping.kpaSpec(spec));
    } catch (IllegalArgumentException e) {
      return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: " + e.getMessage());
    }
    Future<Void> registered = Future.succeededFuture();
    if (!registration.equals(kpaRegistrations.get(key))) {
      kpaRegistrations.put(key, registration);
      registered = streamedKpa.register(workload, registration.metric(), registration.spec());
    }
    MetricsPortrait latest = streamedPortraits.latest(workload).orElse(null);
    if (latest != null && latest.stale()) {
      // Hold: the last portrait stays, and the condition says why nothing new comes.
      return registered.compose(v -> failed(hp, now, "MetricsStale", "streamed metric " + registration.metric()
          + " of " + workload + " has had no sample within metrics.stale-after; keeping the last portrait (missing"
          + " metrics never scale down)"));
    }
    if (latest == null || !latest.hasRecommendation()) {
      return registered;
    }
    JsonObject data = new JsonObject().put("type", "Static")
        .put("static", new JsonObject().put("replicas", latest.desiredReplicas()));
    return registered.compose(v -> generated(hp, data, now));
  }

  /** Forgets a deleted portrait's registration. */
  void forget(TargetKey key) {
    KpaRegistration registration = kpaRegistrations.remove(key);
    if (registration != null) {
      streamedKpa.unregister(registration.workload());
      streamedPortraits.forget(registration.workload());
    }
  }

  /** The portraits fed by a workload's streamed metrics. */
  java.util.List<TargetKey> kpaPortraitsOf(TargetKey workload) {
    return kpaRegistrations.entrySet().stream().filter(e -> e.getValue().workload().equals(workload))
        .map(Map.Entry::getKey).toList();
  }

  /** When a portrait was last fitted, and on which spec. */
  private record Fit(JsonObject spec, Instant at) {
  }

  private final Map<TargetKey, Fit> fits = new HashMap<>();

  // --- Predictive: built-in forecaster ----------------------------------------------------------------------------

  /** Fits the forecaster off the event loop and publishes its TimeSeries; refits every {@code scalingFreq}. */
  private Future<Optional<Instant>> forecast(TargetKey key, JsonObject hp, JsonObject algorithm, Instant now) {
    Duration every = GoDuration.tryParse(algorithm.getJsonObject("forecast", new JsonObject())
        .getString("scalingFreq", "")).orElse(Duration.ofMinutes(10));
    // A fit reads days of history: refit when due or when the spec changed, not on every change of the portrait
    // (our own status write comes back as one).
    JsonObject spec = hp.getJsonObject("spec");
    Fit last = fits.get(key);
    if (last != null && last.spec().equals(spec) && now.isBefore(last.at().plus(every))) {
      return Future.succeededFuture(Optional.of(last.at().plus(every)));
    }
    fits.put(key, new Fit(spec.copy(), now));
    Optional<Instant> next = Optional.of(now.plus(every));
    HorizontalPortrait typed;
    PredictiveQueries queries;
    try {
      typed = serialization.unmarshal(hp.encode(), HorizontalPortrait.class);
      queries = PredictiveQueries.plan(key.namespace(), typed.getSpec().scaleTargetRef(),
          typed.getSpec().metrics(), podRequest(key.namespace(), hp));
    } catch (RuntimeException e) {
      return failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: " + e.getMessage()).map(next);
    }
    return forecasts.forecast(queries, typed.getSpec().algorithm().forecast(), now)
        .compose(forecast -> {
          JsonArray points = new JsonArray();
          forecast.points().forEach(p -> points.add(new JsonObject().put("timestamp", p.timestamp().getEpochSecond())
              .put("replicas", p.replicas())));
          JsonObject data = new JsonObject().put("type", "TimeSeries")
              .put("timeSeries", new JsonObject().put("timeSeries", points))
              .put("expireTime", forecast.expireTime().toString());
          return generated(hp, data, now);
        })
        .recover(e -> failed(hp, now, "FailedGeneratePortrait", "failed to generate portrait: " + e.getMessage()))
        .map(next);
  }

  /** The first selected pod's request of the first metric's resource, for a Utilization target. */
  private OptionalDouble podRequest(String namespace, JsonObject hp) {
    JsonArray metrics = hp.getJsonObject("spec").getJsonArray("metrics", new JsonArray());
    if (metrics.isEmpty()) {
      return OptionalDouble.empty();
    }
    JsonObject first = metrics.getJsonObject(0);
    JsonObject source = first.getJsonObject("resource", first.getJsonObject("containerResource"));
    if (source == null) {
      return OptionalDouble.empty();
    }
    String resource = source.getString("name");
    JsonObject target = hp.getJsonObject("spec").getJsonObject("scaleTargetRef", new JsonObject());
    String prefix = target.getString("name") + "-";
    return podRequest(namespace, target, cache.list(Kind.POD, namespace).stream()
        .filter(pod -> pod.getJsonObject("metadata").getString("name", "").startsWith(prefix)).toList(), resource);
  }

  // --- Predictive: external job ---------------------------------------------------------------------------------

  /** Keeps the CronJob in line with the template, then reads its latest result. */
  private Future<Void> externalJob(TargetKey key, JsonObject hp, JsonObject spec, JsonObject algorithm,
      Instant now) {
    JsonObject template = algorithm.getJsonObject("externalJob", new JsonObject()).getJsonObject("job",
        new JsonObject()).getJsonObject("cronJob", new JsonObject()).getJsonObject("template", new JsonObject());
    withJob.add(key);
    return jobs.ensure(key.namespace(), key.name(), spec.getString("portraitType", ""), template)
        .recover(e -> failed(hp, now, "FailedReconcileExternalAlgorithmJob",
            "failed to reconcile external algorithm job: " + e.getMessage()).compose(v -> Future.failedFuture(e)))
        .compose(v -> externalResult(key, hp, now));
  }

  /**
   * Removes the CronJob of a portrait that is gone. Tried by its conventional name even when this process never
   * made it (it may have been made before a restart): a missing CronJob is not an error.
   */
  private Future<Void> removeJob(TargetKey key) {
    withJob.remove(key);
    return jobs.remove(key.namespace(), key.name());
  }

  // --- Predictive: result ConfigMap -----------------------------------------------------------------------------

  private Future<Void> externalResult(TargetKey key, JsonObject hp, Instant now) {
    String name = key.name() + "-result";
    JsonObject configMap = cache.get(Kind.CONFIG_MAP, key.namespace(), name);
    if (configMap == null) {
      return failed(hp, now, "FailedFetchExternalAlgorithmJobResult",
          "failed to fetch external algorithm job result: ConfigMap " + name + " not found yet");
    }
    JsonObject portraitData;
    try {
      portraitData = ApiMapping.resultPortraitData(configMap.getJsonObject("data", new JsonObject()).getMap());
    } catch (IllegalArgumentException e) {
      return failed(hp, now, "FailedFetchExternalAlgorithmJobResult",
          "failed to fetch external algorithm job result: ConfigMap " + name + ": " + e.getMessage());
    }
    return generated(hp, portraitData, now);
  }

  // --- status ---------------------------------------------------------------------------------------------------

  private Future<Void> generated(JsonObject hp, JsonObject data, Instant now) {
    reported.clear(new TargetKey(hp.getJsonObject("metadata").getString("namespace"),
        hp.getJsonObject("metadata").getString("name")));
    JsonObject old = hp.getJsonObject("status", new JsonObject());
    long generation = hp.getJsonObject("metadata").getLong("generation", 1L);
    JsonObject status = old.copy().put("portraitData", data).put("conditions", Conditions.set(
        old.getJsonArray("conditions"), "PortraitGenerated", true, "SucceededGeneratePortrait",
        "portrait has been successfully generated", generation, now));
    return statuses.write(hp, old, status);
  }

  /** Sets PortraitGenerated=False; keeps the last portrait data; one Warning event per distinct problem. */
  private Future<Void> failed(JsonObject hp, Instant now, String reason, String message) {
    JsonObject old = hp.getJsonObject("status", new JsonObject());
    JsonObject previous = Conditions.find(old.getJsonArray("conditions"), "PortraitGenerated");
    TargetKey key = new TargetKey(hp.getJsonObject("metadata").getString("namespace"),
        hp.getJsonObject("metadata").getString("name"));
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
