package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.child;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultNonZero;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultString;
import static dev.reflex.embedded.apiserver.JsonNodes.defaultValue;
import static dev.reflex.embedded.apiserver.JsonNodes.object;
import static dev.reflex.embedded.apiserver.JsonNodes.objects;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * kube-apiserver's defaults for a PodSpec, wherever one is embedded (Pod, pod templates of workloads, Jobs and
 * CronJobs). The Pod itself gets two extra defaults that templates do not ({@code enableServiceLinks} and requests
 * copied from limits): kube keeps them off templates so that adding them never changed a template's hash and rolled
 * every Deployment on upgrade.
 */
final class PodSpecDefaults {

  /** 0644, the mode secret, configMap, downwardAPI and projected volumes get. */
  static final int DEFAULT_VOLUME_MODE = 420;

  private static final List<String> CONTAINER_LISTS = List.of("initContainers", "containers", "ephemeralContainers");
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final List<String> MODED_VOLUME_SOURCES = List.of("secret", "configMap", "downwardAPI", "projected");

  private PodSpecDefaults() {
  }

  /** Defaults a pod template ({@code metadata} + {@code spec}) in place. */
  static void applyToTemplate(JsonObject template) {
    // The template's ObjectMeta is a struct, its zero creationTimestamp serializes as null: kubectl shows it.
    JsonObject metadata = child(template, "metadata");
    if (!metadata.containsKey("creationTimestamp")) {
      metadata.putNull("creationTimestamp");
    }
    applyToSpec(child(template, "spec"), false);
  }

  /** Defaults a PodSpec in place; {@code ofPod} adds the defaults only a Pod object gets. */
  static void applyToSpec(JsonObject spec, boolean ofPod) {
    defaultString(spec, "dnsPolicy", "ClusterFirst");
    defaultString(spec, "restartPolicy", "Always");
    boolean hostNetwork = Boolean.TRUE.equals(spec.getValue("hostNetwork"));
    defaultValue(spec, "securityContext", new JsonObject());
    defaultValue(spec, "terminationGracePeriodSeconds", 30);
    defaultString(spec, "schedulerName", "default-scheduler");
    if (ofPod) {
      defaultValue(spec, "enableServiceLinks", true);
    }
    for (String list : CONTAINER_LISTS) {
      for (JsonObject container : objects(spec, list)) {
        applyToContainer(container, hostNetwork && !list.equals("ephemeralContainers"));
        if (ofPod && !list.equals("ephemeralContainers")) {
          requestsFromLimits(container);
        }
      }
    }
    for (JsonObject volume : objects(spec, "volumes")) {
      applyToVolume(volume);
    }
  }

  private static void applyToContainer(JsonObject container, boolean hostNetwork) {
    if (JsonNodes.isEmptyString(container, "imagePullPolicy")) {
      container.put("imagePullPolicy", hasLatestTag(JsonNodes.string(container, "image")) ? "Always" : "IfNotPresent");
    }
    defaultString(container, "terminationMessagePath", "/dev/termination-log");
    defaultString(container, "terminationMessagePolicy", "File");
    // ResourceRequirements is a struct, not a pointer: Go always writes it, empty as {}.
    defaultValue(container, "resources", new JsonObject());
    for (JsonObject port : objects(container, "ports")) {
      defaultString(port, "protocol", "TCP");
      if (hostNetwork && JsonNodes.longOr(port, "hostPort", 0) == 0 && port.getValue("containerPort") != null) {
        port.put("hostPort", port.getValue("containerPort"));
      }
    }
    for (String probe : PROBES) {
      JsonObject p = object(container, probe);
      if (p != null) {
        applyToProbe(p);
      }
    }
    JsonObject lifecycle = object(container, "lifecycle");
    if (lifecycle != null) {
      for (String hook : List.of("postStart", "preStop")) {
        applyToHttpGet(object(object(lifecycle, hook), "httpGet"));
      }
    }
    for (JsonObject env : objects(container, "env")) {
      applyToFieldRef(object(object(env, "valueFrom"), "fieldRef"));
    }
  }

  private static void applyToProbe(JsonObject probe) {
    defaultNonZero(probe, "timeoutSeconds", 1);
    defaultNonZero(probe, "periodSeconds", 10);
    defaultNonZero(probe, "successThreshold", 1);
    defaultNonZero(probe, "failureThreshold", 3);
    applyToHttpGet(object(probe, "httpGet"));
  }

  private static void applyToHttpGet(JsonObject httpGet) {
    if (httpGet != null) {
      defaultString(httpGet, "path", "/");
      defaultString(httpGet, "scheme", "HTTP");
    }
  }

  private static void applyToFieldRef(JsonObject fieldRef) {
    if (fieldRef != null) {
      defaultString(fieldRef, "apiVersion", "v1");
    }
  }

  private static void applyToVolume(JsonObject volume) {
    boolean hasSource = volume.fieldNames().stream().anyMatch(k -> !k.equals("name") && volume.getValue(k) != null);
    if (!hasSource) {
      volume.put("emptyDir", new JsonObject());
      return;
    }
    for (String source : MODED_VOLUME_SOURCES) {
      JsonObject s = object(volume, source);
      if (s != null) {
        defaultValue(s, "defaultMode", DEFAULT_VOLUME_MODE);
      }
    }
    JsonObject hostPath = object(volume, "hostPath");
    if (hostPath != null) {
      defaultValue(hostPath, "type", "");
    }
    for (JsonObject item : objects(object(volume, "downwardAPI"), "items")) {
      applyToFieldRef(object(item, "fieldRef"));
    }
    for (JsonObject projection : objects(object(volume, "projected"), "sources")) {
      JsonObject token = object(projection, "serviceAccountToken");
      if (token != null) {
        defaultValue(token, "expirationSeconds", 3600);
      }
      for (JsonObject item : objects(object(projection, "downwardAPI"), "items")) {
        applyToFieldRef(object(item, "fieldRef"));
      }
    }
  }

  /** A Pod container with limits but no request for a resource requests exactly its limit. */
  private static void requestsFromLimits(JsonObject container) {
    JsonObject resources = object(container, "resources");
    JsonObject limits = object(resources, "limits");
    if (limits == null || limits.isEmpty()) {
      return;
    }
    JsonObject requests = child(resources, "requests");
    for (String name : limits.fieldNames()) {
      if (requests.getValue(name) == null) {
        requests.put(name, limits.getValue(name));
      }
    }
  }

  /**
   * Whether the image reference pulls {@code :latest}: an explicit {@code latest} tag, or no tag and no digest (the
   * reference then means latest). A colon before the last slash is a registry port, not a tag.
   */
  static boolean hasLatestTag(String image) {
    if (image.isEmpty()) {
      return false;
    }
    String name = image;
    boolean hasDigest = false;
    int at = name.indexOf('@');
    if (at >= 0) {
      hasDigest = true;
      name = name.substring(0, at);
    }
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      return name.substring(colon + 1).equals("latest");
    }
    return !hasDigest;
  }
}
