package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.ModelSchemaGenerator.Gvk;
import dev.reflex.embedded.apiserver.ModelSchemaGenerator.Root;
import io.fabric8.kubernetes.api.model.APIService;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Patch;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAPI v3 component schemas of the built-in kinds, named as kube-apiserver names them
 * ({@code io.k8s.api.apps.v1.Deployment}), generated once from fabric8's model classes by
 * {@link ModelSchemaGenerator}. The components are shared by every caller: treat them as read-only.
 */
public final class BuiltInSchemas {

  /** One served built-in kind and the fabric8 class that models it. */
  record BuiltInKind(String group, String version, String kind, Class<?> model) {
  }

  /** The kinds whose schemas are generated; their {@code <Kind>List} classes come along when fabric8 has one. */
  static final List<BuiltInKind> KINDS = List.of(
      new BuiltInKind("", "v1", "Namespace", Namespace.class),
      new BuiltInKind("", "v1", "Pod", Pod.class),
      new BuiltInKind("", "v1", "Service", Service.class),
      new BuiltInKind("", "v1", "Endpoints", Endpoints.class),
      new BuiltInKind("", "v1", "ConfigMap", ConfigMap.class),
      new BuiltInKind("", "v1", "Secret", Secret.class),
      new BuiltInKind("", "v1", "Event", io.fabric8.kubernetes.api.model.Event.class),
      new BuiltInKind("", "v1", "ServiceAccount", ServiceAccount.class),
      new BuiltInKind("", "v1", "Node", Node.class),
      new BuiltInKind("", "v1", "Status", Status.class),
      new BuiltInKind("apps", "v1", "Deployment", Deployment.class),
      new BuiltInKind("apps", "v1", "StatefulSet", StatefulSet.class),
      new BuiltInKind("apps", "v1", "ReplicaSet", ReplicaSet.class),
      new BuiltInKind("apps", "v1", "DaemonSet", DaemonSet.class),
      new BuiltInKind("apps", "v1", "ControllerRevision", ControllerRevision.class),
      new BuiltInKind("batch", "v1", "Job", Job.class),
      new BuiltInKind("batch", "v1", "CronJob", CronJob.class),
      new BuiltInKind("autoscaling", "v1", "HorizontalPodAutoscaler",
          io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class),
      new BuiltInKind("autoscaling", "v1", "Scale", Scale.class),
      new BuiltInKind("autoscaling", "v2", "HorizontalPodAutoscaler",
          io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
      new BuiltInKind("coordination.k8s.io", "v1", "Lease", Lease.class),
      new BuiltInKind("networking.k8s.io", "v1", "Ingress",
          io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
      new BuiltInKind("networking.k8s.io", "v1", "IngressClass",
          io.fabric8.kubernetes.api.model.networking.v1.IngressClass.class),
      new BuiltInKind("events.k8s.io", "v1", "Event", io.fabric8.kubernetes.api.model.events.v1.Event.class),
      new BuiltInKind("rbac.authorization.k8s.io", "v1", "Role", Role.class),
      new BuiltInKind("rbac.authorization.k8s.io", "v1", "ClusterRole", ClusterRole.class),
      new BuiltInKind("rbac.authorization.k8s.io", "v1", "RoleBinding", RoleBinding.class),
      new BuiltInKind("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", ClusterRoleBinding.class),
      new BuiltInKind("admissionregistration.k8s.io", "v1", "MutatingWebhookConfiguration",
          MutatingWebhookConfiguration.class),
      new BuiltInKind("admissionregistration.k8s.io", "v1", "ValidatingWebhookConfiguration",
          ValidatingWebhookConfiguration.class),
      new BuiltInKind("apiregistration.k8s.io", "v1", "APIService", APIService.class),
      new BuiltInKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition", CustomResourceDefinition.class),
      new BuiltInKind("authentication.k8s.io", "v1", "TokenReview", TokenReview.class),
      new BuiltInKind("authorization.k8s.io", "v1", "SubjectAccessReview", SubjectAccessReview.class),
      new BuiltInKind("authorization.k8s.io", "v1", "SelfSubjectAccessReview", SelfSubjectAccessReview.class),
      new BuiltInKind("metrics.k8s.io", "v1beta1", "PodMetrics", PodMetrics.class),
      new BuiltInKind("metrics.k8s.io", "v1beta1", "NodeMetrics", NodeMetrics.class));

  private BuiltInSchemas() {
  }

  /** Built on first use; the class holder makes that once and thread-safe without any lock of ours. */
  private static final class Holder {
    private static final Map<String, JsonObject> COMPONENTS = withPublishedDefaults(
        ModelSchemaGenerator.generate(roots()));
    private static final SchemaContext CONTEXT = new SchemaContext(COMPONENTS);
  }

  /**
   * The defaults kube-apiserver publishes on the keys of list maps ({@code protocol: TCP} of ports): server-side
   * apply keys an applied port that leaves its protocol out by them, as structured-merge-diff does. The fabric8
   * model carries no defaults, so they are named here.
   */
  private static Map<String, JsonObject> withPublishedDefaults(Map<String, JsonObject> components) {
    for (String port : List.of("io.k8s.api.core.v1.ContainerPort", "io.k8s.api.core.v1.ServicePort",
        "io.k8s.api.core.v1.EndpointPort")) {
      JsonObject schema = components.get(port);
      JsonObject protocol = schema == null ? null : schema.getJsonObject("properties", new JsonObject())
          .getJsonObject("protocol");
      if (protocol != null) {
        protocol.put("default", "TCP");
      }
    }
    return components;
  }

  /** Every built-in component, for resolving the {@code $ref}s of built-in schemas. */
  public static SchemaContext context() {
    return Holder.CONTEXT;
  }

  /** The components by name ({@code io.k8s.api.core.v1.PodSpec}), unmodifiable and sorted by name. */
  public static Map<String, JsonObject> components() {
    return Holder.COMPONENTS;
  }

  /** {@code {"$ref":"#/components/schemas/io.k8s.api.apps.v1.Deployment"}}, or empty for a kind not generated. */
  public static Optional<JsonObject> rootFor(String group, String version, String kind) {
    return KINDS.stream()
        .filter(k -> k.group().equals(group) && k.version().equals(version) && k.kind().equals(kind))
        .findFirst()
        .map(k -> ModelSchemaGenerator.ref(KubeModelNames.of(k.model())));
  }

  /** The component name of a built-in kind's list ({@code io.k8s.api.apps.v1.DeploymentList}), when generated. */
  static Optional<String> listComponentFor(String componentName) {
    String list = componentName + "List";
    return components().containsKey(list) ? Optional.of(list) : Optional.empty();
  }

  private static List<Root> roots() {
    List<Root> roots = new ArrayList<>();
    Set<Gvk> everyGroupVersion = new LinkedHashSet<>();
    for (BuiltInKind kind : KINDS) {
      roots.add(new Root(kind.model(), List.of(new Gvk(kind.group(), kind.version(), kind.kind()))));
      listClass(kind.model()).ifPresent(list -> roots.add(new Root(list,
          List.of(new Gvk(kind.group(), kind.version(), kind.kind() + "List")))));
      everyGroupVersion.add(new Gvk(kind.group(), kind.version(), ""));
    }
    // As in kube-apiserver, the options and watch events are kinds of every group version.
    roots.add(new Root(DeleteOptions.class, everyGroupVersion.stream()
        .map(gv -> new Gvk(gv.group(), gv.version(), "DeleteOptions")).toList()));
    roots.add(new Root(WatchEvent.class, everyGroupVersion.stream()
        .map(gv -> new Gvk(gv.group(), gv.version(), "WatchEvent")).toList()));
    // The body every PATCH operation documents.
    roots.add(new Root(Patch.class, List.of()));
    return roots;
  }

  private static Optional<Class<?>> listClass(Class<?> model) {
    try {
      return Optional.of(Class.forName(model.getName() + "List", false, model.getClassLoader()));
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }
}
