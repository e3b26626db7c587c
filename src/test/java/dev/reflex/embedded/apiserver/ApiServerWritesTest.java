package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.APPLY_PATCH;
import static dev.reflex.embedded.apiserver.ApiServerFixture.MERGE_PATCH;
import static dev.reflex.embedded.apiserver.ApiServerFixture.NOW_TEXT;
import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployment;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployments;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.metadata;
import static dev.reflex.embedded.apiserver.ApiServerFixture.names;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pod;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pods;
import static dev.reflex.embedded.apiserver.ApiServerFixture.q;
import static dev.reflex.embedded.apiserver.ApiServerFixture.resourceVersion;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.ApiWatch.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Writes as kubectl, client-go and fabric8 make them: create, update and its optimistic concurrency, the four
 * patch types, delete with preconditions, deletecollection, dry runs, field validation, the status and scale
 * subresources, and the body and answer formats (YAML, kubectl's protobuf, CBOR refused, Table, metadata only).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerWritesTest {

  private static final String CM = configMaps("default");
  private static final String DEPLOYMENTS = deployments("default");

  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  // --- create and update ----------------------------------------------------------------------------------------

  @Test
  void aSecondCreateOfTheSameNameIsAlreadyExists(VertxTestContext ctx) {
    api.create(CM, configMap("a")).compose(v -> api.post(CM, configMap("a"))).onComplete(verified(ctx, refused -> {
      JsonObject status = assertStatus(refused, 409, "AlreadyExists", "configmaps \"a\" already exists");
      assertEquals(new JsonObject().put("name", "a").put("kind", "configmaps"), status.getJsonObject("details"));
    }));
  }

  @Test
  void anUpdateFromAStaleResourceVersionIsAConflict(VertxTestContext ctx) {
    api.create(CM, configMap("a", Map.of(), Map.of("v", "1")))
        .compose(stale -> expect(200, api.put(CM + "/a", stale.copy().put("data", new JsonObject().put("v", "2"))))
            .compose(v -> api.put(CM + "/a", stale.copy().put("data", new JsonObject().put("v", "3")))))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 409, "Conflict", "Operation cannot be fulfilled on configmaps "
              + "\"a\": the object has been modified; please apply your changes to the latest version and try again");
          assertEquals(new JsonObject().put("name", "a").put("kind", "configmaps"), status.getJsonObject("details"));
        }));
  }

  @Test
  void aNoOpUpdateKeepsTheResourceVersionAndIsNoEvent(VertxTestContext ctx) {
    String[] versions = new String[2];
    api.create(CM, configMap("a", Map.of(), Map.of("v", "1")))
        .compose(created -> {
          versions[0] = resourceVersion(created);
          return expect(200, api.put(CM + "/a", created));
        })
        .compose(same -> {
          ctx.verify(() -> assertEquals(versions[0], resourceVersion(same)));
          return expect(200, api.patch(CM + "/a", MERGE_PATCH, "{\"data\":{\"v\":\"2\"}}"));
        })
        .compose(changed -> {
          versions[1] = resourceVersion(changed);
          // Replayed from the create: the first change after it must be the patch, not the no-op.
          return api.watch(CM + "?watch=true&resourceVersion=" + versions[0]);
        })
        .compose(ApiWatch::next)
        .onComplete(verified(ctx, first -> {
          assertEquals("MODIFIED a", describe(first));
          assertEquals(versions[1], resourceVersion(first.getJsonObject("object")));
        }));
  }

  // --- patches --------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "application/merge-patch+json | {\"data\":{\"a\":null,\"c\":\"3\"}} | {\"b\":\"2\",\"c\":\"3\"}",
      "application/json-patch+json | [{\"op\":\"replace\",\"path\":\"/data/a\",\"value\":\"9\"},"
          + "{\"op\":\"remove\",\"path\":\"/data/b\"}] | {\"a\":\"9\"}",
      "application/strategic-merge-patch+json | {\"data\":{\"b\":null}} | {\"a\":\"1\"}"})
  void aPatchChangesTheData(String patchType, String patch, String expected, VertxTestContext ctx) {
    api.create(CM, configMap("a", Map.of(), Map.of("a", "1", "b", "2")))
        .compose(v -> expect(200, api.patch(CM + "/a", patchType, patch)))
        .onComplete(verified(ctx, patched -> assertEquals(new JsonObject(expected), patched.getJsonObject("data"))));
  }

  /** Containers merge by name in a strategic merge patch, where a merge patch replaces the list. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "application/strategic-merge-patch+json | app=nginx:1.27,side=side:2",
      "application/merge-patch+json | side=side:2"})
  void containersMergeByNameOnlyInAStrategicMergePatch(String patchType, String expected, VertxTestContext ctx) {
    JsonObject two = deployment("web");
    two.getJsonObject("spec").getJsonObject("template").getJsonObject("spec").getJsonArray("containers")
        .add(new JsonObject().put("name", "side").put("image", "side:1"));
    api.create(DEPLOYMENTS, two)
        .compose(v -> expect(200, api.patch(DEPLOYMENTS + "/web", patchType,
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"side\",\"image\":\"side:2\"}]}}}}")))
        .onComplete(verified(ctx, patched -> {
          List<String> containers = new ArrayList<>();
          patched.getJsonObject("spec").getJsonObject("template").getJsonObject("spec").getJsonArray("containers")
              .forEach(c -> containers.add(((JsonObject) c).getString("name") + "=" + ((JsonObject) c)
                  .getString("image")));
          assertEquals(List.of(expected.split(",")), containers);
        }));
  }

  private static String applied(String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  key: " + value + "\n";
  }

  @Test
  void serverSideApplyOwnsFieldsRefusesAConflictAndForceTakesThemOver(VertxTestContext ctx) {
    String cfg = CM + "/cfg";
    String conflict = "conflict with \"alice\": .data.key";
    expect(201, api.patch(cfg + "?fieldManager=alice", APPLY_PATCH, applied("alice")))
        .compose(created -> {
          ctx.verify(() -> {
            JsonObject entry = metadata(created).getJsonArray("managedFields").getJsonObject(0);
            assertEquals("alice", entry.getString("manager"));
            assertEquals("Apply", entry.getString("operation"));
            assertEquals("v1", entry.getString("apiVersion"));
            assertEquals(new JsonObject().put("f:data", new JsonObject().put("f:key", new JsonObject())),
                entry.getJsonObject("fieldsV1"));
          });
          return api.patch(cfg + "?fieldManager=bob", APPLY_PATCH, applied("bob"));
        })
        .compose(refused -> {
          ctx.verify(() -> {
            JsonObject status = assertStatus(refused, 409, "Conflict", "Apply failed with 1 conflict: " + conflict);
            // The cause names the manager; the field is in its own key.
            assertEquals(new JsonArray().add(new JsonObject().put("reason", "FieldManagerConflict")
                .put("message", "conflict with \"alice\"").put("field", ".data.key")),
                status.getJsonObject("details").getJsonArray("causes"));
          });
          return expect(200, api.patch(cfg + "?fieldManager=bob&force=true", APPLY_PATCH, applied("bob")));
        })
        .onComplete(verified(ctx, forced -> {
          assertEquals("bob", forced.getJsonObject("data").getString("key"));
          List<String> managers = new ArrayList<>();
          metadata(forced).getJsonArray("managedFields").forEach(e -> managers.add(((JsonObject) e)
              .getString("manager")));
          // alice owned nothing else, so her entry goes with the field.
          assertEquals(List.of("bob"), managers);
        }));
  }

  @Test
  void anApplyWithoutAFieldManagerIsInvalidPatchOptions(VertxTestContext ctx) {
    api.patch(CM + "/cfg", APPLY_PATCH, applied("x")).onComplete(verified(ctx, refused -> assertStatus(refused,
        422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for "
            + "apply patch")));
  }

  // --- delete ---------------------------------------------------------------------------------------------------

  /** kube's delete checks preconditions against the kind (not the resource), in its own words. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"uid", "resourceVersion"})
  void aDeleteWhosePreconditionFailsIsAConflict(String precondition, VertxTestContext ctx) {
    api.create(CM, configMap("a"))
        .compose(a -> api.delete(CM + "/a", new JsonObject().put("preconditions",
            new JsonObject().put(precondition, "1"))).map(refused -> Map.entry(a, refused)))
        .onComplete(verified(ctx, result -> {
          JsonObject a = metadata(result.getKey());
          String why = precondition.equals("uid")
              ? "the UID in the precondition (1) does not match the UID in record (" + a.getString("uid")
                  + "). The object might have been deleted and then recreated"
              : "the ResourceVersion in the precondition (1) does not match the ResourceVersion in record ("
                  + a.getString("resourceVersion") + "). The object might have been modified";
          JsonObject status = assertStatus(result.getValue(), 409, "Conflict",
              "Operation cannot be fulfilled on ConfigMap \"a\": " + why);
          assertEquals(new JsonObject().put("name", "a").put("kind", "ConfigMap"), status.getJsonObject("details"));
        }));
  }

  @Test
  void aDeleteWhosePreconditionsHoldDeletes(VertxTestContext ctx) {
    api.create(CM, configMap("a"))
        .compose(a -> expect(200, api.delete(CM + "/a", new JsonObject().put("preconditions", new JsonObject()
            .put("uid", metadata(a).getString("uid")).put("resourceVersion", resourceVersion(a))))))
        .compose(v -> api.get(CM + "/a"))
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound", "configmaps \"a\" not found")));
  }

  @Test
  void deleteCollectionDeletesWhatTheSelectorChooses(VertxTestContext ctx) {
    api.create(CM, configMap("a", Map.of("app", "web"), Map.of()))
        .compose(v -> api.create(CM, configMap("b", Map.of("app", "db"), Map.of())))
        .compose(v -> api.create(CM, configMap("c", Map.of("app", "web"), Map.of())))
        .compose(v -> expect(200, api.delete(CM + "?labelSelector=" + q("app=web"))))
        .compose(deleted -> {
          ctx.verify(() -> {
            assertEquals("ConfigMapList", deleted.getString("kind"));
            assertEquals(List.of("a", "c"), names(deleted));
          });
          return api.read(CM);
        })
        .onComplete(verified(ctx, left -> assertEquals(List.of("b"), names(left))));
  }

  // --- dry runs -------------------------------------------------------------------------------------------------

  @Test
  void dryRunAllChangesNothingOnCreateUpdateOrDelete(VertxTestContext ctx) {
    String[] before = new String[1];
    api.create(CM, configMap("kept", Map.of(), Map.of("v", "1")))
        .compose(v -> api.read(CM))
        .compose(list -> {
          before[0] = resourceVersion(list);
          return api.create(CM + "?dryRun=All", configMap("imagined"));
        })
        .compose(imagined -> {
          ctx.verify(() -> {
            assertEquals("imagined", ApiServerFixture.name(imagined));
            assertEquals(NOW_TEXT, metadata(imagined).getString("creationTimestamp"));
          });
          return expect(200, api.patch(CM + "/kept?dryRun=All", MERGE_PATCH, "{\"data\":{\"v\":\"2\"}}"));
        })
        .compose(wouldBe -> {
          ctx.verify(() -> assertEquals("2", wouldBe.getJsonObject("data").getString("v")));
          return expect(200, api.delete(CM + "/kept?dryRun=All"));
        })
        .compose(v -> api.read(CM))
        .onComplete(verified(ctx, after -> {
          assertEquals(before[0], resourceVersion(after));
          assertEquals(List.of("kept"), names(after));
          assertEquals("1", after.getJsonArray("items").getJsonObject(0).getJsonObject("data").getString("v"));
        }));
  }

  // --- field validation -----------------------------------------------------------------------------------------

  @ParameterizedTest(name = "fieldValidation={0}")
  @CsvSource(delimiter = '|', value = {
      "Strict | 400 | ",
      "Warn | 201 | 299 - \"unknown field \\\"spec.foo\\\"\"",
      "Ignore | 201 | "})
  void unknownFieldsAreRefusedWarnedOrIgnored(String mode, int code, String warning, VertxTestContext ctx) {
    JsonObject extra = deployment("web");
    extra.getJsonObject("spec").put("foo", "bar");
    api.post(DEPLOYMENTS + "?fieldValidation=" + mode, extra).onComplete(verified(ctx, response -> {
      if (code == 400) {
        assertStatus(response, 400, "BadRequest", "strict decoding error: unknown field \"spec.foo\"");
        return;
      }
      assertEquals(code, response.statusCode(), response::bodyAsString);
      assertEquals(warning == null ? List.of() : List.of(warning), response.headers().getAll("Warning"));
      assertFalse(response.bodyAsJsonObject().getJsonObject("spec").containsKey("foo"));
    }));
  }

  // --- 3. subresources ------------------------------------------------------------------------------------------

  @Test
  void theMainResourceIgnoresStatusAndTheStatusSubresourceIgnoresSpec(VertxTestContext ctx) {
    String web = DEPLOYMENTS + "/web";
    api.create(DEPLOYMENTS, deployment("web"))
        .compose(created -> {
          JsonObject update = created.copy();
          update.getJsonObject("spec").put("replicas", 2);
          update.put("status", new JsonObject().put("replicas", 5));
          return expect(200, api.put(web, update));
        })
        .compose(updated -> {
          ctx.verify(() -> {
            assertEquals(2, updated.getJsonObject("spec").getInteger("replicas"));
            assertEquals(new JsonObject(), updated.getJsonObject("status"));
          });
          JsonObject update = updated.copy();
          update.getJsonObject("spec").put("replicas", 7);
          update.put("status", new JsonObject().put("replicas", 5));
          return expect(200, api.put(web + "/status", update));
        })
        .onComplete(verified(ctx, updated -> {
          assertEquals(2, updated.getJsonObject("spec").getInteger("replicas"));
          assertEquals(new JsonObject().put("replicas", 5), updated.getJsonObject("status"));
        }));
  }

  @Test
  void theScaleOfADeploymentReadsAndWritesItsReplicas(VertxTestContext ctx) {
    String scale = DEPLOYMENTS + "/web/scale";
    api.create(DEPLOYMENTS, deployment("web"))
        .compose(created -> api.read(scale).map(read -> Map.entry(created, read)))
        .compose(both -> {
          JsonObject meta = metadata(both.getKey());
          ctx.verify(() -> assertEquals(new JsonObject().put("kind", "Scale").put("apiVersion", "autoscaling/v1")
              .put("metadata", new JsonObject().put("name", "web").put("namespace", "default")
                  .put("uid", meta.getString("uid")).put("resourceVersion", meta.getString("resourceVersion"))
                  .put("creationTimestamp", NOW_TEXT))
              .put("spec", new JsonObject().put("replicas", 1))
              .put("status", new JsonObject().put("replicas", 0).put("selector", "app=web")), both.getValue()));
          return expect(200, api.patch(scale, MERGE_PATCH, "{\"spec\":{\"replicas\":3}}"));
        })
        .compose(scaled -> {
          ctx.verify(() -> assertEquals(3, scaled.getJsonObject("spec").getInteger("replicas")));
          return api.read(DEPLOYMENTS + "/web");
        })
        .onComplete(verified(ctx, web -> {
          assertEquals(3, web.getJsonObject("spec").getInteger("replicas"));
          assertEquals(2L, metadata(web).getLong("generation"));
        }));
  }

  @Test
  void negativeReplicasThroughScaleAreInvalid(VertxTestContext ctx) {
    api.create(DEPLOYMENTS, deployment("web"))
        .compose(v -> api.patch(DEPLOYMENTS + "/web/scale", MERGE_PATCH, "{\"spec\":{\"replicas\":-1}}"))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 422, "Invalid", "Scale.autoscaling \"web\" is invalid: "
              + "spec.replicas: Invalid value: -1: must be greater than or equal to 0");
          assertEquals(new JsonObject().put("name", "web").put("group", "autoscaling").put("kind", "Scale")
              .put("causes", new JsonArray().add(new JsonObject().put("reason", "FieldValueInvalid")
                  .put("message", "Invalid value: -1: must be greater than or equal to 0")
                  .put("field", "spec.replicas"))), status.getJsonObject("details"));
        }));
  }

  // --- 4. content types -----------------------------------------------------------------------------------------

  @Test
  void aYamlBodyIsDecoded(VertxTestContext ctx) {
    expect(201, api.send(HttpMethod.POST, CM, "application/yaml",
        Buffer.buffer("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  n: \"1\"\n"), Map.of()))
        .onComplete(verified(ctx, created -> {
          assertEquals("from-yaml", ApiServerFixture.name(created));
          assertEquals(new JsonObject().put("n", "1"), created.getJsonObject("data"));
        }));
  }

  /** What {@code kubectl create deployment web --image=nginx:1.27 --replicas=2} sends. */
  @Test
  void kubectlsProtobufBodyIsDecoded(VertxTestContext ctx) {
    Meta.ObjectMeta.Builder labels = Meta.ObjectMeta.newBuilder().putLabels("app", "web");
    V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
        .setMetadata(Meta.ObjectMeta.newBuilder().setName("web").putLabels("app", "web"))
        .setSpec(V1Apps.DeploymentSpec.newBuilder().setReplicas(2)
            .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", "web"))
            .setTemplate(V1.PodTemplateSpec.newBuilder().setMetadata(labels)
                .setSpec(V1.PodSpec.newBuilder().addContainers(V1.Container.newBuilder().setName("nginx")
                    .setImage("nginx:1.27")))))
        .build();
    byte[] unknown = Runtime.Unknown.newBuilder()
        .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion("apps/v1").setKind("Deployment"))
        .setRaw(deployment.toByteString()).build().toByteArray();
    Buffer body = Buffer.buffer(new byte[] {'k', '8', 's', 0}).appendBytes(unknown);
    expect(201, api.send(HttpMethod.POST, DEPLOYMENTS, "application/vnd.kubernetes.protobuf", body, Map.of()))
        .onComplete(verified(ctx, created -> {
          assertEquals("web", ApiServerFixture.name(created));
          assertEquals(new JsonObject().put("app", "web"), metadata(created).getJsonObject("labels"));
          JsonObject spec = created.getJsonObject("spec");
          assertEquals(2, spec.getInteger("replicas"));
          assertEquals(new JsonObject().put("matchLabels", new JsonObject().put("app", "web")),
              spec.getJsonObject("selector"));
          JsonObject container = spec.getJsonObject("template").getJsonObject("spec").getJsonArray("containers")
              .getJsonObject(0);
          assertEquals("nginx", container.getString("name"));
          assertEquals("nginx:1.27", container.getString("image"));
        }));
  }

  @Test
  void aCborBodyIsAnUnsupportedMediaType(VertxTestContext ctx) {
    api.send(HttpMethod.POST, CM, "application/cbor", Buffer.buffer(new byte[] {(byte) 0xa0}), Map.of())
        .onComplete(verified(ctx, refused -> assertStatus(refused, 415, "UnsupportedMediaType",
            "the body of the request was in an unknown format - accepted media types include: application/json, "
                + "application/yaml, application/vnd.kubernetes.protobuf")));
  }

  @Test
  void podsAsATableHaveKubectlsColumns(VertxTestContext ctx) {
    api.create(pods("default"), pod("web-0"))
        .compose(v -> expect(200, api.get(pods("default"), "application/json;as=Table;v=v1;g=meta.k8s.io,"
            + "application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json")))
        .onComplete(verified(ctx, table -> {
          assertEquals("Table", table.getString("kind"));
          assertEquals("meta.k8s.io/v1", table.getString("apiVersion"));
          List<String> columns = new ArrayList<>();
          table.getJsonArray("columnDefinitions").forEach(c -> columns.add(((JsonObject) c).getString("name")));
          assertEquals(List.of("Name", "Ready", "Status", "Restarts", "Age", "IP", "Node", "Nominated Node",
              "Readiness Gates"), columns);
          JsonObject row = table.getJsonArray("rows").getJsonObject(0);
          assertEquals(new JsonArray().add("web-0").add("0/1").add("Pending").add("0").add("0s").add("<none>")
              .add("<none>").add("<none>").add("<none>"), row.getJsonArray("cells"));
          assertEquals("PartialObjectMetadata", row.getJsonObject("object").getString("kind"));
        }));
  }

  @Test
  void metadataOnlyListsAsClientGosMetadataInformersAskForThem(VertxTestContext ctx) {
    api.create(CM, configMap("a", Map.of("app", "web"), Map.of("secret", "data")))
        .compose(v -> expect(200, api.get(CM, "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,"
            + "application/json")))
        .onComplete(verified(ctx, list -> {
          assertEquals("PartialObjectMetadataList", list.getString("kind"));
          assertEquals("meta.k8s.io/v1", list.getString("apiVersion"));
          JsonObject item = list.getJsonArray("items").getJsonObject(0);
          assertEquals("PartialObjectMetadata", item.getString("kind"));
          assertEquals("meta.k8s.io/v1", item.getString("apiVersion"));
          assertEquals("a", ApiServerFixture.name(item));
          assertEquals(new JsonObject().put("app", "web"), metadata(item).getJsonObject("labels"));
          assertEquals(List.of("apiVersion", "kind", "metadata"), item.fieldNames().stream().sorted().toList());
        }));
  }
}
