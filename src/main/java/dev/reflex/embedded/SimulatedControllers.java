package dev.reflex.embedded;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.SimulatorEvent;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.WorkloadKind;
import dev.reflex.core.pods.PodOrdering;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeRest;
import dev.reflex.kube.PodInfos;
import dev.reflex.kube.WorkloadPaths;
import dev.reflex.webhook.ReadinessGateInjection;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The controllers the embedded cluster lacks, each a reconcile of one object against the informer caches: the
 * StatefulSet controller (ordinal pods, OrderedReady or Parallel, highest ordinal removed first), the Deployment
 * controller (one ReplicaSet per pod template), the ReplicaSet controller (deletion order honouring
 * {@code pod-deletion-cost}), kubelet's pod lifecycle, and the Endpoints controller. Writes go through
 * {@link KubeRest} on the real API contract; a stale cache shows up as a 409 and the reconcile is simply repeated.
 */
final class SimulatedControllers {

  private static final String REVISION = "deployment.kubernetes.io/revision";
  private static final String RANDOM_CHARS = "bcdfghjklmnpqrstvwxz2456789";

  private final ClusterView view;
  private final KubeRest rest;
  private final EventBus bus;
  private final Duration startupDelay;
  private final BiConsumer<WorkloadSimulator.Key, Duration> recheck;
  private final AtomicInteger ipCounter = new AtomicInteger(10);
  private final Random random = new Random();
  private final Map<String, JsonArray> lastSubsets = new ConcurrentHashMap<>();
  /** Terminating pods whose containers the simulated kubelet is stopping, by namespace/name. */
  private final Map<String, Stopping> stopping = new HashMap<>();
  /** The ReplicaSet controller's creates and deletes not yet seen in its cache. */
  private final PodExpectations expectations = new PodExpectations();

  SimulatedControllers(ClusterView view, KubeRest rest, EventBus bus, Duration startupDelay,
      BiConsumer<WorkloadSimulator.Key, Duration> recheck) {
    this.view = view;
    this.rest = rest;
    this.bus = bus;
    this.startupDelay = startupDelay;
    this.recheck = recheck;
  }

  Future<?> reconcile(WorkloadSimulator.Key key, Instant now) {
    return switch (key.kind()) {
      case "StatefulSet" -> statefulSet(key, now);
      case "Deployment" -> deployment(key, now);
      case "ReplicaSet" -> replicaSet(key, now);
      case "Service" -> endpoints(key);
      case "Pod" -> kubelet(key, now);
      default -> Future.succeededFuture();
    };
  }

  // --- StatefulSet ----------------------------------------------------------------------------------------------

  private Future<?> statefulSet(WorkloadSimulator.Key key, Instant now) {
    JsonObject sts = view.get("StatefulSet", key.namespace(), key.name());
    List<JsonObject> pods = view.podsOwnedBy(key.namespace(), "StatefulSet", key.name());
    if (sts == null || terminating(sts)) {
      // Its pods are the API server's garbage collector's to delete, as in a real cluster; a workload being
      // deleted gets no new pods.
      return Future.succeededFuture();
    }
    int desired = sts.getJsonObject("spec").getInteger("replicas", 1);
    boolean parallel = "Parallel".equals(sts.getJsonObject("spec").getString("podManagementPolicy"));
    List<Future<?>> writes = new ArrayList<>();
    List<JsonObject> kept = new ArrayList<>();
    pods.stream().sorted(Comparator.comparingInt(SimulatedControllers::ordinal).reversed()).forEach(p -> {
      if (ordinal(p) >= desired) {
        writes.add(deletePod(p, sts, "StatefulSet", now));
      } else {
        kept.add(p);
      }
    });
    for (int i = 0; i < desired; i++) {
      int ordinal = i;
      if (kept.stream().anyMatch(p -> ordinal(p) == ordinal)) {
        continue;
      }
      boolean lowerReady = kept.stream().filter(p -> ordinal(p) < ordinal).count() == ordinal
          && kept.stream().filter(p -> ordinal(p) < ordinal).allMatch(PodLifecycle::ready);
      if (parallel || lowerReady) {
        writes.add(createPod(sts, "StatefulSet", key.name() + "-" + ordinal,
            Map.of("statefulset.kubernetes.io/pod-name", key.name() + "-" + ordinal), now));
      }
      if (!parallel) {
        break;
      }
    }
    kept.forEach(p -> writes.add(advance(p, key, now)));
    writes.add(syncStatus(sts, "StatefulSet", key, kept));
    return Future.join(writes);
  }

  private static int ordinal(JsonObject pod) {
    String name = pod.getJsonObject("metadata").getString("name");
    try {
      return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  // --- Deployment and ReplicaSet --------------------------------------------------------------------------------

  private Future<?> deployment(WorkloadSimulator.Key key, Instant now) {
    JsonObject deploy = view.get("Deployment", key.namespace(), key.name());
    List<JsonObject> owned = view.list("ReplicaSet", key.namespace()).stream()
        .filter(rs -> ClusterView.owner(rs).equals("Deployment/" + key.name())).toList();
    if (deploy == null) {
      return Future.succeededFuture();
    }
    JsonObject template = deploy.getJsonObject("spec").getJsonObject("template", new JsonObject());
    String hash = Integer.toUnsignedString(template.encode().hashCode(), 36);
    String rsName = key.name() + "-" + hash;
    int desired = deploy.getJsonObject("spec").getInteger("replicas", 1);
    List<Future<?>> writes = new ArrayList<>();
    JsonObject current = owned.stream().filter(rs -> rsName.equals(name(rs))).findFirst().orElse(null);
    if (current == null) {
      JsonObject rsTemplate = template.copy();
      labels(rsTemplate).put("pod-template-hash", hash);
      JsonObject selector = deploy.getJsonObject("spec").getJsonObject("selector", new JsonObject()).copy();
      selector.getJsonObject("matchLabels", new JsonObject()).put("pod-template-hash", hash);
      JsonObject rs = new JsonObject().put("apiVersion", "apps/v1").put("kind", "ReplicaSet")
          .put("metadata", new JsonObject().put("name", rsName).put("namespace", key.namespace())
              .put("labels", labels(rsTemplate).copy())
              .put("annotations", new JsonObject().put(REVISION, Long.toString(nextRevision(owned))))
              .put("ownerReferences", new JsonArray().add(ownerRef(deploy))))
          .put("spec", new JsonObject().put("replicas", desired).put("selector", selector)
              .put("template", rsTemplate));
      writes.add(rest.create("/apis/apps/v1/namespaces/" + key.namespace() + "/replicasets", rs)
          .onSuccess(created -> record(ControllerEvents.replicaSetCreated(deploy, rsName, desired, now))));
    } else if (current.getJsonObject("spec").getInteger("replicas", 1) != desired) {
      int from = current.getJsonObject("spec").getInteger("replicas", 1);
      writes.add(rest.mergePatch(path("ReplicaSet", current) + "/scale",
          new JsonObject().put("spec", new JsonObject().put("replicas", desired)))
          .onSuccess(scaled -> record(ControllerEvents.replicaSetScaled(deploy, rsName, from, desired, now))));
    }
    owned.stream().filter(rs -> !rsName.equals(name(rs)) && rs.getJsonObject("spec").getInteger("replicas", 1) > 0)
        .forEach(old -> {
          int from = old.getJsonObject("spec").getInteger("replicas", 1);
          writes.add(rest.mergePatch(path("ReplicaSet", old) + "/scale",
              new JsonObject().put("spec", new JsonObject().put("replicas", 0)))
              .onSuccess(scaled -> record(ControllerEvents.replicaSetScaled(deploy, name(old), from, 0, now))));
        });
    int replicas = 0;
    int ready = 0;
    int updated = 0;
    for (JsonObject rs : owned) {
      JsonObject st = rs.getJsonObject("status", new JsonObject());
      replicas += st.getInteger("replicas", 0);
      ready += st.getInteger("readyReplicas", 0);
      if (rsName.equals(name(rs))) {
        updated = st.getInteger("replicas", 0);
      }
    }
    JsonObject status = new JsonObject().put("replicas", replicas).put("readyReplicas", ready)
        .put("availableReplicas", ready).put("updatedReplicas", updated)
        .put("observedGeneration", deploy.getJsonObject("metadata").getLong("generation", 1L))
        .put("conditions", DeploymentConditions.of(deploy, rsName, desired, ready, updated, now));
    if (desired > ready) {
      status.put("unavailableReplicas", desired - ready);
    }
    writes.add(patchStatusIfChanged(deploy, "Deployment", key, status, replicas, ready));
    if (current != null) {
      String revision = current.getJsonObject("metadata").getJsonObject("annotations", new JsonObject())
          .getString(REVISION);
      String shown = deploy.getJsonObject("metadata").getJsonObject("annotations", new JsonObject())
          .getString(REVISION);
      if (revision != null && !revision.equals(shown)) {
        // The Deployment controller shows the revision of the current ReplicaSet on the Deployment.
        writes.add(rest.mergePatch(path("Deployment", deploy), new JsonObject().put("metadata", new JsonObject()
            .put("annotations", new JsonObject().put(REVISION, revision)))));
      }
    }
    return Future.join(writes);
  }

  private static long nextRevision(List<JsonObject> replicaSets) {
    long highest = 0;
    for (JsonObject rs : replicaSets) {
      String revision = rs.getJsonObject("metadata").getJsonObject("annotations", new JsonObject())
          .getString(REVISION, "0");
      try {
        highest = Math.max(highest, Long.parseLong(revision));
      } catch (NumberFormatException e) {
        // Not ours to judge; the next revision goes past the ones that parse.
      }
    }
    return highest + 1;
  }

  private Future<?> replicaSet(WorkloadSimulator.Key key, Instant now) {
    JsonObject rs = view.get("ReplicaSet", key.namespace(), key.name());
    // Pods being deleted no longer count, as for kube's ReplicaSet controller: their replacements start at once.
    List<JsonObject> owned = view.podsOwnedBy(key.namespace(), "ReplicaSet", key.name());
    List<JsonObject> pods = owned.stream().filter(p -> !terminating(p)).toList();
    if (rs == null || terminating(rs)) {
      return Future.succeededFuture();
    }
    int desired = rs.getJsonObject("spec").getInteger("replicas", 1);
    List<Future<?>> writes = new ArrayList<>();
    List<JsonObject> kept = new ArrayList<>(pods);
    String owner = key.namespace() + "/" + key.name();
    Set<String> cached = new HashSet<>();
    owned.forEach(p -> cached.add(name(p)));
    Set<String> running = new HashSet<>();
    pods.forEach(p -> running.add(name(p)));
    // Until its own creates and deletes show up in the cache, the count it would act on is stale (kube waits too).
    boolean settled = expectations.satisfied(owner, cached, running, now);
    if (!settled) {
      recheck.accept(key, PodExpectations.TTL);
    }
    if (settled && pods.size() > desired) {
      Map<String, JsonObject> byName = new HashMap<>();
      pods.forEach(p -> byName.put(name(p), p));
      List<JsonObject> victims = PodOrdering.firstToRemove(WorkloadKind.REPLICA_SET,
          pods.stream().map(PodInfos::fromJson).toList(), pods.size() - desired, now).stream()
          .map(info -> byName.get(info.name())).toList();
      for (JsonObject victim : victims) {
        expectations.deleting(owner, name(victim), now);
        writes.add(deletePod(victim, rs, "ReplicaSet", now).onFailure(e -> expectations.failed(owner,
            name(victim))));
      }
      kept.removeAll(victims);
    }
    for (int i = pods.size(); settled && i < desired; i++) {
      String podName = key.name() + "-" + randomSuffix();
      expectations.creating(owner, podName, now);
      writes.add(createPod(rs, "ReplicaSet", podName, Map.of(), now).onFailure(e -> expectations.failed(owner,
          podName)));
    }
    kept.forEach(p -> writes.add(advance(p, key, now)));
    writes.add(syncStatus(rs, "ReplicaSet", key, kept));
    return Future.join(writes);
  }

  private String randomSuffix() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(RANDOM_CHARS.charAt(random.nextInt(RANDOM_CHARS.length())));
    }
    return sb.toString();
  }

  // --- pods -----------------------------------------------------------------------------------------------------

  private Future<?> createPod(JsonObject owner, String ownerKind, String podName, Map<String, String> extraLabels,
      Instant now) {
    JsonObject template = owner.getJsonObject("spec").getJsonObject("template", new JsonObject());
    JsonObject meta = template.getJsonObject("metadata", new JsonObject()).copy();
    JsonObject labels = meta.getJsonObject("labels", new JsonObject()).copy();
    extraLabels.forEach(labels::put);
    String namespace = owner.getJsonObject("metadata").getString("namespace");
    meta.put("name", podName).put("namespace", namespace).put("labels", labels)
        .put("creationTimestamp", now.toString()).put("ownerReferences", new JsonArray().add(ownerRef(owner)));
    JsonObject spec = template.getJsonObject("spec", new JsonObject()).copy().put("nodeName", SimulatedNode.NAME);
    JsonObject pod = new JsonObject().put("apiVersion", "v1").put("kind", "Pod").put("metadata", meta)
        .put("spec", spec).put("status", new JsonObject().put("phase", "Pending"));
    JsonObject admitted = ReadinessGateInjection.onCreate(pod);
    TargetKey target = new TargetKey(namespace, podName);
    return rest.create("/api/v1/namespaces/" + namespace + "/pods", admitted)
        .onSuccess(p -> {
          bus.publish(Addresses.EMBEDDED_SIMULATOR, new SimulatorEvent.PodCreated(target, ownerKind + "/"
              + name(owner)));
          record(ControllerEvents.podCreated(owner, ownerKind, podName, now));
        });
  }

  /** A terminating pod the kubelet is stopping: which one (a namesake may follow it) and since when. */
  private record Stopping(String uid, Instant since) {
  }

  /**
   * The kubelet's part of a graceful deletion: a terminating pod on the simulated node takes the pod start-up delay
   * to stop its containers (never longer than its grace period), then is deleted for good (grace period 0). Stopping
   * takes time on a real node too, and clients rely on it: {@code kubectl delete pod} watches the terminating pod for
   * its deletion, and would miss it if the pod were gone and recreated under the same name before it looked.
   */
  private Future<?> kubelet(WorkloadSimulator.Key key, Instant now) {
    JsonObject pod = view.get("Pod", key.namespace(), key.name());
    String podKey = key.namespace() + "/" + key.name();
    if (pod != null && !terminating(pod) && "".equals(ClusterView.owner(pod))) {
      // A pod no controller owns: the kubelet starts it and reports its readiness, as for any other, and reports
      // its exit once a client with an end (hey -z 30s) is done.
      Optional<Duration> runLeft = runLeft(pod, now);
      if (runLeft.isPresent() && (runLeft.get().isNegative() || runLeft.get().isZero())) {
        return rest.mergePatch("/api/v1/namespaces/" + key.namespace() + "/pods/" + key.name() + "/status",
            new JsonObject().put("status", PodLifecycle.exited(pod, now, 0)));
      }
      runLeft.ifPresent(left -> recheck.accept(key, left));
      return advance(pod, key, now);
    }
    if (pod == null || !terminating(pod)
        || !SimulatedNode.NAME.equals(pod.getJsonObject("spec", new JsonObject()).getString("nodeName"))) {
      stopping.remove(podKey);
      return Future.succeededFuture();
    }
    String uid = pod.getJsonObject("metadata").getString("uid");
    Stopping stop = stopping.get(podKey);
    if (stop == null || !stop.uid().equals(uid)) {
      stop = new Stopping(uid, now);
      stopping.put(podKey, stop);
    }
    long graceMillis = pod.getJsonObject("metadata").getLong("deletionGracePeriodSeconds", 0L) * 1000;
    Duration left = Duration.between(now, stop.since().plusMillis(Math.min(startupDelay.toMillis(), graceMillis)));
    if (left.compareTo(Duration.ZERO) > 0) {
      recheck.accept(key, left);
      return Future.succeededFuture();
    }
    stopping.remove(podKey);
    return rest.deleteNowIfPresent("/api/v1/namespaces/" + key.namespace() + "/pods/" + key.name(), uid);
  }

  /** How long a running client pod with an end has left to run, from its start; empty for any other pod. */
  private static Optional<Duration> runLeft(JsonObject pod, Instant now) {
    JsonObject status = pod.getJsonObject("status", new JsonObject());
    if (!"Running".equals(status.getString("phase")) || status.getString("startTime") == null) {
      return Optional.empty();
    }
    Instant started = Instant.parse(status.getString("startTime"));
    return ClientLoad.of(pod).flatMap(ClientLoad::runsFor).map(runs -> Duration.between(now, started.plus(runs)));
  }

  private Future<?> deletePod(JsonObject pod, JsonObject owner, String ownerKind, Instant now) {
    String namespace = pod.getJsonObject("metadata").getString("namespace");
    TargetKey target = new TargetKey(namespace, name(pod));
    return rest.deleteIfPresent("/api/v1/namespaces/" + namespace + "/pods/" + name(pod))
        .onSuccess(v -> {
          bus.publish(Addresses.EMBEDDED_SIMULATOR, new SimulatorEvent.PodDeleted(target, ownerKind + "/"
              + name(owner)));
          record(ControllerEvents.podDeleted(owner, ownerKind, name(pod), now));
        });
  }

  /** Writes an Event as the controller would; losing one costs nothing but the record, so failures only log. */
  private void record(JsonObject event) {
    String namespace = event.getJsonObject("metadata").getString("namespace");
    rest.create("/api/v1/namespaces/" + namespace + "/events", event);
  }

  private static boolean terminating(JsonObject object) {
    return object.getJsonObject("metadata").getString("deletionTimestamp") != null;
  }

  private Future<?> advance(JsonObject pod, WorkloadSimulator.Key owner, Instant now) {
    String namespace = pod.getJsonObject("metadata").getString("namespace");
    PodLifecycle.Step step = PodLifecycle.next(pod, now, startupDelay, podIp(pod));
    step.recheckIn().ifPresent(d -> recheck.accept(owner, d));
    if (step.status().isEmpty()) {
      return Future.succeededFuture();
    }
    JsonObject status = step.status().get();
    boolean wasReady = PodLifecycle.ready(pod);
    boolean nowReady = PodLifecycle.ready(new JsonObject().put("status", status));
    JsonObject patch = new JsonObject()
        .put("metadata", new JsonObject().put("resourceVersion", pod.getJsonObject("metadata")
            .getString("resourceVersion")))
        .put("status", status);
    return rest.mergePatch("/api/v1/namespaces/" + namespace + "/pods/" + name(pod) + "/status", patch)
        .onSuccess(p -> {
          if (wasReady != nowReady) {
            bus.publish(Addresses.EMBEDDED_SIMULATOR,
                new SimulatorEvent.PodReadiness(new TargetKey(namespace, name(pod)), nowReady));
          }
        });
  }

  private String podIp(JsonObject pod) {
    String existing = pod.getJsonObject("status", new JsonObject()).getString("podIP");
    if (existing != null) {
      return existing;
    }
    int n = ipCounter.getAndIncrement();
    return "10.244." + (n / 250) + "." + (n % 250 + 2);
  }

  // --- workload status ------------------------------------------------------------------------------------------

  private Future<?> syncStatus(JsonObject workload, String kind, WorkloadSimulator.Key key, List<JsonObject> pods) {
    int replicas = pods.size();
    int ready = (int) pods.stream().filter(PodLifecycle::ready).count();
    JsonObject status = new JsonObject().put("replicas", replicas).put("readyReplicas", ready)
        .put("availableReplicas", ready)
        .put("observedGeneration", workload.getJsonObject("metadata").getLong("generation", 1L));
    if ("StatefulSet".equals(kind)) {
      status.put("currentReplicas", replicas).put("updatedReplicas", replicas);
    } else {
      status.put("fullyLabeledReplicas", replicas);
    }
    return patchStatusIfChanged(workload, kind, key, status, replicas, ready);
  }

  private Future<?> patchStatusIfChanged(JsonObject workload, String kind, WorkloadSimulator.Key key,
      JsonObject status, int replicas, int ready) {
    JsonObject current = workload.getJsonObject("status", new JsonObject());
    boolean same = status.fieldNames().stream().allMatch(f -> Objects.equals(
        String.valueOf(status.getValue(f)), String.valueOf(current.getValue(f))));
    if (same) {
      return Future.succeededFuture();
    }
    return rest.mergePatch(path(kind, workload) + "/status", new JsonObject().put("status", status))
        .onSuccess(v -> bus.publish(Addresses.EMBEDDED_SIMULATOR,
            new SimulatorEvent.StatusSynced(kind, new TargetKey(key.namespace(), key.name()), replicas, ready)));
  }

  // --- Endpoints ------------------------------------------------------------------------------------------------

  private Future<?> endpoints(WorkloadSimulator.Key key) {
    JsonObject service = view.get("Service", key.namespace(), key.name());
    String path = "/api/v1/namespaces/" + key.namespace() + "/endpoints/" + key.name();
    String cacheKey = key.namespace() + "/" + key.name();
    if (service == null) {
      lastSubsets.remove(cacheKey);
      return Future.succeededFuture();
    }
    JsonObject selector = service.getJsonObject("spec").getJsonObject("selector");
    if (selector == null || selector.isEmpty()) {
      return Future.succeededFuture();
    }
    JsonArray subsets = EndpointsBuilder.subsets(service, view.list("Pod", key.namespace()));
    if (subsets.equals(lastSubsets.get(cacheKey))) {
      return Future.succeededFuture();
    }
    int ready = EndpointsBuilder.count(subsets, "addresses");
    int notReady = EndpointsBuilder.count(subsets, "notReadyAddresses");
    return rest.mergePatch(path, new JsonObject().put("subsets", subsets))
        .recover(e -> e instanceof KubeApiException api && api.notFound()
            ? rest.create("/api/v1/namespaces/" + key.namespace() + "/endpoints", new JsonObject()
                .put("apiVersion", "v1").put("kind", "Endpoints")
                .put("metadata", new JsonObject().put("name", key.name()).put("namespace", key.namespace())
                    .put("labels", service.getJsonObject("metadata").getJsonObject("labels", new JsonObject())))
                .put("subsets", subsets))
            : Future.failedFuture(e))
        .onSuccess(v -> {
          lastSubsets.put(cacheKey, subsets);
          bus.publish(Addresses.EMBEDDED_SIMULATOR, new SimulatorEvent.StatusSynced("Endpoints",
              new TargetKey(key.namespace(), key.name()), ready + notReady, ready));
        });
  }

  // --- helpers --------------------------------------------------------------------------------------------------

  private static JsonObject ownerRef(JsonObject owner) {
    return new JsonObject().put("apiVersion", owner.getString("apiVersion", "apps/v1"))
        .put("kind", owner.getString("kind")).put("name", name(owner))
        .put("uid", owner.getJsonObject("metadata").getString("uid", ""))
        .put("controller", true).put("blockOwnerDeletion", true);
  }

  private static JsonObject labels(JsonObject template) {
    JsonObject meta = template.getJsonObject("metadata");
    if (meta == null) {
      meta = new JsonObject();
      template.put("metadata", meta);
    }
    JsonObject labels = meta.getJsonObject("labels");
    if (labels == null) {
      labels = new JsonObject();
      meta.put("labels", labels);
    }
    return labels;
  }

  private static String name(JsonObject obj) {
    return obj.getJsonObject("metadata").getString("name");
  }

  private static String path(String kind, JsonObject obj) {
    return WorkloadPaths.path(WorkloadKind.byKind(kind).orElseThrow(() -> new IllegalArgumentException(kind)),
        obj.getJsonObject("metadata").getString("namespace"), name(obj));
  }
}
