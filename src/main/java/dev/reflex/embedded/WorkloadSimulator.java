package dev.reflex.embedded;

import dev.reflex.bus.TargetKey;
import dev.reflex.config.ReflexConfig;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.custommetrics.MetricsApiHistory;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.LeanInformers;
import dev.reflex.metrics.hpa.HpaMetricReader;
import dev.reflex.metrics.hpa.PodMetricsSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays kube-controller-manager, kubelet and metrics-server for the embedded cluster. Informers feed a keyed,
 * coalescing work queue on this verticle's context: a key already being reconciled is marked dirty and reconciled
 * once more afterwards, so bursts of watch events cost one pass each. A conflict (409) means the cache was stale;
 * the key is retried shortly.
 */
public final class WorkloadSimulator extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WorkloadSimulator.class);
  private static final long CONFLICT_RETRY_MILLIS = 50;

  /** A reconcile unit: a workload or a Service (for its Endpoints). */
  record Key(String kind, String namespace, String name) {
  }

  private final KubernetesClient client;
  private final KubeRest rest;
  private final Clock clock;
  private final Duration startupDelay;
  private final PodMetricsEmitter metrics;
  private final List<SharedIndexInformer<? extends HasMetadata>> informers = new ArrayList<>();
  private final Set<Key> dirty = new LinkedHashSet<>();
  private final Set<Key> running = new HashSet<>();
  private SimulatedControllers controllers;
  private SimulatedHpaController hpas;
  private final ReflexConfig.HpaController hpaSettings;
  private ClusterView view;
  private boolean drainScheduled;

  /** @param hpaController the settings of the embedded HorizontalPodAutoscaler controller */
  public WorkloadSimulator(KubernetesClient client, KubeRest rest, Clock clock, Duration startupDelay,
      PodMetricsEmitter metrics, ReflexConfig.HpaController hpaController) {
    this.hpaSettings = hpaController;
    this.client = client;
    this.rest = rest;
    this.clock = clock;
    this.startupDelay = startupDelay;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    Map<String, SharedIndexInformer<? extends HasMetadata>> byKind = new LinkedHashMap<>();
    byKind.put("StatefulSet", LeanInformers.withoutManagedFields(
        client.apps().statefulSets().inAnyNamespace().runnableInformer(0)));
    byKind.put("Deployment", LeanInformers.withoutManagedFields(
        client.apps().deployments().inAnyNamespace().runnableInformer(0)));
    byKind.put("ReplicaSet", LeanInformers.withoutManagedFields(
        client.apps().replicaSets().inAnyNamespace().runnableInformer(0)));
    SharedIndexInformer<io.fabric8.kubernetes.api.model.Pod> pods = LeanInformers.withoutManagedFields(
        client.pods().inAnyNamespace().runnableInformer(0));
    // Pods by controlling owner: a reconcile looks up its own pods instead of scanning every pod of the cluster.
    pods.addIndexers(Map.of(ClusterView.OWNER_INDEX, ClusterView::ownerIndexKeys));
    byKind.put("Pod", pods);
    byKind.put("Service", LeanInformers.withoutManagedFields(client.services().inAnyNamespace().runnableInformer(0)));
    byKind.put(SimulatedHpaController.KIND, LeanInformers.withoutManagedFields(
        client.autoscaling().v2().horizontalPodAutoscalers().inAnyNamespace().runnableInformer(0)));
    view = new ClusterView(client.getKubernetesSerialization(), byKind);
    controllers = new SimulatedControllers(view, rest, vertx.eventBus(), startupDelay,
        (key, delay) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> markDirty(key)));
    // As upstream, through the API server: metrics.k8s.io, custom.metrics.k8s.io and external.metrics.k8s.io.
    hpas = new SimulatedHpaController(view, rest, HpaMetricReader.throughMetricsApis(MetricsApiHistory.through(rest),
        PodMetricsSource.metricsServer(rest)), hpaSettings.syncPeriod(), new HpaConfig(hpaSettings.tolerance(),
        hpaSettings.tolerance(), hpaSettings.cpuInitializationPeriod(), hpaSettings.initialReadinessDelay(),
        hpaSettings.downscaleStabilization(), HpaConfig.DEFAULTS.legacyScaleUpLimitFactor(),
        HpaConfig.DEFAULTS.legacyScaleUpLimitMinimum()),
        (key, delay) -> vertx.setTimer(Math.max(1, delay.toMillis()), id -> {
          hpas.syncDue(key);
          markDirty(key);
        }));
    List<Future<Void>> started = new ArrayList<>();
    byKind.forEach((kind, informer) -> {
      informers.add(informer);
      informer.addEventHandler(handler(kind));
      started.add(Future.fromCompletionStage(informer.start(), context));
    });
    vertx.setPeriodic(1000, id -> metrics.emit(view, clock.instant()));
    return Future.all(started);
  }

  @Override
  public Future<?> stop() {
    informers.forEach(SharedIndexInformer::stop);
    return Future.succeededFuture();
  }

  private <T extends HasMetadata> ResourceEventHandler<T> handler(String kind) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        changed(kind, obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        changed(kind, newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        changed(kind, obj);
      }
    };
  }

  /** Called on informer threads: work out the keys, then hop onto our context. */
  private void changed(String kind, HasMetadata obj) {
    String ns = obj.getMetadata().getNamespace();
    List<Key> keys = new ArrayList<>();
    if ("Pod".equals(kind)) {
      obj.getMetadata().getOwnerReferences().stream().filter(r -> Boolean.TRUE.equals(r.getController()))
          .forEach(r -> keys.add(new Key(r.getKind(), ns, r.getName())));
      boolean owned = obj.getMetadata().getOwnerReferences().stream()
          .anyMatch(r -> Boolean.TRUE.equals(r.getController()));
      if (obj.getMetadata().getDeletionTimestamp() != null || !owned) {
        // The kubelet finishes what a graceful delete started, for pods of any owner or none, and runs the pods
        // no controller owns (kubectl run, a bare manifest) itself.
        keys.add(new Key("Pod", ns, obj.getMetadata().getName()));
      }
    } else {
      keys.add(new Key(kind, ns, obj.getMetadata().getName()));
      if ("ReplicaSet".equals(kind)) {
        obj.getMetadata().getOwnerReferences().stream().filter(r -> "Deployment".equals(r.getKind()))
            .forEach(r -> keys.add(new Key("Deployment", ns, r.getName())));
      }
    }
    context.runOnContext(v -> {
      keys.forEach(this::markDirty);
      if ("Pod".equals(kind)) {
        view.list("Service", ns).forEach(svc -> markDirty(new Key("Service", ns,
            svc.getJsonObject("metadata").getString("name"))));
        if (obj.getMetadata().getDeletionTimestamp() != null || view.get("Pod", ns,
            obj.getMetadata().getName()) == null) {
          metrics.forget(new TargetKey(ns, obj.getMetadata().getName()));
        }
      }
    });
  }

  private void markDirty(Key key) {
    dirty.add(key);
    if (!drainScheduled) {
      drainScheduled = true;
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    drainScheduled = false;
    List<Key> ready = dirty.stream().filter(k -> !running.contains(k)).toList();
    ready.forEach(dirty::remove);
    ready.forEach(this::reconcile);
  }

  private void reconcile(Key key) {
    running.add(key);
    Future<?> pass;
    try {
      pass = SimulatedHpaController.KIND.equals(key.kind()) ? hpas.reconcile(key, clock.instant())
          : controllers.reconcile(key, clock.instant());
    } catch (RuntimeException e) {
      pass = Future.failedFuture(e);
    }
    pass.onComplete(result -> {
      running.remove(key);
      if (result.failed()) {
        Throwable cause = result.cause();
        if (cause instanceof KubeApiException api && api.conflict()) {
          vertx.setTimer(CONFLICT_RETRY_MILLIS, id -> markDirty(key));
        } else {
          LOG.warn("[{}/{}] simulated {} controller failed: {}", key.namespace(), key.name(), key.kind(),
              cause.getMessage());
          vertx.setTimer(500, id -> markDirty(key));
        }
      }
      if (dirty.contains(key)) {
        markDirty(key);
      }
    });
  }

  /** For tests and the embedded console: the pods the informer sees, as JSON. */
  List<JsonObject> pods(String namespace) {
    return view.list("Pod", namespace).stream().map(JsonObject::copy).toList();
  }
}
