package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Small OpenAPI v3 schemas shaped as kube-apiserver publishes them (components referenced through {@code $ref},
 * wrapped in a one-element {@code allOf} where the property carries its own extensions or default), with the patch
 * extensions of the real types: containers by name, ports by containerPort, env by name, volumeMounts by mountPath,
 * volumes by name with retainKeys, conditions by type, finalizers as a merged set, ownerReferences by uid,
 * DeploymentStrategy with retainKeys; tolerations and args without a strategy.
 */
final class PatchTestSchemas {

  private static final String P = "#/components/schemas/";

  static final SchemaContext CTX = new SchemaContext(Map.ofEntries(
      Map.entry("io.k8s.api.apps.v1.Deployment", object(
          "{\"apiVersion\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},"
              + "\"metadata\":" + wrapped("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") + ","
              + "\"spec\":" + wrapped("io.k8s.api.apps.v1.DeploymentSpec") + "}")),
      Map.entry("io.k8s.api.core.v1.Pod", object(
          "{\"metadata\":" + wrapped("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") + ","
              + "\"spec\":" + wrapped("io.k8s.api.core.v1.PodSpec") + ","
              + "\"status\":" + wrapped("io.k8s.api.core.v1.PodStatus") + "}")),
      Map.entry("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", object(
          "{\"name\":{\"type\":\"string\"},"
              + "\"labels\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"default\":\"\"}},"
              + "\"annotations\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},"
              + "\"finalizers\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"default\":\"\"},"
              + "\"x-kubernetes-list-type\":\"set\",\"x-kubernetes-patch-strategy\":\"merge\"},"
              + "\"ownerReferences\":{\"type\":\"array\",\"items\":{\"allOf\":[{\"$ref\":\"" + P
              + "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference\"}],\"default\":{}},"
              + "\"x-kubernetes-list-map-keys\":[\"uid\"],\"x-kubernetes-list-type\":\"map\","
              + "\"x-kubernetes-patch-merge-key\":\"uid\",\"x-kubernetes-patch-strategy\":\"merge\"}}")),
      Map.entry("io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference", object(
          "{\"apiVersion\":{\"type\":\"string\"},\"kind\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"},"
              + "\"uid\":{\"type\":\"string\"},\"controller\":{\"type\":\"boolean\"}}")),
      Map.entry("io.k8s.api.apps.v1.DeploymentSpec", object(
          "{\"replicas\":{\"type\":\"integer\"},"
              + "\"selector\":{\"allOf\":[{\"$ref\":\"" + P + "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector\"}]},"
              + "\"strategy\":{\"allOf\":[{\"$ref\":\"" + P + "io.k8s.api.apps.v1.DeploymentStrategy\"}],"
              + "\"default\":{},\"x-kubernetes-patch-strategy\":\"retainKeys\"},"
              + "\"template\":" + wrapped("io.k8s.api.core.v1.PodTemplateSpec") + "}")),
      Map.entry("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector", object(
          "{\"matchLabels\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}}")),
      Map.entry("io.k8s.api.apps.v1.DeploymentStrategy", object(
          "{\"type\":{\"type\":\"string\"},"
              + "\"rollingUpdate\":" + wrapped("io.k8s.api.apps.v1.RollingUpdateDeployment") + "}")),
      Map.entry("io.k8s.api.apps.v1.RollingUpdateDeployment", object(
          "{\"maxSurge\":{\"x-kubernetes-int-or-string\":true},"
              + "\"maxUnavailable\":{\"x-kubernetes-int-or-string\":true}}")),
      Map.entry("io.k8s.api.core.v1.PodTemplateSpec", object(
          "{\"metadata\":" + wrapped("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta") + ","
              + "\"spec\":" + wrapped("io.k8s.api.core.v1.PodSpec") + "}")),
      Map.entry("io.k8s.api.core.v1.PodSpec", object(
          "{\"containers\":{\"type\":\"array\",\"items\":{\"allOf\":[{\"$ref\":\"" + P
              + "io.k8s.api.core.v1.Container\"}],\"default\":{}},"
              + "\"x-kubernetes-patch-merge-key\":\"name\",\"x-kubernetes-patch-strategy\":\"merge\"},"
              + "\"volumes\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.Volume\"},"
              + "\"x-kubernetes-patch-merge-key\":\"name\",\"x-kubernetes-patch-strategy\":\"merge,retainKeys\"},"
              + "\"tolerations\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.Toleration\"}},"
              + "\"nodeSelector\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}}")),
      Map.entry("io.k8s.api.core.v1.Container", object(
          "{\"name\":{\"type\":\"string\"},\"image\":{\"type\":\"string\"},"
              + "\"args\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},"
              + "\"ports\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.ContainerPort\"},"
              + "\"x-kubernetes-list-map-keys\":[\"containerPort\",\"protocol\"],\"x-kubernetes-list-type\":\"map\","
              + "\"x-kubernetes-patch-merge-key\":\"containerPort\",\"x-kubernetes-patch-strategy\":\"merge\"},"
              + "\"env\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.EnvVar\"},"
              + "\"x-kubernetes-patch-merge-key\":\"name\",\"x-kubernetes-patch-strategy\":\"merge\"},"
              + "\"volumeMounts\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.VolumeMount\"},"
              + "\"x-kubernetes-patch-merge-key\":\"mountPath\",\"x-kubernetes-patch-strategy\":\"merge\"}}")),
      Map.entry("io.k8s.api.core.v1.ContainerPort", object(
          "{\"containerPort\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
              + "\"protocol\":{\"type\":\"string\"}}")),
      Map.entry("io.k8s.api.core.v1.EnvVar", object(
          "{\"name\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"},"
              + "\"valueFrom\":{\"type\":\"object\"}}")),
      Map.entry("io.k8s.api.core.v1.VolumeMount", object(
          "{\"name\":{\"type\":\"string\"},\"mountPath\":{\"type\":\"string\"},\"readOnly\":{\"type\":\"boolean\"}}")),
      Map.entry("io.k8s.api.core.v1.Volume", object(
          "{\"name\":{\"type\":\"string\"},\"emptyDir\":{\"type\":\"object\"},\"configMap\":{\"type\":\"object\"}}")),
      Map.entry("io.k8s.api.core.v1.Toleration", object(
          "{\"key\":{\"type\":\"string\"},\"effect\":{\"type\":\"string\"},\"value\":{\"type\":\"string\"}}")),
      Map.entry("io.k8s.api.core.v1.PodStatus", object(
          "{\"phase\":{\"type\":\"string\"},"
              + "\"conditions\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + P + "io.k8s.api.core.v1.PodCondition\"},"
              + "\"x-kubernetes-patch-merge-key\":\"type\",\"x-kubernetes-patch-strategy\":\"merge\"}}")),
      Map.entry("io.k8s.api.core.v1.PodCondition", object(
          "{\"type\":{\"type\":\"string\"},\"status\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"}}"))));

  static final JsonObject DEPLOYMENT = new JsonObject().put("$ref", P + "io.k8s.api.apps.v1.Deployment");
  static final JsonObject POD = new JsonObject().put("$ref", P + "io.k8s.api.core.v1.Pod");

  /** A pod schema written inline, as a CRD's would be: no references at all. */
  static final JsonObject INLINE_POD = new JsonObject("{\"type\":\"object\","
      + "\"properties\":{\"spec\":{\"type\":\"object\","
      + "\"properties\":{\"containers\":{\"type\":\"array\",\"x-kubernetes-patch-merge-key\":\"name\","
      + "\"x-kubernetes-patch-strategy\":\"merge\",\"items\":{\"type\":\"object\",\"properties\":{"
      + "\"name\":{\"type\":\"string\"},\"args\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
      + "\"x-kubernetes-patch-strategy\":\"merge\"}}}}}}}}");

  private PatchTestSchemas() {
  }

  private static JsonObject object(String properties) {
    return new JsonObject().put("type", "object").put("properties", new JsonObject(properties));
  }

  private static String wrapped(String component) {
    return "{\"allOf\":[{\"$ref\":\"" + P + component + "\"}],\"default\":{}}";
  }
}
