package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInSchemasTest {

  private static final String REF = "#/components/schemas/";

  /** The schema of {@code component}, then of each property along {@code path} (an array steps into its items). */
  private static JsonObject at(String component, String path) {
    SchemaContext context = BuiltInSchemas.context();
    JsonObject node = context.resolve(new JsonObject().put("$ref", REF + component));
    if (path.isEmpty()) {
      return node;
    }
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length; i++) {
      if ("array".equals(node.getString("type"))) {
        node = context.resolve(node.getJsonObject("items"));
      }
      JsonObject properties = node.getJsonObject("properties");
      assertNotNull(properties, "no properties before " + steps[i] + " in " + component + "." + path);
      JsonObject property = properties.getJsonObject(steps[i]);
      assertNotNull(property, "no property " + steps[i] + " in " + component + "." + path);
      // The last step is returned as written, references unresolved; the ones before are walked through.
      node = i == steps.length - 1 ? property : context.resolve(property);
    }
    return node;
  }

  static Stream<Arguments> properties() {
    return Stream.of(
        Arguments.of("io.k8s.api.apps.v1.Deployment", "spec.template",
            "{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec\"}"),
        Arguments.of("io.k8s.api.apps.v1.Deployment", "metadata",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\"}"),
        Arguments.of("io.k8s.api.core.v1.PodSpec", "containers",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.Container\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge\",\"x-kubernetes-patch-merge-key\":\"name\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"name\"]}"),
        Arguments.of("io.k8s.api.core.v1.PodSpec", "volumes",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.Volume\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge,retainKeys\",\"x-kubernetes-patch-merge-key\":\"name\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"name\"]}"),
        Arguments.of("io.k8s.api.core.v1.PodSpec", "tolerations",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.Toleration\"},"
                + "\"x-kubernetes-list-type\":\"atomic\"}"),
        Arguments.of("io.k8s.api.core.v1.PodSpec", "nodeSelector",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},"
                + "\"x-kubernetes-map-type\":\"atomic\"}"),
        Arguments.of("io.k8s.api.core.v1.Container", "ports",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.ContainerPort\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge\",\"x-kubernetes-patch-merge-key\":\"containerPort\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"containerPort\","
                + "\"protocol\"]}"),
        Arguments.of("io.k8s.api.core.v1.Container", "resources.limits",
            "{\"type\":\"object\",\"additionalProperties\":"
                + "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity\"}}"),
        Arguments.of("io.k8s.api.core.v1.ServiceSpec", "ports",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.ServicePort\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge\",\"x-kubernetes-patch-merge-key\":\"port\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"port\",\"protocol\"]}"),
        Arguments.of("io.k8s.api.core.v1.ServicePort", "targetPort",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString\"}"),
        Arguments.of("io.k8s.api.apps.v1.DeploymentSpec", "strategy",
            "{\"allOf\":[{\"$ref\":\"#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy\"}],"
                + "\"x-kubernetes-patch-strategy\":\"retainKeys\"}"),
        Arguments.of("io.k8s.api.apps.v1.DeploymentStatus", "conditions",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.apps.v1.DeploymentCondition\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge\",\"x-kubernetes-patch-merge-key\":\"type\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"type\"]}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "ownerReferences",
            "{\"type\":\"array\",\"items\":"
                + "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference\"},"
                + "\"x-kubernetes-patch-strategy\":\"merge\",\"x-kubernetes-patch-merge-key\":\"uid\","
                + "\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"uid\"]}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "finalizers",
            "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"x-kubernetes-patch-strategy\":\"merge\","
                + "\"x-kubernetes-list-type\":\"set\"}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "creationTimestamp",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time\"}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "generation",
            "{\"type\":\"integer\",\"format\":\"int64\"}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "labels",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}"),
        Arguments.of("io.k8s.api.apps.v1.DeploymentSpec", "replicas", "{\"type\":\"integer\",\"format\":\"int32\"}"),
        Arguments.of("io.k8s.api.apps.v1.DeploymentSpec", "paused", "{\"type\":\"boolean\"}"),
        Arguments.of("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps", "maximum",
            "{\"type\":\"number\",\"format\":\"double\"}"),
        Arguments.of("io.k8s.api.core.v1.Secret", "data",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\",\"format\":\"byte\"}}"),
        Arguments.of("io.k8s.api.coordination.v1.LeaseSpec", "renewTime",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime\"}"),
        Arguments.of("io.k8s.api.apps.v1.ControllerRevision", "data",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.runtime.RawExtension\"}"),
        Arguments.of("io.k8s.metrics.pkg.apis.metrics.v1beta1.PodMetrics", "window",
            "{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Duration\"}"),
        Arguments.of("io.k8s.api.core.v1.EndpointSubset", "addresses",
            "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.EndpointAddress\"},"
                + "\"x-kubernetes-list-type\":\"atomic\"}"),
        Arguments.of("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService", "spec",
            "{\"$ref\":\"#/components/schemas/io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIServiceSpec\"}"));
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("properties")
  void propertySchemas(String component, String path, String expected) {
    assertEquals(new JsonObject(expected), at(component, path));
  }

  static Stream<Arguments> wholeComponents() {
    return Stream.of(
        Arguments.of("io.k8s.apimachinery.pkg.api.resource.Quantity",
            "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}"),
        Arguments.of("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
            "{\"format\":\"int-or-string\",\"oneOf\":[{\"type\":\"integer\"},{\"type\":\"string\"}],"
                + "\"x-kubernetes-int-or-string\":true}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.Time", "{\"type\":\"string\",\"format\":\"date-time\"}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime",
            "{\"type\":\"string\",\"format\":\"date-time\"}"),
        Arguments.of("io.k8s.apimachinery.pkg.runtime.RawExtension",
            "{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}"),
        Arguments.of("io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement",
            "{\"type\":\"object\",\"properties\":{\"key\":{\"type\":\"string\"},\"operator\":{\"type\":\"string\"},"
                + "\"values\":{\"type\":\"array\",\"items\":{\"type\":\"string\"},"
                + "\"x-kubernetes-list-type\":\"atomic\"}},"
                + "\"required\":[\"key\",\"operator\"]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wholeComponents")
  void specialAndSmallComponents(String component, String expected) {
    assertEquals(new JsonObject(expected), BuiltInSchemas.components().get(component));
  }

  @ParameterizedTest(name = "{0} requires {1}")
  @CsvSource(delimiter = ';', value = {
      "io.k8s.api.core.v1.Container; name",
      "io.k8s.api.core.v1.PodSpec; containers",
      "io.k8s.api.apps.v1.DeploymentSpec; selector,template",
      "io.k8s.api.core.v1.ServicePort; port",
      "io.k8s.api.core.v1.EnvVar; name",
      "io.k8s.api.rbac.v1.RoleRef; apiGroup,kind,name",
      "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec; scaleTargetRef,maxReplicas",
      "io.k8s.api.apps.v1.ControllerRevision; revision"})
  void requiredFields(String component, String required) {
    assertEquals(new JsonArray(List.of((Object[]) required.split(","))),
        BuiltInSchemas.components().get(component).getJsonArray("required"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
      "io.k8s.api.core.v1.LocalObjectReference",
      "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference",
      "io.k8s.api.autoscaling.v1.CrossVersionObjectReference"})
  void atomicStructs(String component) {
    assertEquals("atomic", BuiltInSchemas.components().get(component).getString("x-kubernetes-map-type"));
  }

  @ParameterizedTest(name = "{0}/{1} {2}")
  @CsvSource({
      ",v1,Namespace,io.k8s.api.core.v1.Namespace",
      ",v1,Pod,io.k8s.api.core.v1.Pod",
      ",v1,Event,io.k8s.api.core.v1.Event",
      ",v1,Node,io.k8s.api.core.v1.Node",
      "apps,v1,Deployment,io.k8s.api.apps.v1.Deployment",
      "apps,v1,ControllerRevision,io.k8s.api.apps.v1.ControllerRevision",
      "batch,v1,CronJob,io.k8s.api.batch.v1.CronJob",
      "autoscaling,v1,HorizontalPodAutoscaler,io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler",
      "autoscaling,v2,HorizontalPodAutoscaler,io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
      "autoscaling,v1,Scale,io.k8s.api.autoscaling.v1.Scale",
      "coordination.k8s.io,v1,Lease,io.k8s.api.coordination.v1.Lease",
      "events.k8s.io,v1,Event,io.k8s.api.events.v1.Event",
      "rbac.authorization.k8s.io,v1,ClusterRoleBinding,io.k8s.api.rbac.v1.ClusterRoleBinding",
      "admissionregistration.k8s.io,v1,MutatingWebhookConfiguration,"
          + "io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration",
      "apiregistration.k8s.io,v1,APIService,io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.APIService",
      "apiextensions.k8s.io,v1,CustomResourceDefinition,"
          + "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
      "authentication.k8s.io,v1,TokenReview,io.k8s.api.authentication.v1.TokenReview",
      "authorization.k8s.io,v1,SelfSubjectAccessReview,io.k8s.api.authorization.v1.SelfSubjectAccessReview",
      "metrics.k8s.io,v1beta1,NodeMetrics,io.k8s.metrics.pkg.apis.metrics.v1beta1.NodeMetrics"})
  void kindsAreNamedAndTaggedAsKubeApiserverDoes(String group, String version, String kind, String component) {
    String g = group == null ? "" : group;
    assertEquals(Optional.of(new JsonObject().put("$ref", REF + component)), BuiltInSchemas.rootFor(g, version, kind));
    JsonObject schema = BuiltInSchemas.components().get(component);
    assertEquals(new JsonArray().add(new JsonObject().put("group", g).put("kind", kind).put("version", version)),
        schema.getJsonArray("x-kubernetes-group-version-kind"));
    JsonObject properties = schema.getJsonObject("properties");
    assertEquals(new JsonObject().put("type", "string"), properties.getJsonObject("apiVersion"));
    assertEquals(new JsonObject().put("type", "string"), properties.getJsonObject("kind"));
    assertEquals(new JsonObject().put("$ref", REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"),
        properties.getJsonObject("metadata"));
  }

  @Test
  void listKindsComeWithTheirKinds() {
    JsonObject list = BuiltInSchemas.components().get("io.k8s.api.apps.v1.DeploymentList");
    assertEquals(new JsonArray().add(new JsonObject().put("group", "apps").put("kind", "DeploymentList")
        .put("version", "v1")), list.getJsonArray("x-kubernetes-group-version-kind"));
    assertEquals(new JsonObject().put("type", "array")
            .put("items", new JsonObject().put("$ref", REF + "io.k8s.api.apps.v1.Deployment")),
        list.getJsonObject("properties").getJsonObject("items"));
    assertEquals(new JsonObject().put("$ref", REF + "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"),
        list.getJsonObject("properties").getJsonObject("metadata"));
    assertEquals(new JsonArray().add("items"), list.getJsonArray("required"));
  }

  @Test
  void theTwoAutoscalingVersionsHaveTheirOwnSpecs() {
    JsonObject v1 = at("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler", "spec");
    JsonObject v2 = at("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", "spec");
    assertEquals(new JsonObject().put("$ref", REF + "io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec"), v1);
    assertEquals(new JsonObject().put("$ref", REF + "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec"), v2);
    assertEquals(new JsonObject().put("type", "integer").put("format", "int32"),
        at("io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler", "spec.targetCPUUtilizationPercentage"));
    assertEquals(new JsonObject().put("type", "array")
            .put("items", new JsonObject().put("$ref", REF + "io.k8s.api.autoscaling.v2.MetricSpec"))
            .put("x-kubernetes-list-type", "atomic"),
        at("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler", "spec.metrics"));
  }

  @Test
  void unknownKindHasNoRoot() {
    assertEquals(Optional.empty(), BuiltInSchemas.rootFor("apps", "v1", "Deploymentz"));
    assertEquals(Optional.empty(), BuiltInSchemas.rootFor("", "v1", "Binding"));
  }

  @Test
  void everyReferenceResolvesToAComponent() {
    Map<String, JsonObject> components = BuiltInSchemas.components();
    List<String> dangling = new ArrayList<>();
    components.forEach((name, schema) -> collectRefs(schema, ref -> {
      if (!components.containsKey(ref.substring(REF.length()))) {
        dangling.add(name + " -> " + ref);
      }
    }));
    assertEquals(List.of(), dangling);
    assertTrue(components.size() > 300, "components: " + components.size());
  }

  @Test
  void builtOnceAndShared() {
    assertSame(BuiltInSchemas.context(), BuiltInSchemas.context());
    assertSame(BuiltInSchemas.components(), BuiltInSchemas.context().components());
  }

  private static void collectRefs(Object node, java.util.function.Consumer<String> sink) {
    if (node instanceof JsonObject object) {
      object.forEach(e -> {
        // JSONSchemaProps has a property named $ref: only a string value is a reference.
        if (e.getKey().equals("$ref") && e.getValue() instanceof String ref) {
          sink.accept(ref);
        } else {
          collectRefs(e.getValue(), sink);
        }
      });
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collectRefs(item, sink));
    }
  }
}
