package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.child;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultString;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultValue;
import static dev.reflex.embedded.apiserver.JsonNodes.object;
import static dev.reflex.embedded.apiserver.JsonNodes.objects;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * kube-apiserver's defaulting of built-in kinds (the {@code SetDefaults_*} functions of their served version, plus
 * the zero-valued fields Go's structs always write, such as a container's {@code resources: {}} or a Service's
 * {@code status.loadBalancer: {}}), so that an object read back looks like one a real cluster returns.
 *
 * <p>What the registry computes rather than defaults lives elsewhere: a Service's cluster IP and IP families
 * ({@link ServiceAllocation}), a Job's generated selector ({@link JobSelectors}), a Namespace's
 * {@code spec.finalizers} ({@link #prepareNamespaceForCreate}). Defaulting is idempotent: kube applies it again
 * every time an object is read from storage, and so may the server.
 */
public final class BuiltInDefaults {

  private BuiltInDefaults() {
  }

  /**
   * A defaulted copy of {@code object}; kinds without defaults come back as an unchanged copy.
   *
   * @param group the API group, empty for the core group
   * @param kind the kind ({@code Deployment}); the version is read from the object's {@code apiVersion} where it
   *     matters (autoscaling/v1 and v2 default differently)
   */
  public static JsonObject apply(String group, String kind, JsonObject object) {
    return applyInPlace(group, kind, object.copy());
  }

  /**
   * {@link #apply} on {@code out} itself, for the write path, which owns the object it admits (a deep copy of a pod
   * was a twentieth of a write).
   */
  static JsonObject applyInPlace(String group, String kind, JsonObject out) {
    switch (group + "/" + kind) {
      case "/Pod" -> pod(out);
      case "/PodTemplate" -> PodSpecDefaults.applyToTemplate(child(out, "template"));
      case "/ReplicationController" -> replicationController(out);
      case "/Service" -> service(out);
      case "/Namespace" -> namespace(out);
      case "/Secret" -> defaultString(out, "type", "Opaque");
      case "/PersistentVolumeClaim" -> persistentVolumeClaim(out);
      case "/Endpoints" -> objects(out, "subsets")
          .forEach(subset -> objects(subset, "ports").forEach(p -> defaultString(p, "protocol", "TCP")));
      case "discovery.k8s.io/EndpointSlice" -> objects(out, "ports").forEach(BuiltInDefaults::endpointSlicePort);
      case "apps/Deployment" -> deployment(out);
      case "apps/ReplicaSet" -> replicaSet(out);
      case "apps/StatefulSet" -> statefulSet(out);
      case "apps/DaemonSet" -> daemonSet(out);
      case "batch/Job" -> job(out);
      case "batch/CronJob" -> cronJob(out);
      case "autoscaling/HorizontalPodAutoscaler" -> {
        if ("autoscaling/v1".equals(out.getString("apiVersion"))) {
          HpaDefaults.applyV1(out);
        } else {
          HpaDefaults.applyV2(out);
        }
      }
      default -> {
        // no defaults for this kind
      }
    }
    return out;
  }

  /**
   * What the Namespace registry adds on create on top of defaulting: the {@code kubernetes} finalizer, which the
   * namespace controller removes once everything in the namespace is gone.
   */
  public static JsonObject prepareNamespaceForCreate(JsonObject namespace) {
    JsonObject out = namespace.copy();
    out.put("spec", new JsonObject().put("finalizers", new JsonArray().add("kubernetes")));
    return out;
  }

  private static void pod(JsonObject pod) {
    PodSpecDefaults.applyToSpec(child(pod, "spec"), true);
  }

  private static void replicationController(JsonObject rc) {
    JsonObject spec = child(rc, "spec");
    JsonObject template = object(spec, "template");
    JsonObject templateLabels = JsonNodes.path(template, "metadata", "labels");
    if (templateLabels != null) {
      if (object(spec, "selector") == null || object(spec, "selector").isEmpty()) {
        spec.put("selector", templateLabels.copy());
      }
      JsonObject metadata = child(rc, "metadata");
      if (object(metadata, "labels") == null || object(metadata, "labels").isEmpty()) {
        metadata.put("labels", templateLabels.copy());
      }
    }
    defaultValue(spec, "replicas", 1);
    if (template != null) {
      PodSpecDefaults.applyToTemplate(template);
    }
    statusZeros(rc, "replicas");
  }

  private static void service(JsonObject service) {
    JsonObject spec = child(service, "spec");
    defaultString(spec, "sessionAffinity", "None");
    String affinity = spec.getString("sessionAffinity");
    if (affinity.equals("None")) {
      spec.remove("sessionAffinityConfig");
    } else if (affinity.equals("ClientIP")
        && JsonNodes.isNil(JsonNodes.path(spec, "sessionAffinityConfig", "clientIP"), "timeoutSeconds")) {
      // three hours, kube's DefaultClientIPServiceAffinitySeconds
      spec.put("sessionAffinityConfig",
          new JsonObject().put("clientIP", new JsonObject().put("timeoutSeconds", 10800)));
    }
    defaultString(spec, "type", "ClusterIP");
    String type = spec.getString("type");
    for (JsonObject port : objects(spec, "ports")) {
      defaultString(port, "protocol", "TCP");
      Object target = port.getValue("targetPort");
      boolean unset = target == null || "".equals(target) || (target instanceof Number n && n.longValue() == 0);
      if (unset && port.getValue("port") != null) {
        port.put("targetPort", port.getValue("port"));
      }
    }
    if (type.equals("NodePort") || type.equals("LoadBalancer")) {
      defaultString(spec, "externalTrafficPolicy", "Cluster");
    }
    if (!type.equals("ExternalName")) {
      defaultString(spec, "internalTrafficPolicy", "Cluster");
    }
    if (type.equals("LoadBalancer")) {
      defaultValue(spec, "allocateLoadBalancerNodePorts", true);
    }
    // ServiceStatus and its LoadBalancerStatus are structs: Go writes status.loadBalancer as {}.
    child(child(service, "status"), "loadBalancer");
  }

  private static void namespace(JsonObject namespace) {
    JsonObject metadata = child(namespace, "metadata");
    String name = JsonNodes.string(metadata, "name");
    if (!name.isEmpty()) {
      // every namespace carries its own name as a label, so that selectors can pick namespaces by name
      child(metadata, "labels").put("kubernetes.io/metadata.name", name);
    }
    defaultString(child(namespace, "status"), "phase", "Active");
  }

  private static void persistentVolumeClaim(JsonObject claim) {
    defaultString(child(claim, "spec"), "volumeMode", "Filesystem");
    defaultString(child(claim, "status"), "phase", "Pending");
  }

  private static void endpointSlicePort(JsonObject port) {
    defaultValue(port, "name", "");
    defaultValue(port, "protocol", "TCP");
  }

  private static void deployment(JsonObject deployment) {
    JsonObject spec = child(deployment, "spec");
    defaultValue(spec, "replicas", 1);
    JsonObject strategy = child(spec, "strategy");
    defaultString(strategy, "type", "RollingUpdate");
    if (strategy.getString("type").equals("RollingUpdate")) {
      JsonObject rollingUpdate = child(strategy, "rollingUpdate");
      defaultValue(rollingUpdate, "maxUnavailable", "25%");
      defaultValue(rollingUpdate, "maxSurge", "25%");
    }
    defaultValue(spec, "revisionHistoryLimit", 10);
    defaultValue(spec, "progressDeadlineSeconds", 600);
    PodSpecDefaults.applyToTemplate(child(spec, "template"));
    child(deployment, "status");
  }

  private static void replicaSet(JsonObject replicaSet) {
    JsonObject spec = child(replicaSet, "spec");
    defaultValue(spec, "replicas", 1);
    PodSpecDefaults.applyToTemplate(child(spec, "template"));
    statusZeros(replicaSet, "replicas");
  }

  private static void statefulSet(JsonObject statefulSet) {
    JsonObject spec = child(statefulSet, "spec");
    defaultString(spec, "podManagementPolicy", "OrderedReady");
    JsonObject strategy = child(spec, "updateStrategy");
    if (JsonNodes.isEmptyString(strategy, "type")) {
      strategy.put("type", "RollingUpdate");
      // only a defaulted type brings an empty rollingUpdate; an explicit RollingUpdate without one stays so
      child(strategy, "rollingUpdate");
    }
    JsonObject rollingUpdate = object(strategy, "rollingUpdate");
    if (strategy.getString("type").equals("RollingUpdate") && rollingUpdate != null) {
      defaultValue(rollingUpdate, "partition", 0);
    }
    JsonObject retention = child(spec, "persistentVolumeClaimRetentionPolicy");
    defaultString(retention, "whenDeleted", "Retain");
    defaultString(retention, "whenScaled", "Retain");
    defaultValue(spec, "replicas", 1);
    defaultValue(spec, "revisionHistoryLimit", 10);
    PodSpecDefaults.applyToTemplate(child(spec, "template"));
    for (JsonObject claim : objects(spec, "volumeClaimTemplates")) {
      persistentVolumeClaim(claim);
      JsonObject metadata = child(claim, "metadata");
      if (!metadata.containsKey("creationTimestamp")) {
        metadata.putNull("creationTimestamp");
      }
    }
    statusZeros(statefulSet, "availableReplicas", "replicas");
  }

  private static void daemonSet(JsonObject daemonSet) {
    JsonObject spec = child(daemonSet, "spec");
    JsonObject strategy = child(spec, "updateStrategy");
    defaultString(strategy, "type", "RollingUpdate");
    if (strategy.getString("type").equals("RollingUpdate")) {
      JsonObject rollingUpdate = child(strategy, "rollingUpdate");
      defaultValue(rollingUpdate, "maxUnavailable", 1);
      defaultValue(rollingUpdate, "maxSurge", 0);
    }
    defaultValue(spec, "revisionHistoryLimit", 10);
    PodSpecDefaults.applyToTemplate(child(spec, "template"));
    statusZeros(daemonSet, "currentNumberScheduled", "desiredNumberScheduled", "numberMisscheduled",
        "numberReady");
  }

  private static void job(JsonObject job) {
    JsonObject spec = child(job, "spec");
    if (JsonNodes.isNil(spec, "completions") && JsonNodes.isNil(spec, "parallelism")) {
      spec.put("completions", 1);
      spec.put("parallelism", 1);
    }
    defaultValue(spec, "parallelism", 1);
    // with per-index limits the job-wide limit is effectively off (MaxInt32)
    defaultValue(spec, "backoffLimit", JsonNodes.isNil(spec, "backoffLimitPerIndex") ? 6 : Integer.MAX_VALUE);
    JsonObject templateLabels = JsonNodes.path(spec, "template", "metadata", "labels");
    JsonObject metadata = child(job, "metadata");
    JsonObject labels = object(metadata, "labels");
    if (templateLabels != null && (labels == null || labels.isEmpty())) {
      metadata.put("labels", templateLabels.copy());
    }
    defaultValue(spec, "completionMode", "NonIndexed");
    defaultValue(spec, "suspend", false);
    JsonObject failurePolicy = object(spec, "podFailurePolicy");
    if (failurePolicy != null) {
      for (JsonObject rule : objects(failurePolicy, "rules")) {
        objects(rule, "onPodConditions").forEach(pattern -> defaultString(pattern, "status", "True"));
      }
    }
    defaultValue(spec, "podReplacementPolicy", failurePolicy != null ? "Failed" : "TerminatingOrFailed");
    defaultValue(spec, "manualSelector", false);
    PodSpecDefaults.applyToTemplate(child(spec, "template"));
    child(job, "status");
  }

  private static void cronJob(JsonObject cronJob) {
    JsonObject spec = child(cronJob, "spec");
    defaultString(spec, "concurrencyPolicy", "Allow");
    defaultValue(spec, "suspend", false);
    defaultValue(spec, "successfulJobsHistoryLimit", 3);
    defaultValue(spec, "failedJobsHistoryLimit", 1);
    // the job template's pod template is defaulted, the job template itself is not (its Job gets that on create)
    JsonObject jobTemplate = child(spec, "jobTemplate");
    JsonObject jobTemplateMetadata = child(jobTemplate, "metadata");
    if (!jobTemplateMetadata.containsKey("creationTimestamp")) {
      jobTemplateMetadata.putNull("creationTimestamp");
    }
    PodSpecDefaults.applyToTemplate(child(child(jobTemplate, "spec"), "template"));
    child(cronJob, "status");
  }

  /** Status counters Go always writes (non-omitempty int32s), 0 until a controller reports. */
  private static void statusZeros(JsonObject object, String... counters) {
    JsonObject status = child(object, "status");
    for (String counter : counters) {
      defaultValue(status, counter, 0);
    }
  }
}
