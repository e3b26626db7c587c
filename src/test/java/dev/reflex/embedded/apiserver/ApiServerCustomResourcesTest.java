package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.MERGE_PATCH;
import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.metadata;
import static dev.reflex.embedded.apiserver.ApiServerFixture.names;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CustomResourceDefinitions applied while the server runs, as {@code kubectl apply -f deploy/crds} applies them:
 * served at once, objects validated against the structural schema, defaulted and pruned, the scale subresource
 * mapped through the CRD's paths, and everything gone with the CRD.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerCustomResourcesTest {

  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
  private static final String WIDGETS = "/apis/test.reflex.dev/v1/namespaces/default/widgets";
  private static final String IHPAS = "/apis/autoscaling.kapacitystack.io/v1alpha1/namespaces/default/"
      + "intelligenthorizontalpodautoscalers";
  private static final String WIDGET_CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.test.reflex.dev
      spec:
        group: test.reflex.dev
        names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget, shortNames: [wd]}
        scope: Namespaced
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  properties:
                    replicas: {type: integer, minimum: 0}
                    size: {type: string, default: small}
                status:
                  type: object
                  properties:
                    replicas: {type: integer}
                    selector: {type: string}
          subresources:
            status: {}
            scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas,
                    labelSelectorPath: .status.selector}
      """;

  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  private Future<JsonObject> applyYaml(String collection, String yaml) {
    return expect(201, api.send(HttpMethod.POST, collection, "application/yaml", Buffer.buffer(yaml), Map.of()));
  }

  private static JsonObject widget(String name, JsonObject spec) {
    return new JsonObject().put("apiVersion", "test.reflex.dev/v1").put("kind", "Widget")
        .put("metadata", new JsonObject().put("name", name)).put("spec", spec);
  }

  private static JsonObject ihpaSample() throws IOException {
    return (JsonObject) Negotiation.fromYaml(Files.readString(Path.of("deploy/samples/cron-portrait-sample.yaml")));
  }

  private static String ihpaCrd() throws IOException {
    return Files.readString(Path.of(
        "deploy/crds/intelligenthorizontalpodautoscalers.autoscaling.kapacitystack.io-v1.yml"));
  }

  @Test
  void aCrdIsServedAsSoonAsItIsCreated(VertxTestContext ctx) {
    applyYaml(CRDS, WIDGET_CRD)
        .compose(v -> api.create(WIDGETS, widget("w", new JsonObject().put("replicas", 1))))
        .compose(v -> api.read(WIDGETS))
        .compose(list -> {
          ctx.verify(() -> {
            assertEquals("WidgetList", list.getString("kind"));
            assertEquals("test.reflex.dev/v1", list.getString("apiVersion"));
            assertEquals(List.of("w"), names(list));
          });
          return api.read("/apis/test.reflex.dev/v1");
        })
        .onComplete(verified(ctx, discovery -> {
          JsonArray resources = discovery.getJsonArray("resources");
          assertEquals(List.of("widgets", "widgets/status", "widgets/scale"), resources.stream()
              .map(r -> ((JsonObject) r).getString("name")).toList());
          assertEquals(new JsonArray().add("wd"), resources.getJsonObject(0).getJsonArray("shortNames"));
        }));
  }

  @Test
  void defaultsAreAppliedAndUnknownFieldsPrunedWithAWarning(VertxTestContext ctx) {
    JsonObject asked = widget("w", new JsonObject().put("replicas", 1).put("bogus", true));
    asked.put("extra", "x");
    applyYaml(CRDS, WIDGET_CRD)
        .compose(v -> api.post(WIDGETS, asked))
        .onComplete(verified(ctx, response -> {
          assertEquals(201, response.statusCode(), response::bodyAsString);
          JsonObject created = response.bodyAsJsonObject();
          assertEquals(new JsonObject().put("replicas", 1).put("size", "small"), created.getJsonObject("spec"));
          assertEquals(List.of("apiVersion", "kind", "metadata", "spec"), created.fieldNames().stream().sorted()
              .toList());
          assertEquals(List.of("299 - \"unknown field \\\"extra\\\"\"", "299 - \"unknown field \\\"spec.bogus\\\"\""),
              response.headers().getAll("Warning"));
        }));
  }

  @Test
  void theProjectsIhpaSampleIsAcceptedWithItsDefaults(VertxTestContext ctx) throws IOException {
    JsonObject sample = ihpaSample();
    String crd = ihpaCrd();
    applyYaml(CRDS, crd)
        .compose(v -> api.create(IHPAS, sample))
        .onComplete(verified(ctx, created -> {
          JsonObject spec = created.getJsonObject("spec");
          assertEquals("Auto", spec.getString("scaleMode"));
          assertEquals(1, spec.getInteger("minReplicas"));
          JsonArray crons = spec.getJsonArray("portraitProviders").getJsonObject(0).getJsonObject("cron")
              .getJsonArray("crons");
          assertEquals("UTC", crons.getJsonObject(0).getString("timeZone"));
        }));
  }

  @Test
  void aStringMinReplicasIsRefusedByTheStructuralSchema(VertxTestContext ctx) throws IOException {
    JsonObject bad = ihpaSample();
    bad.getJsonObject("spec").put("minReplicas", "abc");
    String crd = ihpaCrd();
    String why = "Invalid value: \"string\": spec.minReplicas in body must be of type integer: \"string\"";
    applyYaml(CRDS, crd)
        .compose(v -> api.post(IHPAS, bad))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 422, "Invalid", "IntelligentHorizontalPodAutoscaler"
              + ".autoscaling.kapacitystack.io \"cron-portrait-sample\" is invalid: spec.minReplicas: " + why);
          assertEquals(new JsonObject().put("name", "cron-portrait-sample").put("group", "autoscaling.kapacitystack.io")
              .put("kind", "IntelligentHorizontalPodAutoscaler").put("causes", new JsonArray().add(new JsonObject()
                  .put("reason", "FieldValueTypeInvalid").put("message", why).put("field", "spec.minReplicas"))),
              status.getJsonObject("details"));
        }));
  }

  @Test
  void theScaleOfACustomResourceFollowsTheCrdsPaths(VertxTestContext ctx) {
    String w = WIDGETS + "/w";
    applyYaml(CRDS, WIDGET_CRD)
        .compose(v -> api.create(WIDGETS, widget("w", new JsonObject().put("replicas", 2))))
        .compose(v -> expect(200, api.patch(w + "/status", MERGE_PATCH,
            "{\"status\":{\"replicas\":1,\"selector\":\"app=w\"}}")))
        .compose(v -> api.read(w + "/scale"))
        .compose(scale -> {
          ctx.verify(() -> {
            assertEquals("autoscaling/v1", scale.getString("apiVersion"));
            assertEquals(new JsonObject().put("replicas", 2), scale.getJsonObject("spec"));
            assertEquals(new JsonObject().put("replicas", 1).put("selector", "app=w"), scale.getJsonObject("status"));
          });
          return expect(200, api.patch(w + "/scale", MERGE_PATCH, "{\"spec\":{\"replicas\":5}}"));
        })
        .compose(v -> api.read(w))
        .compose(widget -> {
          ctx.verify(() -> {
            assertEquals(5, widget.getJsonObject("spec").getInteger("replicas"));
            assertEquals(2L, metadata(widget).getLong("generation"));
          });
          return api.patch(w + "/scale", MERGE_PATCH, "{\"spec\":{\"replicas\":-1}}");
        })
        .onComplete(verified(ctx, refused -> assertStatus(refused, 422, "Invalid", "Scale.autoscaling \"w\" is "
            + "invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0")));
  }

  @Test
  void deletingTheCrdDeletesItsObjectsThenItsTypes(VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    applyYaml(CRDS, WIDGET_CRD)
        .compose(v -> api.create(WIDGETS, widget("w", new JsonObject())))
        .compose(v -> api.watch(WIDGETS + "?watch=true"))
        .compose(w -> {
          watch[0] = w;
          return w.until("ADDED w");
        })
        .compose(v -> expect(200, api.delete(CRDS + "/widgets.test.reflex.dev")))
        .compose(v -> watch[0].until("DELETED w"))
        .compose(v -> api.get(WIDGETS))
        .compose(gone -> {
          ctx.verify(() -> assertStatus(gone, 404, "NotFound", "the server could not find the requested resource"));
          return api.get("/apis/test.reflex.dev/v1");
        })
        .compose(gone -> {
          ctx.verify(() -> assertStatus(gone, 404, "NotFound", "the server could not find the requested resource"));
          return api.get(CRDS + "/widgets.test.reflex.dev");
        })
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound",
            "customresourcedefinitions.apiextensions.k8s.io \"widgets.test.reflex.dev\" not found")));
  }
}
