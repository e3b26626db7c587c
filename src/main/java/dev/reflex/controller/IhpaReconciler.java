package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitProvider;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.api.v1alpha1.PortraitProviderType;
import dev.reflex.api.v1alpha1.ScaleMode;
import dev.reflex.api.validation.SpecValidator;
import dev.reflex.api.validation.ValidationResult;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.ScalingDecision;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.gray.GrayStep;
import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.ihpa.IhpaPlanner;
import dev.reflex.core.ihpa.IhpaPlanner.IhpaPlan;
import dev.reflex.core.portrait.MergeOutcome;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.PortraitValue;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One reconcile of an IntelligentHorizontalPodAutoscaler: validate, evaluate the portrait providers (ensuring the
 * HorizontalPortrait of each Dynamic provider), plan the pass ({@link IhpaPlanner}: merge by priority, clamp, gray
 * step), and carry the plan out: create or update the ReplicaProfile named after the IHPA (or delete it in Preview
 * mode), then write the status if it changed. Returns when to wake next.
 */
final class IhpaReconciler {

  static final String COMPONENT = "ihpa_controller";

  private final ResourceCache cache;
  private final KubeRest rest;
  private final StatusWriter statuses;
  private final EventRecorder events;
  private final KubernetesSerialization serialization;
  private final Clock clock;
  private final ReportedProblems reported = new ReportedProblems();
  private final Consumer<ScalingDecision> decisions;
  private final Function<TargetKey, Optional<MetricsPortrait>> streamed;
  private final Consumer<TargetKey> profileWritten;
  private final Duration cronClockOffset;

  /**
   * @param decisions told every decision that changed a ReplicaProfile (published on the bus)
   * @param streamed the streamed KPA's latest recommendation per workload
   * @param profileWritten told the key of every ReplicaProfile written, once the API server accepted it (the
   *     written object is already in the cache): its controller can act without waiting for the watch echo
   * @param cronClockOffset how far ahead of the clock cron rules are read ({@code embedded.cron-clock-start})
   */
  IhpaReconciler(ResourceCache cache, KubeRest rest, EventRecorder events, KubernetesSerialization serialization,
      Clock clock, Consumer<ScalingDecision> decisions, Function<TargetKey, Optional<MetricsPortrait>> streamed,
      Consumer<TargetKey> profileWritten, Duration cronClockOffset) {
    this.cronClockOffset = cronClockOffset;
    this.profileWritten = profileWritten;
    this.decisions = decisions;
    this.streamed = streamed;
    this.cache = cache;
    this.rest = rest;
    this.statuses = new StatusWriter(rest, Kind.IHPA);
    this.events = events;
    this.serialization = serialization;
    this.clock = clock;
  }

  /** The outcome of a pass: when the IHPA wants to be looked at again, if at all. */
  record Result(Optional<Instant> wakeAt) {
    static Result none() {
      return new Result(Optional.empty());
    }
  }

  Future<Result> reconcile(TargetKey key) {
    JsonObject ihpa = cache.get(Kind.IHPA, key);
    if (ihpa == null) {
      reported.clear(key);
      return Future.succeededFuture(Result.none());
    }
    Instant now = clock.instant();
    JsonObject spec = ihpa.getJsonObject("spec", new JsonObject());
    JsonObject oldStatus = ihpa.getJsonObject("status", new JsonObject());
    long generation = ihpa.getJsonObject("metadata").getLong("generation", 1L);
    Validated validated = validate(ihpa);
    if (validated.problem() != null) {
      return invalidSpec(key, ihpa, oldStatus, validated.problem(), generation, now).map(Result.none());
    }
    IntelligentHorizontalPodAutoscalerSpec typed = validated.spec();
    if (Boolean.TRUE.equals(typed.paused())) {
      return paused(key, ihpa, oldStatus, generation, now).map(Result.none());
    }
    return providers(key, ihpa, typed, spec)
        .compose(providers -> decide(key, ihpa, typed, spec, oldStatus, generation, providers, now))
        .recover(e -> failed(ihpa, oldStatus, generation, now, "FailedUpdateAndFetchPortraitValue",
            "failed to update and fetch portrait value: " + e.getMessage(), e));
  }

  // --- validation -----------------------------------------------------------------------------------------------

  /** The typed spec of a valid IHPA, or the condition message saying why it is not. */
  private record Validated(IntelligentHorizontalPodAutoscalerSpec spec, String problem) {
  }

  /** Reads the IHPA into the typed model and validates it; the rest of the pass reads the typed spec. */
  private Validated validate(JsonObject ihpa) {
    IntelligentHorizontalPodAutoscaler typed;
    try {
      typed = serialization.unmarshal(ihpa.encode(), IntelligentHorizontalPodAutoscaler.class);
    } catch (RuntimeException e) {
      return new Validated(null, "invalid spec: " + RootCause.firstLine(e));
    }
    ValidationResult result = SpecValidator.validate(typed);
    return result.valid() ? new Validated(typed.getSpec(), null) : new Validated(null, result.conditionMessage());
  }

  private Future<Void> invalidSpec(TargetKey key, JsonObject ihpa, JsonObject oldStatus, String message,
      long generation, Instant now) {
    JsonObject previous = Conditions.find(oldStatus.getJsonArray("conditions"), "ScalingActive");
    boolean alreadyReported = !reported.firstReport(key, ValidationResult.REASON + message)
        || previous != null && ValidationResult.REASON.equals(previous.getString("reason"))
        && message.equals(previous.getString("message"));
    JsonObject status = oldStatus.copy().put("conditions", Conditions.set(oldStatus.getJsonArray("conditions"),
        "ScalingActive", false, ValidationResult.REASON, message, generation, now));
    Future<Void> event = alreadyReported ? Future.succeededFuture()
        : events.warning(ihpa, COMPONENT, ValidationResult.REASON, message);
    return event.compose(v -> statuses.write(ihpa, oldStatus, status));
  }

  // --- paused ---------------------------------------------------------------------------------------------------

  private Future<Void> paused(TargetKey key, JsonObject ihpa, JsonObject oldStatus, long generation, Instant now) {
    JsonObject rp = cache.get(Kind.RP, key);
    Future<?> pause = rp == null || rp.getJsonObject("spec").getBoolean("paused", false)
        ? Future.succeededFuture()
        : rest.mergePatch(Kind.RP.path(key.namespace(), key.name()),
            new JsonObject().put("spec", new JsonObject().put("paused", true)));
    JsonObject status = oldStatus.copy().put("conditions", Conditions.set(oldStatus.getJsonArray("conditions"),
        "ScalingActive", false, "ScalingPaused", "scaling is paused", generation, now));
    return pause.compose(v -> statuses.write(ihpa, oldStatus, status));
  }

  // --- providers ------------------------------------------------------------------------------------------------

  /**
   * The providers as the core's records. A Dynamic provider's portrait is created or updated from the provider as
   * stored ({@code spec} JSON, so what the user wrote is copied as is).
   */
  private Future<List<PortraitProvider>> providers(TargetKey key, JsonObject ihpa,
      IntelligentHorizontalPodAutoscalerSpec typed, JsonObject spec) {
    List<Future<PortraitProvider>> providers = new ArrayList<>();
    List<HorizontalPortraitProvider> typedProviders = typed.portraitProviders() == null ? List.of()
        : typed.portraitProviders();
    JsonArray stored = spec.getJsonArray("portraitProviders", new JsonArray());
    for (int i = 0; i < typedProviders.size(); i++) {
      HorizontalPortraitProvider provider = typedProviders.get(i);
      if (provider.type() == PortraitProviderType.Dynamic) {
        providers.add(ensurePortrait(key, ihpa, spec, provider, stored.getJsonObject(i))
            .map(status -> ApiMapping.dynamic(provider, withStreamed(key, typed, provider, status))));
      } else {
        providers.add(Future.succeededFuture(ApiMapping.staticOrCron(provider)));
      }
    }
    return Future.all(providers).map(all -> {
      List<PortraitProvider> list = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        list.add(all.<PortraitProvider>resultAt(i).withCronClockOffset(cronClockOffset));
      }
      return list;
    });
  }

  /**
   * For a KPA portrait, the streamed KPA's latest recommendation stands in for the portrait's stored status: the
   * HorizontalPortrait controller writes the same value, but waiting for that write and its watch echo would put
   * two API round trips between a burst and {@code /scale}. Stale or missing recommendations change nothing.
   */
  private JsonObject withStreamed(TargetKey key, IntelligentHorizontalPodAutoscalerSpec spec,
      HorizontalPortraitProvider provider, JsonObject status) {
    if (!"KPA".equals(provider.dynamic().algorithm().type())) {
      return status;
    }
    TargetKey workload = new TargetKey(key.namespace(), spec.scaleTargetRef().name());
    Optional<MetricsPortrait> latest = streamed.apply(workload).filter(MetricsPortrait::hasRecommendation);
    if (latest.isEmpty()) {
      return status;
    }
    JsonObject merged = status == null ? new JsonObject() : status.copy();
    return merged.put("portraitData", new JsonObject().put("type", "Static")
        .put("static", new JsonObject().put("replicas", latest.get().desiredReplicas())));
  }

  /** Creates or updates the HorizontalPortrait of a Dynamic provider; returns its cached status (or null). */
  private Future<JsonObject> ensurePortrait(TargetKey key, JsonObject ihpa, JsonObject spec,
      HorizontalPortraitProvider provider, JsonObject storedProvider) {
    String name = ApiMapping.portraitName(key.name(), provider);
    JsonObject desiredSpec = storedProvider.getJsonObject("dynamic").copy()
        .put("scaleTargetRef", spec.getJsonObject("scaleTargetRef").copy());
    JsonObject existing = cache.get(Kind.HP, key.namespace(), name);
    if (existing == null) {
      JsonObject hp = new JsonObject().put("apiVersion", Kind.HP.apiVersion()).put("kind", Kind.HP.kind())
          .put("metadata", new JsonObject().put("name", name).put("namespace", key.namespace())
              .put("ownerReferences", new JsonArray().add(Owners.controllerRef(ihpa))))
          .put("spec", desiredSpec);
      return rest.create(Kind.HP.collection(key.namespace()), hp)
          .recover(e -> e instanceof KubeApiException api && api.conflict() ? Future.succeededFuture(null)
              : Future.failedFuture(e))
          .map(created -> null);
    }
    if (!desiredSpec.equals(existing.getJsonObject("spec"))) {
      return rest.mergePatch(Kind.HP.path(key.namespace(), name), new JsonObject().put("spec", desiredSpec))
          .map(patched -> existing.getJsonObject("status"));
    }
    return Future.succeededFuture(existing.getJsonObject("status"));
  }

  // --- decision -------------------------------------------------------------------------------------------------

  private Future<Result> decide(TargetKey key, JsonObject ihpa, IntelligentHorizontalPodAutoscalerSpec typed,
      JsonObject spec, JsonObject oldStatus, long generation, List<PortraitProvider> providers, Instant now) {
    JsonObject rp = cache.get(Kind.RP, key);
    IhpaPlan plan = IhpaPlanner.plan(providers, ApiMapping.bounds(typed), typed.scaleMode() == ScaleMode.Preview,
        Optional.ofNullable(rp).map(r -> ApiMapping.profile(r.getJsonObject("spec"))),
        ApiMapping.grayStrategies(typed), ApiMapping.progress(rp), now);
    if (plan instanceof IhpaPlanner.NoValidValue) {
      return noValidValue(key, ihpa, oldStatus, generation, now).map(new Result(plan.wakeAt()));
    }
    reported.clear(key);
    MergeOutcome.Merged merged = plan instanceof IhpaPlanner.Preview preview ? preview.merged()
        : ((IhpaPlanner.Scale) plan).merged();
    JsonObject status = oldStatus.copy();
    JsonObject current = ApiMapping.portraitValue(merged.portrait());
    JsonObject stored = oldStatus.getJsonObject("currentPortraitValue");
    if (stored == null || !sameValue(stored, merged.portrait())) {
      if (stored != null) {
        status.put("previousPortraitValue", stored.copy());
      }
      status.put("currentPortraitValue", current);
    }
    JsonArray conditions = status.getJsonArray("conditions", new JsonArray());
    if (!(plan instanceof IhpaPlanner.Scale scale)) {
      conditions = Conditions.set(conditions, "ScalingActive", true, "SucceededAutoscaling",
          "the autoscaling process is functional", generation, now);
      status.put("conditions", conditions);
      return deleteProfile(key, ihpa, oldStatus, generation, now)
          .compose(v -> statuses.write(ihpa, oldStatus, status)).map(new Result(plan.wakeAt()));
    }
    conditions = Conditions.set(conditions, "ScalingLimited", merged.limit().limited(), merged.limit().reason(),
        merged.limit().message(), generation, now);
    GrayStep step = scale.step();
    step.progress().ifPresent(p -> status.put("gray", new JsonObject().put("grayPercent", p.percent())
        .put("lastUpdateTime", p.lastUpdate().toString())));
    boolean matches = scale.matchesPortrait();
    conditions = Conditions.set(conditions, "GrayProgressing", !matches,
        matches ? "ReplicasMatchPortrait" : "ReplicasNotMatchPortrait",
        matches ? "online replica count matches replica count of current portrait value"
            : "online replica count does not match replica count of current portrait value", generation, now);
    JsonArray finalConditions = Conditions.set(conditions, "ScalingActive", true, "SucceededAutoscaling",
        "the autoscaling process is functional", generation, now);
    status.put("conditions", finalConditions);
    Optional<Instant> wake = plan.wakeAt();
    ScalingDecision decision = new ScalingDecision(key, merged.winner().identifier(), merged.portrait().replicas(),
        merged.targetReplicas(), step.profile().online(), step.profile().cutoff(), step.profile().standby(),
        step.phase().name());
    return applyProfile(key, ihpa, typed, spec, rp, step, decision)
        .compose(v -> statuses.write(ihpa, oldStatus, status))
        .map(new Result(wake))
        .recover(e -> failed(ihpa, oldStatus, generation, now,
            rp == null ? "FailedCreateReplicaProfile" : "FailedUpdateReplicaProfile",
            (rp == null ? "failed to create ReplicaProfile: " : "failed to patch ReplicaProfile: ") + e.getMessage(),
            e));
  }

  private Future<Void> noValidValue(TargetKey key, JsonObject ihpa, JsonObject oldStatus, long generation,
      Instant now) {
    JsonObject previous = Conditions.find(oldStatus.getJsonArray("conditions"), "ScalingActive");
    boolean alreadyReported = !reported.firstReport(key, "NoValidPortraitValue")
        || previous != null && "NoValidPortraitValue".equals(previous.getString("reason"));
    JsonObject status = oldStatus.copy().put("conditions", Conditions.set(oldStatus.getJsonArray("conditions"),
        "ScalingActive", false, "NoValidPortraitValue", "no valid portrait value for now", generation, now));
    Future<Void> event = alreadyReported ? Future.succeededFuture()
        : events.warning(ihpa, COMPONENT, "NoValidPortraitValue", "no valid portrait value for now");
    return event.compose(v -> statuses.write(ihpa, oldStatus, status));
  }

  /** Creates the ReplicaProfile, or patches it when the profile, pause, direction or behavior differ. */
  private Future<Void> applyProfile(TargetKey key, JsonObject ihpa, IntelligentHorizontalPodAutoscalerSpec typed,
      JsonObject spec, JsonObject rp, GrayStep step, ScalingDecision decision) {
    ReplicaProfile profile = step.profile();
    JsonObject desiredSpec = new JsonObject()
        .put("scaleTargetRef", spec.getJsonObject("scaleTargetRef").copy())
        .put("onlineReplicas", profile.online()).put("cutoffReplicas", profile.cutoff())
        .put("standbyReplicas", profile.standby()).put("paused", false)
        .put("allowedScalingDirection", ApiMapping.allowedScalingDirection(typed))
        .put("behavior", ApiMapping.replicaProfileBehavior(spec));
    String progress = step.progress().map(p -> ApiMapping.progressJson(p).encode()).orElse("");
    if (rp == null) {
      JsonObject created = new JsonObject().put("apiVersion", Kind.RP.apiVersion()).put("kind", Kind.RP.kind())
          .put("metadata", new JsonObject().put("name", key.name()).put("namespace", key.namespace())
              .put("ownerReferences", new JsonArray().add(Owners.controllerRef(ihpa)))
              .put("annotations", new JsonObject().put(ApiMapping.GRAY_PROGRESS_ANNOTATION, progress)))
          .put("spec", desiredSpec);
      // A 409 means our own earlier create is not in the cache yet: the profile exists, the next pass patches it.
      return rest.create(Kind.RP.collection(key.namespace()), created)
          .onSuccess(stored -> handOver(key, stored))
          .compose(v -> events.normal(ihpa, COMPONENT, "CreateReplicaProfile", String.format(
                  "create ReplicaProfile with onlineReplicas: %d, cutoffReplicas: %d, standbyReplicas: %d",
                  profile.online(), profile.cutoff(), profile.standby()))
              .onSuccess(x -> decisions.accept(decision)))
          .recover(e -> e instanceof KubeApiException api && api.conflict() ? Future.succeededFuture()
              : Future.failedFuture(e));
    }
    JsonObject currentSpec = rp.getJsonObject("spec", new JsonObject());
    String currentProgress = Optional.ofNullable(rp.getJsonObject("metadata").getJsonObject("annotations"))
        .map(a -> a.getString(ApiMapping.GRAY_PROGRESS_ANNOTATION, "")).orElse("");
    boolean specSame = desiredSpec.fieldNames().stream()
        .allMatch(f -> Objects.equals(desiredSpec.getValue(f), currentSpec.getValue(f)));
    if (specSame && progress.equals(currentProgress)) {
      return Future.succeededFuture();
    }
    ReplicaProfile old = ApiMapping.profile(currentSpec);
    JsonObject patch = new JsonObject().put("spec", desiredSpec).put("metadata", new JsonObject()
        .put("annotations", new JsonObject().put(ApiMapping.GRAY_PROGRESS_ANNOTATION, progress)));
    // The patch goes first and the event after it: during a burst the event is not on the path to /scale.
    return rest.mergePatch(Kind.RP.path(key.namespace(), key.name()), patch)
        .onSuccess(stored -> handOver(key, stored))
        .onSuccess(v -> decisions.accept(decision))
        .compose(v -> old.equals(profile) ? Future.<Void>succeededFuture()
            : events.normal(ihpa, COMPONENT, "UpdateReplicaProfile", String.format(
                "update ReplicaProfile with onlineReplicas: %d -> %d, cutoffReplicas: %d -> %d, standbyReplicas: %d"
                    + " -> %d", old.online(), profile.online(), old.cutoff(), profile.cutoff(), old.standby(),
                profile.standby())));
  }

  /** The profile as stored goes to the cache and its controller at once (see {@link ResourceCache#wrote}). */
  private void handOver(TargetKey key, JsonObject stored) {
    if (stored != null) {
      cache.wrote(Kind.RP, stored);
    }
    profileWritten.accept(key);
  }

  private Future<Void> deleteProfile(TargetKey key, JsonObject ihpa, JsonObject oldStatus, long generation,
      Instant now) {
    if (cache.get(Kind.RP, key) == null) {
      return Future.succeededFuture();
    }
    return rest.deleteIfPresent(Kind.RP.path(key.namespace(), key.name()))
        .recover(e -> Future.failedFuture(new IllegalStateException("failed to delete ReplicaProfile: "
            + e.getMessage())));
  }

  // --- status ---------------------------------------------------------------------------------------------------

  private Future<Result> failed(JsonObject ihpa, JsonObject oldStatus, long generation, Instant now, String reason,
      String message, Throwable cause) {
    JsonObject status = oldStatus.copy().put("conditions", Conditions.set(oldStatus.getJsonArray("conditions"),
        "ScalingActive", false, reason, message, generation, now));
    return events.warning(ihpa, COMPONENT, reason, message)
        .compose(v -> statuses.write(ihpa, oldStatus, status).recover(e -> Future.succeededFuture()))
        .compose(v -> Future.failedFuture(cause));
  }

  private static boolean sameValue(JsonObject stored, PortraitValue value) {
    return value.provider().equals(stored.getString("provider"))
        && value.replicas() == stored.getInteger("replicas", -1)
        && Objects.equals(value.expireTime().map(Instant::toString).orElse(null), stored.getString("expireTime"));
  }
}
