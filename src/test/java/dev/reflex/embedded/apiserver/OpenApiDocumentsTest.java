package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.embedded.apiserver.OpenApiDocuments.Published;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiDocumentsTest {

  private static final String IHPA_GROUP = "autoscaling.kapacitystack.io";
  private static final String IHPA_COMPONENT =
      "io.kapacitystack.autoscaling.v1alpha1.IntelligentHorizontalPodAutoscaler";

  private static ResourceType builtIn(String group, String version, String plural, String kind, boolean namespaced,
      List<String> verbs, boolean status, boolean scale) {
    return new ResourceType(group, version, plural, kind.toLowerCase(), kind, namespaced, List.of(), List.of(), verbs,
        status, scale ? new ResourceType.ScaleSubresourcePaths(".spec.replicas", ".status.replicas", null) : null,
        BuiltInSchemas.rootFor(group, version, kind).orElseThrow(), List.of(), true);
  }

  private static final JsonObject IHPA_SCHEMA = new JsonObject("""
      {"type":"object","description":"IHPA scales a workload from forecasts.",
       "properties":{
         "metadata":{"type":"object"},
         "spec":{"type":"object","description":"What to scale and how.",
           "properties":{
             "minReplicas":{"type":"integer","format":"int32","nullable":true},
             "portraitProviders":{"type":"array","description":"Where the portraits come from.",
               "items":{"type":"object","required":["type"],
                 "properties":{"type":{"type":"string","description":"The provider kind."},
                   "priority":{"type":"integer"}}}},
             "target":{"x-kubernetes-int-or-string":true,
               "anyOf":[{"type":"integer"},{"type":"string"}]}}},
         "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}
      """);

  private static final ResourceType IHPA = new ResourceType(IHPA_GROUP, "v1alpha1",
      "intelligenthorizontalpodautoscalers", "intelligenthorizontalpodautoscaler",
      "IntelligentHorizontalPodAutoscaler", true, List.of("ihpa"), List.of(), ResourceType.ALL_VERBS, true,
      new ResourceType.ScaleSubresourcePaths(".spec.replicas", ".status.replicas", null), IHPA_SCHEMA, List.of(),
      false);

  private static final List<ResourceType> TYPES = List.of(
      builtIn("", "v1", "pods", "Pod", true, ResourceType.ALL_VERBS, true, false),
      builtIn("", "v1", "namespaces", "Namespace", false,
          List.of("create", "delete", "get", "list", "patch", "update", "watch"), true, false),
      builtIn("apps", "v1", "deployments", "Deployment", true, ResourceType.ALL_VERBS, true, true),
      builtIn("authentication.k8s.io", "v1", "tokenreviews", "TokenReview", false, List.of("create"), false, false),
      IHPA);

  private static final Published PUBLISHED = OpenApiDocuments.publish(TYPES);

  private static JsonObject v3(String path) {
    return PUBLISHED.v3(path).orElseThrow();
  }

  // ---- (a) kubectl's server-side field validation check (cli-runtime's queryParamVerifierV3) ----

  /** As kubectl decides it: the PATCH operation carrying the GVK must list {@code fieldValidation} in the query. */
  private static Optional<Boolean> patchSupports(JsonObject document, JsonObject gvk, String parameter) {
    Optional<Boolean> answer = Optional.empty();
    for (Map.Entry<String, Object> path : document.getJsonObject("paths")) {
      JsonObject patch = ((JsonObject) path.getValue()).getJsonObject("patch");
      if (patch == null || !gvk.equals(patch.getJsonObject("x-kubernetes-group-version-kind"))) {
        continue;
      }
      boolean listed = patch.getJsonArray("parameters").stream().map(JsonObject.class::cast)
          .anyMatch(p -> parameter.equals(p.getString("name")) && "query".equals(p.getString("in")));
      // kubectl stops at the first matching PATCH in Go's random map order: every one must agree.
      if (answer.isPresent() && answer.get() != listed) {
        throw new AssertionError("PATCH operations of " + gvk + " disagree on " + parameter);
      }
      answer = Optional.of(listed);
    }
    return answer;
  }

  @ParameterizedTest(name = "{0} {1}/{2} {3}")
  @CsvSource({
      "api/v1,,v1,Pod",
      "api/v1,,v1,Namespace",
      "apis/apps/v1,apps,v1,Deployment",
      "apis/autoscaling.kapacitystack.io/v1alpha1,autoscaling.kapacitystack.io,v1alpha1,"
          + "IntelligentHorizontalPodAutoscaler"})
  void kubectlSeesServerSideFieldValidation(String path, String group, String version, String kind) {
    JsonObject gvk = new JsonObject().put("group", group == null ? "" : group).put("kind", kind)
        .put("version", version);
    assertEquals(Optional.of(true), patchSupports(v3(path), gvk, "fieldValidation"));
    assertEquals(Optional.of(false), patchSupports(v3(path), gvk, "noSuchParameter"));
  }

  @Test
  void deploymentPatchOperation() {
    JsonObject patch = v3("apis/apps/v1").getJsonObject("paths")
        .getJsonObject("/apis/apps/v1/namespaces/{namespace}/deployments/{name}").getJsonObject("patch");
    assertEquals("patch", patch.getString("x-kubernetes-action"));
    assertEquals("patchAppsV1NamespacedDeployment", patch.getString("operationId"));
    assertEquals(new JsonArray().add("apps_v1"), patch.getJsonArray("tags"));
    assertEquals(new JsonObject().put("group", "apps").put("kind", "Deployment").put("version", "v1"),
        patch.getJsonObject("x-kubernetes-group-version-kind"));
    assertEquals(List.of("dryRun", "fieldManager", "fieldValidation", "force"),
        names(patch.getJsonArray("parameters")));
    assertEquals(new JsonObject().put("name", "fieldValidation").put("in", "query")
            .put("description", "How unknown or duplicate fields in the request are handled: Ignore, Warn (the "
                + "default) or Strict.")
            .put("schema", new JsonObject().put("type", "string").put("uniqueItems", true)),
        patch.getJsonArray("parameters").getJsonObject(2));
    assertEquals(List.of("application/apply-patch+yaml", "application/json-patch+json",
            "application/merge-patch+json", "application/strategic-merge-patch+json"),
        new ArrayList<>(patch.getJsonObject("requestBody").getJsonObject("content").fieldNames()));
    assertEquals(new JsonObject().put("$ref", "#/components/schemas/io.k8s.api.apps.v1.Deployment"),
        patch.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
            .getJsonObject("application/json").getJsonObject("schema"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "api/v1, /api/v1/pods, get, list, Pod",
      "api/v1, /api/v1/namespaces/{namespace}/pods, post, post, Pod",
      "api/v1, /api/v1/namespaces/{namespace}/pods, delete, deletecollection, Pod",
      "api/v1, /api/v1/namespaces/{namespace}/pods/{name}/status, patch, patch, Pod",
      "api/v1, /api/v1/namespaces/{name}, put, put, Namespace",
      "api/v1, /api/v1/namespaces, get, list, Namespace",
      "apis/apps/v1, /apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale, put, put, Scale",
      "apis/apps/v1, /apis/apps/v1/deployments, get, list, Deployment",
      "apis/authentication.k8s.io/v1, /apis/authentication.k8s.io/v1/tokenreviews, post, post, TokenReview",
      "apis/autoscaling.kapacitystack.io/v1alpha1, "
          + "/apis/autoscaling.kapacitystack.io/v1alpha1/namespaces/{namespace}/intelligenthorizontalpodautoscalers"
          + "/{name}/scale, patch, patch, Scale"})
  void operationsCarryActionAndKind(String document, String path, String method, String action, String kind) {
    JsonObject operation = v3(document).getJsonObject("paths").getJsonObject(path).getJsonObject(method);
    assertEquals(action, operation.getString("x-kubernetes-action"));
    assertEquals(kind, operation.getJsonObject("x-kubernetes-group-version-kind").getString("kind"));
  }

  @Test
  void onlyTheServedVerbsArePublished() {
    JsonObject paths = v3("apis/authentication.k8s.io/v1").getJsonObject("paths");
    assertEquals(List.of("/apis/authentication.k8s.io/v1/tokenreviews"), new ArrayList<>(paths.fieldNames()));
    assertEquals(List.of("post", "parameters"),
        new ArrayList<>(paths.getJsonObject("/apis/authentication.k8s.io/v1/tokenreviews").fieldNames()));
    assertNull(v3("api/v1").getJsonObject("paths").getJsonObject("/api/v1/namespaces/{name}/scale"));
  }

  @Test
  void eachDocumentHoldsOnlyItsGroupVersionAndEverySchemaItNeeds() {
    JsonObject apps = v3("apis/apps/v1");
    assertEquals("3.0.0", apps.getString("openapi"));
    assertTrue(apps.getJsonObject("paths").fieldNames().stream().allMatch(p -> p.startsWith("/apis/apps/v1/")));
    JsonObject schemas = apps.getJsonObject("components").getJsonObject("schemas");
    for (String needed : List.of("io.k8s.api.apps.v1.Deployment", "io.k8s.api.apps.v1.DeploymentList",
        "io.k8s.api.core.v1.PodTemplateSpec", "io.k8s.api.core.v1.Container",
        "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", "io.k8s.apimachinery.pkg.api.resource.Quantity",
        "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions", "io.k8s.apimachinery.pkg.apis.meta.v1.Status",
        "io.k8s.apimachinery.pkg.apis.meta.v1.Patch", "io.k8s.api.autoscaling.v1.Scale")) {
      assertTrue(schemas.containsKey(needed), needed);
    }
    assertFalse(schemas.containsKey("io.k8s.api.core.v1.Pod"));
    assertFalse(schemas.containsKey(IHPA_COMPONENT));
    for (String path : PUBLISHED.v3ByPath().keySet()) {
      JsonObject components = v3(path).getJsonObject("components").getJsonObject("schemas");
      List<String> dangling = new ArrayList<>();
      refs(v3(path), ref -> {
        if (!components.containsKey(ref.substring("#/components/schemas/".length()))) {
          dangling.add(ref);
        }
      });
      assertEquals(List.of(), dangling, path);
    }
  }

  @Test
  void customResourceComponent() {
    JsonObject schemas = v3("apis/autoscaling.kapacitystack.io/v1alpha1").getJsonObject("components")
        .getJsonObject("schemas");
    JsonObject ihpa = schemas.getJsonObject(IHPA_COMPONENT);
    assertEquals(new JsonArray().add(new JsonObject().put("group", IHPA_GROUP)
            .put("kind", "IntelligentHorizontalPodAutoscaler").put("version", "v1alpha1")),
        ihpa.getJsonArray("x-kubernetes-group-version-kind"));
    assertEquals(new JsonArray().add(new JsonObject()
            .put("$ref", "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")),
        ihpa.getJsonObject("properties").getJsonObject("metadata").getJsonArray("allOf"));
    assertEquals(IHPA_SCHEMA.getJsonObject("properties").getJsonObject("spec"),
        ihpa.getJsonObject("properties").getJsonObject("spec"));
    JsonObject list = schemas.getJsonObject(IHPA_COMPONENT + "List");
    assertEquals("IntelligentHorizontalPodAutoscalerList",
        list.getJsonArray("x-kubernetes-group-version-kind").getJsonObject(0).getString("kind"));
    assertEquals(new JsonObject().put("$ref", "#/components/schemas/" + IHPA_COMPONENT),
        list.getJsonObject("properties").getJsonObject("items").getJsonObject("items"));
    assertEquals(new JsonObject().put("type", "object"), IHPA_SCHEMA.getJsonObject("properties")
        .getJsonObject("metadata"), "the resource type's own schema is not changed");
  }

  // ---- (b) kubectl explain (kubectl's pkg/explain/v2 plaintext template) ----

  /** The schema kubectl explain prints for a field path, found as its template finds it; null when not found. */
  private static JsonObject explain(String group, String version, String plural, String fieldPath) {
    String documentPath = group.isEmpty() ? "api/" + version : "apis/" + group + "/" + version;
    JsonObject document = v3(documentPath);
    String prefix = "/" + documentPath;
    JsonObject gvk = null;
    for (String path : List.of(prefix + "/" + plural, prefix + "/" + plural + "/{name}",
        prefix + "/namespaces/{namespace}/" + plural, prefix + "/namespaces/{namespace}/" + plural + "/{name}")) {
      JsonObject item = document.getJsonObject("paths").getJsonObject(path);
      for (String method : List.of("get", "post", "put", "patch", "delete")) {
        if (item != null && item.getJsonObject(method) != null && gvk == null) {
          gvk = item.getJsonObject(method).getJsonObject("x-kubernetes-group-version-kind");
        }
      }
    }
    assertNotNull(gvk, "GVR not found in OpenAPI schema");
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    JsonObject schema = null;
    for (Map.Entry<String, Object> entry : schemas) {
      JsonArray gvks = ((JsonObject) entry.getValue()).getJsonArray("x-kubernetes-group-version-kind");
      if (gvks != null && gvks.contains(gvk)) {
        schema = (JsonObject) entry.getValue();
        break;
      }
    }
    assertNotNull(schema, "GVK not found in OpenAPI schema");
    for (String field : fieldPath.isEmpty() ? new String[0] : fieldPath.split("\\.")) {
      schema = resolve(schema, schemas);
      while (schema.getJsonObject("properties") == null && schema.getJsonObject("items") != null) {
        schema = resolve(schema.getJsonObject("items"), schemas);
      }
      JsonObject properties = schema.getJsonObject("properties");
      if (properties == null || properties.getJsonObject(field) == null) {
        return null;
      }
      schema = properties.getJsonObject(field);
    }
    return schema;
  }

  private static JsonObject resolve(JsonObject schema, JsonObject schemas) {
    String ref = schema.getString("$ref");
    if (ref == null && schema.getJsonArray("allOf") != null && schema.getJsonArray("allOf").size() == 1) {
      ref = schema.getJsonArray("allOf").getJsonObject(0).getString("$ref");
    }
    return ref == null ? schema : schemas.getJsonObject(ref.substring("#/components/schemas/".length()));
  }

  @Test
  void explainWalksCustomResourceFields() {
    JsonObject providers = explain(IHPA_GROUP, "v1alpha1", "intelligenthorizontalpodautoscalers",
        "spec.portraitProviders");
    assertEquals("Where the portraits come from.", providers.getString("description"));
    assertEquals("The provider kind.", explain(IHPA_GROUP, "v1alpha1", "intelligenthorizontalpodautoscalers",
        "spec.portraitProviders.type").getString("description"));
    assertNull(explain(IHPA_GROUP, "v1alpha1", "intelligenthorizontalpodautoscalers", "spec.noSuchField"));
    assertEquals(new JsonObject().put("$ref", "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time"),
        explain(IHPA_GROUP, "v1alpha1", "intelligenthorizontalpodautoscalers", "metadata.creationTimestamp"));
  }

  @Test
  void explainWalksBuiltInFieldsThroughReferences() {
    JsonObject containers = explain("", "v1", "pods", "spec.containers");
    assertEquals(new JsonObject().put("$ref", "#/components/schemas/io.k8s.api.core.v1.Container"),
        containers.getJsonObject("items"));
    assertEquals(new JsonObject().put("type", "string"), explain("", "v1", "pods", "spec.containers.image"));
    assertEquals("int32", explain("apps", "v1", "deployments", "spec.template.spec.containers.ports.containerPort")
        .getString("format"));
  }

  // ---- the index ----

  @Test
  void indexListsEveryGroupVersionWithTheHashOfItsDocument() {
    JsonObject paths = PUBLISHED.v3Index().getJsonObject("paths");
    assertEquals(List.of("api/v1", "apis/apps/v1", "apis/authentication.k8s.io/v1",
        "apis/autoscaling.kapacitystack.io/v1alpha1"), new ArrayList<>(paths.fieldNames()));
    String url = paths.getJsonObject("apis/apps/v1").getString("serverRelativeURL");
    assertEquals("/openapi/v3/apis/apps/v1?hash=" + OpenApiDocuments.hash(v3("apis/apps/v1")), url);
    assertTrue(url.matches("/openapi/v3/apis/apps/v1\\?hash=[0-9A-F]{128}"), url);
    assertEquals(PUBLISHED.v3Index(), OpenApiDocuments.v3Index(TYPES), "the same resources hash the same");
    assertEquals(PUBLISHED.v3Index(), OpenApiDocuments.publish(TYPES).v3Index());
  }

  @Test
  void separateEntryPointsAgreeWithPublish() {
    assertEquals(v3("apis/apps/v1"), OpenApiDocuments.v3("apis/apps/v1", TYPES).orElseThrow());
    assertEquals(Optional.empty(), OpenApiDocuments.v3("apis/batch/v1", TYPES));
    assertEquals(PUBLISHED.v2(), OpenApiDocuments.v2(TYPES));
  }

  @Test
  void aChangedSchemaChangesTheHash() {
    JsonObject otherSchema = IHPA_SCHEMA.copy().put("description", "changed");
    ResourceType changed = new ResourceType(IHPA.group(), IHPA.version(), IHPA.plural(), IHPA.singular(),
        IHPA.kind(), true, IHPA.shortNames(), IHPA.categories(), IHPA.verbs(), true, IHPA.scale(), otherSchema,
        List.of(), false);
    JsonObject before = PUBLISHED.v3Index().getJsonObject("paths");
    JsonObject after = OpenApiDocuments.v3Index(List.of(TYPES.get(0), TYPES.get(1), TYPES.get(2), TYPES.get(3),
        changed)).getJsonObject("paths");
    assertEquals(before.getJsonObject("apis/apps/v1"), after.getJsonObject("apis/apps/v1"));
    assertFalse(before.getJsonObject("apis/autoscaling.kapacitystack.io/v1alpha1")
        .equals(after.getJsonObject("apis/autoscaling.kapacitystack.io/v1alpha1")));
  }

  // ---- Swagger 2.0 ----

  @Test
  void swaggerDocument() {
    JsonObject v2 = PUBLISHED.v2();
    assertEquals("2.0", v2.getString("swagger"));
    assertFalse(v2.encode().contains("#/components/"), "every reference points into #/definitions/");
    JsonObject definitions = v2.getJsonObject("definitions");
    JsonObject ihpa = definitions.getJsonObject(IHPA_COMPONENT);
    assertEquals(new JsonObject().put("$ref", "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
            .put("description", "The object's metadata: name, namespace, labels, owners."),
        ihpa.getJsonObject("properties").getJsonObject("metadata"));
    JsonObject spec = ihpa.getJsonObject("properties").getJsonObject("spec").getJsonObject("properties");
    assertEquals(new JsonObject().put("type", "integer").put("format", "int32"), spec.getJsonObject("minReplicas"),
        "v2 has no nullable");
    assertEquals(new JsonObject().put("x-kubernetes-int-or-string", true), spec.getJsonObject("target"),
        "v2 has no anyOf");
    assertEquals(new JsonObject().put("type", "string"),
        definitions.getJsonObject("io.k8s.apimachinery.pkg.api.resource.Quantity"));
    assertEquals(new JsonObject().put("format", "int-or-string").put("type", "string")
            .put("x-kubernetes-int-or-string", true),
        definitions.getJsonObject("io.k8s.apimachinery.pkg.util.intstr.IntOrString"));
    assertEquals(new JsonObject().put("$ref", "#/definitions/io.k8s.api.apps.v1.DeploymentStrategy")
            .put("x-kubernetes-patch-strategy", "retainKeys"),
        definitions.getJsonObject("io.k8s.api.apps.v1.DeploymentSpec").getJsonObject("properties")
            .getJsonObject("strategy"));
    assertTrue(definitions.containsKey("io.k8s.api.batch.v1.Job"), "v2 carries every built-in definition");

    JsonObject patch = v2.getJsonObject("paths")
        .getJsonObject("/apis/apps/v1/namespaces/{namespace}/deployments/{name}")
        .getJsonObject("patch");
    assertEquals(List.of("body", "dryRun", "fieldManager", "fieldValidation", "force"),
        names(patch.getJsonArray("parameters")));
    assertEquals(new JsonObject().put("name", "body").put("in", "body").put("required", true)
            .put("schema", new JsonObject().put("$ref", "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch")),
        patch.getJsonArray("parameters").getJsonObject(0));
    assertEquals(new JsonObject().put("uniqueItems", true).put("type", "boolean")
            .put("description", "Apply requests only: take over the fields other managers own instead of failing "
                + "with a conflict.").put("name", "force").put("in", "query"),
        patch.getJsonArray("parameters").getJsonObject(4));
    assertEquals(new JsonObject().put("group", "apps").put("kind", "Deployment").put("version", "v1"),
        patch.getJsonObject("x-kubernetes-group-version-kind"));
    assertEquals(new JsonObject().put("description", "OK")
            .put("schema", new JsonObject().put("$ref", "#/definitions/io.k8s.api.apps.v1.Deployment")),
        patch.getJsonObject("responses").getJsonObject("200"));
    assertEquals(new JsonArray(ApiOperations.CUSTOM_PATCH_TYPES), v2.getJsonObject("paths")
        .getJsonObject("/apis/autoscaling.kapacitystack.io/v1alpha1/namespaces/{namespace}"
            + "/intelligenthorizontalpodautoscalers/{name}").getJsonObject("patch").getJsonArray("consumes"));
  }

  @Test
  void builtInKindWithoutGeneratedSchemaStillGetsAnOpenComponent() {
    ResourceType binding = new ResourceType("", "v1", "bindings", "binding", "Binding", true, List.of(), List.of(),
        List.of("create"), false, null, null, List.of(), true);
    JsonObject schemas = OpenApiDocuments.v3("api/v1", List.of(binding)).orElseThrow().getJsonObject("components")
        .getJsonObject("schemas");
    JsonObject component = schemas.getJsonObject("io.k8s.api.core.v1.Binding");
    assertEquals(true, component.getValue("x-kubernetes-preserve-unknown-fields"));
    assertEquals(new JsonArray().add(new JsonObject().put("group", "").put("kind", "Binding").put("version", "v1")),
        component.getJsonArray("x-kubernetes-group-version-kind"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "'', Core",
      "apps, Apps",
      "rbac.authorization.k8s.io, RbacAuthorization",
      "autoscaling.kapacitystack.io, AutoscalingKapacitystackIo"})
  void friendlyGroupNames(String group, String friendly) {
    assertEquals(friendly, ApiOperations.friendlyName(group));
  }

  @Test
  void publishingIsFastEnoughToRedoOnEveryCrdChange() {
    OpenApiDocuments.publish(TYPES);
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      OpenApiDocuments.publish(TYPES);
    }
    long perRunMillis = (System.nanoTime() - start) / 5 / 1_000_000;
    // Generous for a shared CI machine; a warm run takes a few tens of milliseconds.
    assertTrue(perRunMillis < 1_000, "publish took " + perRunMillis + " ms");
  }

  private static List<String> names(JsonArray parameters) {
    return parameters.stream().map(p -> ((JsonObject) p).getString("name")).toList();
  }

  private static void refs(Object node, Consumer<String> sink) {
    if (node instanceof JsonObject object) {
      object.forEach(e -> {
        if (e.getKey().equals("$ref") && e.getValue() instanceof String ref) {
          sink.accept(ref);
        } else {
          refs(e.getValue(), sink);
        }
      });
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> refs(item, sink));
    }
  }
}
