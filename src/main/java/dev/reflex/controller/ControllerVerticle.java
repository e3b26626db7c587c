package dev.reflex.controller;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.PodMetricSnapshot;
import dev.reflex.bus.ScaleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.config.ReflexConfig;
import dev.reflex.controller.WakeUps.PortraitSeen;
import dev.reflex.controller.WakeUps.ProfileSeen;
import dev.reflex.forecast.ForecastService;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.kpa.StreamedKpa;
import dev.reflex.metrics.kubehpa.ResourceSeries;
import dev.reflex.metrics.kubehpa.StreamedHpa;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Hosts the three controllers on one context, so each key has one owner and no locks are needed. Informer events
 * are mapped to the keys they concern (a pod to the ReplicaProfiles whose workload selects it, a HorizontalPortrait
 * or ReplicaProfile to its IHPA, a result ConfigMap to its HorizontalPortrait) and enqueued; a periodic resync
 * re-enqueues everything as the safety net.
 */
public final class ControllerVerticle extends VerticleBase {

  /** Longer than the actuator's five attempts with their backoff, each bounded by the request timeout. */
  private static final Duration ACTUATOR_TIMEOUT = Duration.ofSeconds(55);

  private final KubernetesClient client;
  private final KubeRest rest;
  private final Clock clock;
  private final Duration resync;
  private final Duration cronClockOffset;
  private final Map<TargetKey, Predicate<Map<String, String>>> rpSelectors = new HashMap<>();
  /** What the controllers last saw of each object, so that status-only echoes wake nobody ({@link WakeUps}). */
  private final Map<TargetKey, PortraitSeen> portraitsSeen = new HashMap<>();
  private final Map<TargetKey, ProfileSeen> profilesSeen = new HashMap<>();
  private final Map<TargetKey, Long> ihpaGenerations = new HashMap<>();
  private final ResourceCache cache;
  private ResourceCache.Subscription subscription;
  /** Whether every cache has been listed and every key enqueued; written on the controllers' context. */
  private volatile boolean filled;
  private KeyedWorkQueue ihpas;
  private KeyedWorkQueue portraits;
  private KeyedWorkQueue profiles;

  private final ForecastService forecasts;
  private final Streamed streamed;
  private final ReflexConfig.AlgorithmJob algorithmJob;

  /**
   * What the controllers take from streamed metrics and metric backends.
   *
   * @param kpa decides {@code KPA} portraits on streamed samples
   * @param kubeHpa streamed values and scale-up trigger of {@code KubeHPA} portraits
   * @param resourceSeries which streamed gauges stand for Resource metrics
   * @param metricReader reads the metrics of {@code KubeHPA} decisions (Prometheus, metrics.k8s.io)
   */
  public record Streamed(StreamedKpa kpa, StreamedHpa kubeHpa, ResourceSeries resourceSeries,
      HpaMetricReader metricReader) {
  }

  /**
   * @param cache the application's informer caches, started by it (the controllers only subscribe)
   * @param forecasts runs the built-in forecaster for {@code Forecast} portraits
   * @param streamed the streamed deciders and the metric reader
   * @param algorithmJob defaults for the CronJobs of {@code ExternalJob} portraits
   * @param cronClockOffset how far ahead of the clock cron rules are read (zero but in a compressed walkthrough)
   */
  public ControllerVerticle(KubernetesClient client, ResourceCache cache, KubeRest rest, Clock clock,
      Duration resync, ForecastService forecasts, Streamed streamed, ReflexConfig.AlgorithmJob algorithmJob,
      Duration cronClockOffset) {
    this.cronClockOffset = cronClockOffset;
    this.cache = cache;
    this.algorithmJob = algorithmJob;
    this.forecasts = forecasts;
    this.streamed = streamed;
    this.client = client;
    this.rest = rest;
    this.clock = clock;
    this.resync = resync;
  }

  @Override
  public Future<?> start() {
    filled = false;
    portraitsSeen.clear();
    profilesSeen.clear();
    ihpaGenerations.clear();
    EventRecorder events = new EventRecorder(rest, clock);
    StreamedPortraits latestStreamed = new StreamedPortraits();
    IhpaReconciler ihpa = new IhpaReconciler(cache, rest, events, client.getKubernetesSerialization(), clock,
        decision -> vertx.eventBus().publish(Addresses.CONTROLLER_DECISION, decision),
        latestStreamed::latest,
        this::profileWritten, cronClockOffset);
    AlgorithmJobs jobs = new AlgorithmJobs(rest, algorithmJob,
        client.getNamespace() == null ? "default" : client.getNamespace());
    HpReconciler hp = new HpReconciler(cache, rest, events, clock, forecasts, streamed.kpa(), jobs,
        new KubeHpaStreaming(streamed.kubeHpa(), streamed.resourceSeries()), streamed.metricReader(), latestStreamed,
        this::portraitStatusWritten, client.getKubernetesSerialization());
    RpReconciler rp = new RpReconciler(cache, rest, events, clock, client.getKubernetesSerialization(),
        request -> vertx.eventBus().<ScaleMessage>request(Addresses.ACTUATOR_SCALE, request,
            new DeliveryOptions().setSendTimeout(ACTUATOR_TIMEOUT.toMillis())).map(Message::body));
    ihpas = new KeyedWorkQueue("IntelligentHorizontalPodAutoscaler", vertx, context, clock,
        key -> reconcileIhpa(ihpa, key));
    portraits = new KeyedWorkQueue("HorizontalPortrait", vertx, context, clock,
        key -> hp.reconcile(key).map(next -> {
          next.ifPresent(at -> portraits.enqueueAt(key, at));
          return null;
        }));
    profiles = new KeyedWorkQueue("ReplicaProfile", vertx, context, clock,
        key -> rp.reconcile(key).map(observed -> {
          if (observed.selector().isEmpty()) {
            rpSelectors.remove(key);
          } else {
            rpSelectors.put(key, dev.reflex.labels.LabelSelector.parse(observed.selector())::matches);
          }
          return null;
        }));
    vertx.setPeriodic(resync.toMillis(), id -> resyncAll());
    // The fast path of burst scaling: a streamed recommendation reaches its portrait without waiting for a resync.
    vertx.eventBus().<MetricsPortrait>localConsumer(Addresses.METRICS_PORTRAIT, message -> {
      MetricsPortrait portrait = message.body();
      latestStreamed.arrived(portrait);
      for (TargetKey portraitKey : hp.kpaPortraitsOf(portrait.target())) {
        // The IHPA first: it reads the recommendation directly, the portrait's status write is for the record.
        JsonObject stored = cache.get(Kind.HP, portraitKey);
        if (stored != null) {
          ownerIhpa(stored).ifPresent(ihpas::enqueueUrgent);
        }
        portraits.enqueue(portraitKey);
      }
    });
    // A streamed sample the HPA would scale up on: its KubeHPA portraits decide now, not at their next sync.
    vertx.eventBus().<PodMetricSnapshot>localConsumer(Addresses.METRICS_POD_VALUES, message ->
        hp.podValues(message.body()).forEach(portraits::enqueueUrgent));
    subscription = cache.subscribeWriter(context, this::changed);
    return cache.whenSynced().onSuccess(v -> {
      filled = true;
      resyncAll();
    });
  }

  /**
   * A ReplicaProfile the IHPA controller wrote (already in the cache): its controller acts now, and its IHPA, which
   * knows what it wrote, is not woken again by the echo.
   */
  private void profileWritten(TargetKey key) {
    JsonObject written = cache.get(Kind.RP, key);
    if (written != null) {
      profilesSeen.put(key, ProfileSeen.of(written));
    }
    profiles.enqueueUrgent(key);
  }

  /**
   * A portrait's new status goes to the cache at once ({@link ResourceCache#wrote}), and to its IHPA when the IHPA
   * reads it ({@link WakeUps#ownerOnOwnWrite}), without waiting for the watch to echo the write.
   */
  private void portraitStatusWritten(JsonObject stored) {
    if (stored == null || stored.getJsonObject("metadata") == null) {
      return;
    }
    cache.wrote(Kind.HP, stored);
    PortraitSeen written = PortraitSeen.of(stored);
    if (WakeUps.ownerOnOwnWrite(Optional.ofNullable(portraitsSeen.put(key(stored), written)), written)) {
      ownerIhpa(stored).ifPresent(ihpas::enqueueUrgent);
    }
  }

  @Override
  public Future<?> stop() {
    // The informers run on: they are the application's, and a standby routes samples with them.
    filled = false;
    subscription.close();
    return Future.succeededFuture();
  }

  /** True once every cache has been filled and the controllers have enqueued every key. */
  public boolean synced() {
    return filled;
  }

  /**
   * Re-enqueues every IHPA, HorizontalPortrait and ReplicaProfile (also used by tests after moving the clock). The
   * future completes once they are queued, so a caller that then waits for {@link #idle()} waits for their passes.
   */
  public Future<Void> resyncAll() {
    Promise<Void> queued = Promise.promise();
    context.runOnContext(v -> {
      cache.keys(Kind.IHPA).forEach(ihpas::enqueue);
      cache.keys(Kind.HP).forEach(portraits::enqueue);
      cache.keys(Kind.RP).forEach(profiles::enqueue);
      queued.complete();
    });
    return queued.future();
  }

  /** IHPA reconciles begun so far, of every IHPA (for tests and benchmarks). */
  public long ihpaPasses() {
    return ihpas.passes();
  }

  /** True when no reconcile is queued or running (for tests). */
  public boolean idle() {
    return ihpas.idle() && portraits.idle() && profiles.idle();
  }

  private Future<?> reconcileIhpa(IhpaReconciler reconciler, TargetKey key) {
    if (cache.get(Kind.IHPA, key) == null) {
      ihpas.forget(key);
      return cleanUp(key);
    }
    return reconciler.reconcile(key).map(result -> {
      result.wakeAt().ifPresent(at -> ihpas.enqueueAt(key, at));
      return null;
    });
  }

  /** What an IHPA owned goes with it (the garbage collector does the same on a real cluster). */
  private Future<?> cleanUp(TargetKey ihpa) {
    Future<?> profile = cache.get(Kind.RP, ihpa) == null ? Future.succeededFuture()
        : rest.deleteIfPresent(Kind.RP.path(ihpa.namespace(), ihpa.name()));
    return profile.compose(v -> Future.all(cache.list(Kind.HP, ihpa.namespace()).stream()
        .filter(hp -> ihpa.name().equals(Owners.controllerOf(hp, Kind.IHPA.kind())))
        .map(hp -> rest.deleteIfPresent(Kind.HP.path(ihpa.namespace(), key(hp).name()))).toList()));
  }

  private void changed(Kind kind, JsonObject obj, boolean deleted) {
    TargetKey key = key(obj);
    if (!filled) {
      // A reconcile now would read caches still being listed: a profile counting none of its pods, an IHPA seeing
      // no ReplicaProfile and creating one. Every key is enqueued once all of them are filled.
      return;
    }
    switch (kind) {
      case IHPA -> {
        long generation = WakeUps.generation(obj);
        Long before = deleted ? ihpaGenerations.remove(key) : ihpaGenerations.put(key, generation);
        if (WakeUps.ihpa(Optional.ofNullable(before), generation, deleted)) {
          ihpas.enqueue(key);
        }
      }
      case HP -> {
        PortraitSeen seen = PortraitSeen.of(obj);
        wake(key, obj, WakeUps.portrait(Optional.ofNullable(deleted ? portraitsSeen.remove(key)
            : portraitsSeen.put(key, seen)), seen, deleted), portraits);
      }
      case RP -> {
        ProfileSeen seen = ProfileSeen.of(obj);
        wake(key, obj, WakeUps.profile(Optional.ofNullable(deleted ? profilesSeen.remove(key)
            : profilesSeen.put(key, seen)), seen, deleted), profiles);
      }
      case CONFIG_MAP -> {
        if (key.name().endsWith("-result")) {
          portraits.enqueue(new TargetKey(key.namespace(), key.name().substring(0, key.name().length() - 7)));
        }
      }
      case POD -> {
        Map<String, String> labels = RpReconciler.labels(obj);
        rpSelectors.forEach((rp, selector) -> {
          if (rp.namespace().equals(key.namespace()) && selector.test(labels)) {
            profiles.enqueue(rp);
          }
        });
      }
      default -> cache.list(Kind.RP, key.namespace()).stream()
          .filter(rp -> key.name().equals(rp.getJsonObject("spec", new JsonObject())
              .getJsonObject("scaleTargetRef", new JsonObject()).getString("name"))
              && kind.kind().equals(rp.getJsonObject("spec").getJsonObject("scaleTargetRef").getString("kind")))
          .forEach(rp -> profiles.enqueue(key(rp)));
    }
  }

  private void wake(TargetKey key, JsonObject obj, WakeUps.Wake wake, KeyedWorkQueue own) {
    if (wake.self()) {
      own.enqueue(key);
    }
    if (wake.owner()) {
      ownerIhpa(obj).ifPresent(ihpas::enqueue);
    }
  }

  /** The IHPA that controls an object (its portrait or profile), if any. */
  private static Optional<TargetKey> ownerIhpa(JsonObject obj) {
    return Optional.ofNullable(Owners.controllerOf(obj, Kind.IHPA.kind()))
        .map(owner -> new TargetKey(key(obj).namespace(), owner));
  }

  private static TargetKey key(JsonObject obj) {
    JsonObject meta = obj.getJsonObject("metadata");
    return new TargetKey(meta.getString("namespace", ""), meta.getString("name"));
  }
}
