package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The discovery and OpenAPI documents kubectl 1.32, client-go and fabric8 read before anything else. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerDiscoveryTest {

  private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
  private static final JsonArray ALL_VERBS = new JsonArray(List.of("create", "delete", "deletecollection", "get",
      "list", "patch", "update", "watch"));
  private static final JsonArray SUBRESOURCE_VERBS = new JsonArray(List.of("get", "patch", "update"));

  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  private static JsonObject named(JsonArray array, String key, String value) {
    for (Object o : array) {
      if (value.equals(((JsonObject) o).getValue(key))) {
        return (JsonObject) o;
      }
    }
    throw new AssertionError("no " + key + "=" + value + " in " + array.encode());
  }

  @Test
  void versionIsKube132(VertxTestContext ctx) {
    api.read("/version").onComplete(verified(ctx, version -> {
      assertEquals("1", version.getString("major"));
      assertEquals("32", version.getString("minor"));
      assertTrue(version.getString("gitVersion").startsWith("v1.32."), version::encode);
      assertNotNull(version.getString("platform"));
    }));
  }

  @Test
  void theCoreGroupHasOneVersion(VertxTestContext ctx) {
    api.read("/api").onComplete(verified(ctx, versions -> {
      assertEquals("APIVersions", versions.getString("kind"));
      assertEquals(new JsonArray().add("v1"), versions.getJsonArray("versions"));
    }));
  }

  @Test
  void theGroupListPrefersAutoscalingV2(VertxTestContext ctx) {
    api.read("/apis").onComplete(verified(ctx, groups -> {
      assertEquals("APIGroupList", groups.getString("kind"));
      assertEquals("v1", groups.getString("apiVersion"));
      JsonObject apps = named(groups.getJsonArray("groups"), "name", "apps");
      assertEquals(new JsonObject().put("groupVersion", "apps/v1").put("version", "v1"),
          apps.getJsonObject("preferredVersion"));
      JsonObject autoscaling = named(groups.getJsonArray("groups"), "name", "autoscaling");
      assertEquals(new JsonArray().add(new JsonObject().put("groupVersion", "autoscaling/v2").put("version", "v2"))
          .add(new JsonObject().put("groupVersion", "autoscaling/v1").put("version", "v1")),
          autoscaling.getJsonArray("versions"));
    }));
  }

  @Test
  void aggregatedDiscoveryAnswersInTheFormAskedFor(VertxTestContext ctx) {
    api.get("/apis", AGGREGATED + ",application/json").onComplete(verified(ctx, response -> {
      assertEquals(200, response.statusCode());
      assertEquals(AGGREGATED, response.getHeader("Content-Type"));
      JsonObject list = response.bodyAsJsonObject();
      assertEquals("APIGroupDiscoveryList", list.getString("kind"));
      assertEquals("apidiscovery.k8s.io/v2", list.getString("apiVersion"));
      JsonObject apps = list.getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(g -> "apps".equals(g.getJsonObject("metadata").getString("name"))).findFirst().orElseThrow();
      JsonObject v1 = apps.getJsonArray("versions").getJsonObject(0);
      assertEquals("v1", v1.getString("version"));
      JsonObject deployments = named(v1.getJsonArray("resources"), "resource", "deployments");
      assertEquals("Namespaced", deployments.getString("scope"));
      assertEquals("deployment", deployments.getString("singularResource"));
      assertEquals(new JsonArray().add("deploy"), deployments.getJsonArray("shortNames"));
      assertEquals(new JsonObject().put("group", "apps").put("version", "v1").put("kind", "Deployment"),
          deployments.getJsonObject("responseKind"));
      assertEquals(new JsonObject().put("group", "autoscaling").put("version", "v1").put("kind", "Scale"),
          named(deployments.getJsonArray("subresources"), "subresource", "scale").getJsonObject("responseKind"));
    }));
  }

  @Test
  void aggregatedCoreDiscoveryListsPods(VertxTestContext ctx) {
    api.get("/api", AGGREGATED).onComplete(verified(ctx, response -> {
      assertEquals(AGGREGATED, response.getHeader("Content-Type"));
      JsonObject core = response.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
      JsonObject pods = named(core.getJsonArray("versions").getJsonObject(0).getJsonArray("resources"),
          "resource", "pods");
      assertEquals(new JsonArray().add("po"), pods.getJsonArray("shortNames"));
      assertEquals(new JsonObject().put("group", "").put("version", "v1").put("kind", "Pod"),
          pods.getJsonObject("responseKind"));
    }));
  }

  @Test
  void theAppsV1ResourceListHasShortNamesVerbsAndSubresources(VertxTestContext ctx) {
    api.read("/apis/apps/v1").onComplete(verified(ctx, list -> {
      assertEquals("APIResourceList", list.getString("kind"));
      assertEquals("apps/v1", list.getString("groupVersion"));
      JsonArray resources = list.getJsonArray("resources");
      JsonObject deployments = named(resources, "name", "deployments");
      assertEquals("deployment", deployments.getString("singularName"));
      assertEquals(true, deployments.getBoolean("namespaced"));
      assertEquals("Deployment", deployments.getString("kind"));
      assertEquals(ALL_VERBS, deployments.getJsonArray("verbs"));
      assertEquals(new JsonArray().add("deploy"), deployments.getJsonArray("shortNames"));
      assertEquals(new JsonArray().add("all"), deployments.getJsonArray("categories"));
      assertEquals(new JsonObject().put("name", "deployments/scale").put("singularName", "").put("namespaced", true)
          .put("group", "autoscaling").put("version", "v1").put("kind", "Scale").put("verbs", SUBRESOURCE_VERBS),
          named(resources, "name", "deployments/scale"));
      assertEquals(new JsonObject().put("name", "deployments/status").put("singularName", "").put("namespaced", true)
          .put("kind", "Deployment").put("verbs", SUBRESOURCE_VERBS), named(resources, "name", "deployments/status"));
    }));
  }

  @Test
  void theOpenApiV3IndexLeadsToEachGroupsDocument(VertxTestContext ctx) {
    api.read("/openapi/v3")
        .compose(index -> {
          String url = index.getJsonObject("paths").getJsonObject("apis/apps/v1").getString("serverRelativeURL");
          ctx.verify(() -> {
            assertTrue(url.startsWith("/openapi/v3/apis/apps/v1?hash="), url);
            assertNotNull(index.getJsonObject("paths").getJsonObject("api/v1"));
          });
          return api.get(url);
        })
        .onComplete(verified(ctx, response -> {
          assertEquals(200, response.statusCode());
          assertEquals("public, immutable", response.getHeader("Cache-Control"));
          JsonObject document = response.bodyAsJsonObject();
          assertTrue(document.getString("openapi").startsWith("3.0."), document.getString("openapi"));
          JsonObject deployment = document.getJsonObject("components").getJsonObject("schemas")
              .getJsonObject("io.k8s.api.apps.v1.Deployment");
          assertEquals(new JsonArray().add(new JsonObject().put("group", "apps").put("kind", "Deployment")
              .put("version", "v1")), deployment.getJsonArray("x-kubernetes-group-version-kind"));
          assertNotNull(document.getJsonObject("paths").getJsonObject(
              "/apis/apps/v1/namespaces/{namespace}/deployments/{name}"));
        }));
  }

  @Test
  void theOpenApiV2DocumentDefinesTheBuiltInKinds(VertxTestContext ctx) {
    expect(200, api.get("/openapi/v2", "application/json")).onComplete(verified(ctx, swagger -> {
      assertEquals("2.0", swagger.getString("swagger"));
      JsonObject deployment = swagger.getJsonObject("definitions").getJsonObject("io.k8s.api.apps.v1.Deployment");
      assertEquals(new JsonArray().add(new JsonObject().put("group", "apps").put("kind", "Deployment")
          .put("version", "v1")), deployment.getJsonArray("x-kubernetes-group-version-kind"));
      assertNotNull(swagger.getJsonObject("paths").getJsonObject("/api/v1/namespaces/{namespace}/pods"));
    }));
  }
}
