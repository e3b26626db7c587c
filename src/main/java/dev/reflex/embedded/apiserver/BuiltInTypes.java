package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in resources the embedded server serves, with the names, short names, categories, verbs and
 * subresources kube-apiserver 1.32 lists for them in discovery.
 */
final class BuiltInTypes {

  private static final List<String> READ_ONLY = List.of("get", "list");
  private static final List<String> CREATE_ONLY = List.of("create");
  private static final ResourceType.ScaleSubresourcePaths WORKLOAD_SCALE =
      new ResourceType.ScaleSubresourcePaths(".spec.replicas", ".status.replicas", ".status.selector");

  private BuiltInTypes() {
  }

  static List<ResourceType> all() {
    List<ResourceType> types = new ArrayList<>();
    // core/v1
    types.add(type("", "v1", "namespaces", "Namespace", false, List.of("ns"), List.of(), true, null));
    types.add(type("", "v1", "pods", "Pod", true, List.of("po"), List.of("all"), true, null));
    types.add(type("", "v1", "services", "Service", true, List.of("svc"), List.of("all"), true, null));
    types.add(type("", "v1", "endpoints", "Endpoints", true, List.of("ep"), List.of(), false, null));
    types.add(type("", "v1", "configmaps", "ConfigMap", true, List.of("cm"), List.of(), false, null));
    types.add(type("", "v1", "secrets", "Secret", true, List.of(), List.of(), false, null));
    types.add(type("", "v1", "events", "Event", true, List.of("ev"), List.of(), false, null));
    types.add(type("", "v1", "serviceaccounts", "ServiceAccount", true, List.of("sa"), List.of(), false, null));
    types.add(type("", "v1", "nodes", "Node", false, List.of("no"), List.of(), true, null));
    // apps/v1
    types.add(type("apps", "v1", "deployments", "Deployment", true, List.of("deploy"), List.of("all"), true,
        WORKLOAD_SCALE));
    types.add(type("apps", "v1", "statefulsets", "StatefulSet", true, List.of("sts"), List.of("all"), true,
        WORKLOAD_SCALE));
    types.add(type("apps", "v1", "replicasets", "ReplicaSet", true, List.of("rs"), List.of("all"), true,
        WORKLOAD_SCALE));
    types.add(type("apps", "v1", "controllerrevisions", "ControllerRevision", true, List.of(), List.of(), false,
        null));
    // batch/v1
    types.add(type("batch", "v1", "jobs", "Job", true, List.of(), List.of("all"), true, null));
    types.add(type("batch", "v1", "cronjobs", "CronJob", true, List.of("cj"), List.of("all"), true, null));
    // autoscaling: v2 is the storage version, v1 a converted view of the same objects
    types.add(type("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true,
        List.of("hpa"), List.of("all"), true, null));
    types.add(type("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true,
        List.of("hpa"), List.of("all"), true, null));
    types.add(type("coordination.k8s.io", "v1", "leases", "Lease", true, List.of(), List.of(), false, null));
    types.add(type("networking.k8s.io", "v1", "ingresses", "Ingress", true, List.of("ing"), List.of(), true, null));
    types.add(type("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false, List.of(), List.of(), false,
        null));
    types.add(type("events.k8s.io", "v1", "events", "Event", true, List.of("ev"), List.of(), false, null));
    // rbac
    String rbac = "rbac.authorization.k8s.io";
    types.add(type(rbac, "v1", "roles", "Role", true, List.of(), List.of(), false, null));
    types.add(type(rbac, "v1", "rolebindings", "RoleBinding", true, List.of(), List.of(), false, null));
    types.add(type(rbac, "v1", "clusterroles", "ClusterRole", false, List.of(), List.of(), false, null));
    types.add(type(rbac, "v1", "clusterrolebindings", "ClusterRoleBinding", false, List.of(), List.of(), false,
        null));
    String admission = "admissionregistration.k8s.io";
    types.add(type(admission, "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false,
        List.of(), List.of("api-extensions"), false, null));
    types.add(type(admission, "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false,
        List.of(), List.of("api-extensions"), false, null));
    types.add(type("apiregistration.k8s.io", "v1", "apiservices", "APIService", false, List.of(),
        List.of("api-extensions"), true, null));
    types.add(type("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false,
        List.of("crd", "crds"), List.of("api-extensions"), true, null));
    // review resources: create only, nothing stored
    types.add(withVerbs(type("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, List.of(),
        List.of(), false, null), CREATE_ONLY));
    types.add(withVerbs(type("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", false,
        List.of(), List.of(), false, null), CREATE_ONLY));
    types.add(withVerbs(type("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview", false,
        List.of(), List.of(), false, null), CREATE_ONLY));
    types.add(withVerbs(type("authorization.k8s.io", "v1", "localsubjectaccessreviews",
        "LocalSubjectAccessReview", true, List.of(), List.of(), false, null), CREATE_ONLY));
    types.add(withVerbs(type("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview",
        false, List.of(), List.of(), false, null), CREATE_ONLY));
    // metrics.k8s.io: read-only, answered by the simulated metrics-server
    types.add(withVerbs(type("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true, List.of(), List.of(), false,
        null), READ_ONLY));
    types.add(withVerbs(type("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", false, List.of(), List.of(),
        false, null), READ_ONLY));
    return List.copyOf(types);
  }

  private static ResourceType type(String group, String version, String plural, String kind, boolean namespaced,
      List<String> shortNames, List<String> categories, boolean status, ResourceType.ScaleSubresourcePaths scale) {
    return new ResourceType(group, version, plural, kind.toLowerCase(java.util.Locale.ROOT), kind, namespaced,
        shortNames, categories, ResourceType.ALL_VERBS, status, scale,
        BuiltInSchemas.rootFor(group, version, kind).orElse(null), List.of(), true);
  }

  private static ResourceType withVerbs(ResourceType t, List<String> verbs) {
    return new ResourceType(t.group(), t.version(), t.plural(), t.singular(), t.kind(), t.namespaced(),
        t.shortNames(), t.categories(), verbs, t.statusSubresource(), t.scale(), t.schema(), t.printerColumns(),
        t.builtIn());
  }
}
