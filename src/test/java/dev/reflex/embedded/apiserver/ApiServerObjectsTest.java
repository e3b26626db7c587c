package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.NOW_TEXT;
import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployment;
import static dev.reflex.embedded.apiserver.ApiServerFixture.deployments;
import static dev.reflex.embedded.apiserver.ApiServerFixture.metadata;
import static dev.reflex.embedded.apiserver.ApiServerFixture.ownerReference;
import static dev.reflex.embedded.apiserver.ApiServerFixture.q;
import static dev.reflex.embedded.apiserver.ApiServerFixture.rv;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.ApiWatch.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
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

/**
 * What the server does to objects as kube-apiserver and kube-controller-manager do: one resourceVersion counter,
 * server-set metadata, generation, generated names, namespaces, finalizers, garbage collection, and the defaulting
 * and validation of built-in kinds. Each asynchronous outcome is waited for by the watch event that shows it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerObjectsTest {

  private static final String CM = configMaps("default");
  private static final String HOLD = "test.reflex.dev/hold";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  // --- 1. metadata the server owns ------------------------------------------------------------------------------

  @Test
  void oneResourceVersionCounterRunsAcrossAllResources(VertxTestContext ctx) {
    List<Long> versions = new ArrayList<>();
    api.create(CM, configMap("a"))
        .compose(cm -> {
          versions.add(rv(cm));
          return api.create("/api/v1/namespaces/default/secrets", new JsonObject().put("apiVersion", "v1")
              .put("kind", "Secret").put("metadata", new JsonObject().put("name", "s")));
        })
        .compose(secret -> {
          versions.add(rv(secret));
          return api.create(deployments("default"), deployment("web"));
        })
        .compose(deployment -> {
          versions.add(rv(deployment));
          return api.read(CM);
        })
        .onComplete(verified(ctx, configMapList -> {
          assertTrue(versions.get(0) < versions.get(1) && versions.get(1) < versions.get(2), versions::toString);
          // A list is as of the whole store, not of its own resource: the Deployment's write is its version.
          assertEquals(Long.toString(versions.get(2)), ApiServerFixture.resourceVersion(configMapList));
        }));
  }

  @Test
  void createSetsUidCreationTimestampAndGenerationOne(VertxTestContext ctx) {
    JsonObject asked = deployment("web");
    metadata(asked).put("uid", "client-chosen").put("generation", 7).put("creationTimestamp", "2001-01-01T00:00:00Z");
    api.create(deployments("default"), asked)
        .compose(deployment -> api.create(CM, configMap("a")).map(cm -> List.of(deployment, cm)))
        .onComplete(verified(ctx, created -> {
          JsonObject deployment = metadata(created.get(0));
          assertTrue(deployment.getString("uid").matches(UUID), deployment::encode);
          assertEquals(NOW_TEXT, deployment.getString("creationTimestamp"));
          assertEquals(1L, deployment.getLong("generation"));
          assertEquals("default", deployment.getString("namespace"));
          // ConfigMaps carry no generation in kube.
          assertFalse(metadata(created.get(1)).containsKey("generation"), created.get(1)::encode);
        }));
  }

  @Test
  void generationCountsSpecChangesOnlyNotMetadataOrStatus(VertxTestContext ctx) {
    String web = deployments("default") + "/web";
    List<Long> generations = new ArrayList<>();
    api.create(deployments("default"), deployment("web"))
        .compose(d -> ApiServerFixture.expect(200, api.patch(web, ApiServerFixture.MERGE_PATCH,
            "{\"metadata\":{\"labels\":{\"tier\":\"front\"},\"annotations\":{\"a\":\"b\"}}}")))
        .compose(d -> {
          generations.add(metadata(d).getLong("generation"));
          return ApiServerFixture.expect(200, api.patch(web + "/status", ApiServerFixture.MERGE_PATCH,
              "{\"status\":{\"observedGeneration\":1,\"replicas\":1}}"));
        })
        .compose(d -> {
          generations.add(metadata(d).getLong("generation"));
          return ApiServerFixture.expect(200, api.patch(web, ApiServerFixture.MERGE_PATCH,
              "{\"spec\":{\"replicas\":3}}"));
        })
        .onComplete(verified(ctx, d -> {
          generations.add(metadata(d).getLong("generation"));
          assertEquals(List.of(1L, 1L, 2L), generations);
        }));
  }

  @Test
  void generateNameGetsFiveRandomCharacters(VertxTestContext ctx) {
    JsonObject asked = new JsonObject().put("apiVersion", "v1").put("kind", "ConfigMap")
        .put("metadata", new JsonObject().put("generateName", "web-"));
    api.create(CM, asked).compose(first -> api.create(CM, asked).map(second -> List.of(first, second)))
        .onComplete(verified(ctx, created -> {
          for (JsonObject cm : created) {
            assertTrue(ApiServerFixture.name(cm).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}"), cm::encode);
            assertEquals("web-", metadata(cm).getString("generateName"));
          }
          assertFalse(ApiServerFixture.name(created.get(0)).equals(ApiServerFixture.name(created.get(1))));
        }));
  }

  // --- 1. namespaces --------------------------------------------------------------------------------------------

  @Test
  void aNamespaceMustExist(VertxTestContext ctx) {
    api.post(configMaps("nowhere"), configMap("a")).onComplete(verified(ctx, response -> {
      JsonObject status = assertStatus(response, 404, "NotFound", "namespaces \"nowhere\" not found");
      assertEquals(new JsonObject().put("name", "nowhere").put("kind", "namespaces"), status.getJsonObject("details"));
    }));
  }

  @Test
  void deletingANamespaceDeletesItsContentThenItself(VertxTestContext ctx) {
    String ns = "doomed";
    ApiWatch[] watches = new ApiWatch[2];
    api.namespace(ns)
        .compose(v -> api.create(configMaps(ns), configMap("a")))
        .compose(v -> api.create(deployments(ns), deployment("web")))
        .compose(v -> api.watch(configMaps(ns) + "?watch=true"))
        .compose(w -> {
          watches[0] = w;
          return w.until("ADDED a");
        })
        .compose(v -> api.watch("/api/v1/namespaces?watch=true&fieldSelector=" + q("metadata.name=" + ns)))
        .compose(w -> {
          watches[1] = w;
          return w.until("ADDED " + ns);
        })
        .compose(v -> ApiServerFixture.expect(200, api.delete("/api/v1/namespaces/" + ns)))
        .compose(terminating -> {
          ctx.verify(() -> {
            assertEquals("Terminating", terminating.getJsonObject("status").getString("phase"));
            assertEquals(NOW_TEXT, metadata(terminating).getString("deletionTimestamp"));
          });
          return watches[0].until("DELETED a");
        })
        .compose(v -> watches[1].until("DELETED " + ns))
        .compose(v -> api.get("/api/v1/namespaces/" + ns))
        .compose(gone -> {
          ctx.verify(() -> assertStatus(gone, 404, "NotFound", "namespaces \"doomed\" not found"));
          return api.get(deployments(ns) + "/web");
        })
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound",
            "deployments.apps \"web\" not found")));
  }

  @Test
  void aTerminatingNamespaceTakesNoNewContent(VertxTestContext ctx) {
    String ns = "closing";
    JsonObject held = configMap("held");
    metadata(held).put("finalizers", new JsonArray().add(HOLD));
    api.namespace(ns)
        .compose(v -> api.create(configMaps(ns), held))
        .compose(v -> ApiServerFixture.expect(200, api.delete("/api/v1/namespaces/" + ns)))
        .compose(v -> api.post(configMaps(ns), configMap("late")))
        .onComplete(verified(ctx, refused -> {
          JsonObject status = assertStatus(refused, 403, "Forbidden", "configmaps \"late\" is forbidden: unable to "
              + "create new content in namespace closing because it is being terminated");
          assertEquals(new JsonObject().put("name", "late").put("kind", "configmaps").put("causes", new JsonArray()
                  .add(new JsonObject().put("reason", "NamespaceTerminating")
                      .put("message", "namespace closing is being terminated").put("field", "metadata.namespace"))),
              status.getJsonObject("details"));
        }));
  }

  // --- 1. finalizers and owner references -----------------------------------------------------------------------

  @Test
  void aFinalizerHoldsTheDeleteUntilItIsRemoved(VertxTestContext ctx) {
    JsonObject held = configMap("held");
    metadata(held).put("finalizers", new JsonArray().add(HOLD));
    ApiWatch[] watch = new ApiWatch[1];
    api.create(CM, held)
        .compose(v -> api.watch(CM + "?watch=true"))
        .compose(w -> {
          watch[0] = w;
          return w.until("ADDED held");
        })
        .compose(v -> ApiServerFixture.expect(200, api.delete(CM + "/held")))
        .compose(marked -> {
          ctx.verify(() -> {
            assertEquals(NOW_TEXT, metadata(marked).getString("deletionTimestamp"));
            assertEquals(0L, metadata(marked).getLong("deletionGracePeriodSeconds"));
            assertEquals(new JsonArray().add(HOLD), metadata(marked).getJsonArray("finalizers"));
          });
          return watch[0].until("MODIFIED held");
        })
        .compose(v -> api.read(CM + "/held"))
        .compose(stillThere -> {
          ctx.verify(() -> assertEquals(NOW_TEXT, metadata(stillThere).getString("deletionTimestamp")));
          return ApiServerFixture.expect(200, api.patch(CM + "/held", ApiServerFixture.MERGE_PATCH,
              "{\"metadata\":{\"finalizers\":null}}"));
        })
        .compose(v -> watch[0].until("DELETED held"))
        .compose(v -> api.get(CM + "/held"))
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound", "configmaps \"held\" not found")));
  }

  @Test
  void backgroundDeletionTakesTheDependentsAway(VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    owned(false, false)
        .compose(v -> api.watch(CM + "?watch=true&fieldSelector=" + q("metadata.name=dependent")))
        .compose(w -> {
          watch[0] = w;
          return w.until("ADDED dependent");
        })
        .compose(v -> ApiServerFixture.expect(200, api.delete(CM + "/owner")))
        .compose(v -> watch[0].until("DELETED dependent"))
        .compose(v -> api.get(CM + "/dependent"))
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound",
            "configmaps \"dependent\" not found")));
  }

  @Test
  void foregroundDeletionKeepsTheOwnerUntilBlockingDependentsAreGone(VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    owned(true, true)
        .compose(v -> api.watch(CM + "?watch=true"))
        .compose(w -> {
          watch[0] = w;
          return w.next(2);
        })
        .compose(v -> ApiServerFixture.expect(200, api.delete(CM + "/owner",
            new JsonObject().put("propagationPolicy", "Foreground"))))
        .compose(owner -> {
          ctx.verify(() -> {
            assertEquals(new JsonArray().add("foregroundDeletion"), metadata(owner).getJsonArray("finalizers"));
            assertEquals(NOW_TEXT, metadata(owner).getString("deletionTimestamp"));
          });
          // The collector marks the dependent for deletion; its own finalizer keeps it, so the owner stays too.
          return watch[0].until("MODIFIED dependent");
        })
        .compose(dependent -> {
          ctx.verify(() -> assertEquals(NOW_TEXT, metadata(dependent.getJsonObject("object"))
              .getString("deletionTimestamp")));
          return api.read(CM + "/owner");
        })
        .compose(owner -> {
          ctx.verify(() -> assertEquals(new JsonArray().add("foregroundDeletion"),
              metadata(owner).getJsonArray("finalizers")));
          return ApiServerFixture.expect(200, api.patch(CM + "/dependent", ApiServerFixture.MERGE_PATCH,
              "{\"metadata\":{\"finalizers\":null}}"));
        })
        .compose(v -> watch[0].until("DELETED dependent"))
        .compose(v -> watch[0].until("DELETED owner"))
        .onComplete(verified(ctx, deleted -> assertEquals(NOW_TEXT, metadata(deleted.getJsonObject("object"))
            .getString("deletionTimestamp"))));
  }

  @Test
  void orphaningLeavesTheDependentsWithoutTheOwnerReference(VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    owned(false, false)
        .compose(v -> api.watch(CM + "?watch=true"))
        .compose(w -> {
          watch[0] = w;
          return w.next(2);
        })
        .compose(v -> ApiServerFixture.expect(200, api.delete(CM + "/owner",
            new JsonObject().put("propagationPolicy", "Orphan"))))
        .compose(owner -> {
          ctx.verify(() -> assertEquals(new JsonArray().add("orphan"), metadata(owner).getJsonArray("finalizers")));
          return watch[0].next(3);
        })
        .compose(events -> {
          ctx.verify(() -> assertEquals(List.of("MODIFIED owner", "MODIFIED dependent", "DELETED owner"),
              describe(events)));
          return api.read(CM + "/dependent");
        })
        .onComplete(verified(ctx, dependent -> assertNull(metadata(dependent).getValue("ownerReferences"),
            dependent::encode)));
  }

  /** An owner ConfigMap and a dependent one pointing at it. */
  private Future<JsonObject> owned(boolean blockOwnerDeletion, boolean dependentHeld) {
    return api.create(CM, configMap("owner")).compose(owner -> {
      JsonObject dependent = configMap("dependent");
      metadata(dependent).put("ownerReferences", new JsonArray().add(ownerReference(owner, blockOwnerDeletion)));
      if (dependentHeld) {
        metadata(dependent).put("finalizers", new JsonArray().add(HOLD));
      }
      return api.create(CM, dependent);
    });
  }

  // --- 7. built-in defaulting and validation --------------------------------------------------------------------

  @Test
  void aDeploymentIsDefaultedAsKubeDefaultsIt(VertxTestContext ctx) {
    api.create(deployments("default"), deployment("web")).onComplete(verified(ctx, created -> {
      JsonObject spec = created.getJsonObject("spec");
      assertEquals(1, spec.getInteger("replicas"));
      assertEquals(new JsonObject().put("type", "RollingUpdate").put("rollingUpdate",
          new JsonObject().put("maxUnavailable", "25%").put("maxSurge", "25%")), spec.getJsonObject("strategy"));
      assertEquals(10, spec.getInteger("revisionHistoryLimit"));
      assertEquals(600, spec.getInteger("progressDeadlineSeconds"));
      JsonObject pod = spec.getJsonObject("template").getJsonObject("spec");
      assertEquals("Always", pod.getString("restartPolicy"));
      assertEquals("ClusterFirst", pod.getString("dnsPolicy"));
      assertEquals(30, pod.getInteger("terminationGracePeriodSeconds"));
      assertEquals("default-scheduler", pod.getString("schedulerName"));
      JsonObject container = pod.getJsonArray("containers").getJsonObject(0);
      assertEquals("IfNotPresent", container.getString("imagePullPolicy"));
      assertEquals("/dev/termination-log", container.getString("terminationMessagePath"));
      assertEquals("File", container.getString("terminationMessagePolicy"));
    }));
  }

  @Test
  void aSelectorNotMatchingTheTemplateIsInvalid(VertxTestContext ctx) {
    JsonObject bad = deployment("web");
    bad.getJsonObject("spec").getJsonObject("template").getJsonObject("metadata")
        .put("labels", new JsonObject().put("app", "other"));
    String why = "Invalid value: map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`";
    api.post(deployments("default"), bad).onComplete(verified(ctx, refused -> {
      JsonObject status = assertStatus(refused, 422, "Invalid",
          "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: " + why);
      assertEquals(new JsonObject().put("name", "web").put("group", "apps").put("kind", "Deployment")
          .put("causes", new JsonArray().add(new JsonObject().put("reason", "FieldValueInvalid").put("message", why)
              .put("field", "spec.template.metadata.labels"))), status.getJsonObject("details"));
    }));
  }

  /** Several independent requests at once: each checkpoint is one answer that came back right. */
  @Test
  void concurrentCreatesEachGetTheirOwnResourceVersion(VertxTestContext ctx) {
    int count = 8;
    Checkpoint answered = ctx.checkpoint(count);
    List<Long> versions = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < count; i++) {
      api.create(CM, configMap("c" + i, Map.of(), Map.of("i", Integer.toString(i))))
          .onComplete(ctx.succeeding(cm -> ctx.verify(() -> {
            versions.add(rv(cm));
            if (versions.size() == count) {
              assertEquals(count, versions.stream().distinct().count(), versions::toString);
            }
            answered.flag();
          })));
    }
  }
}
