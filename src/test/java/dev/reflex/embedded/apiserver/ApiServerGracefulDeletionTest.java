package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.NOW;
import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.metadata;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pod;
import static dev.reflex.embedded.apiserver.ApiServerFixture.pods;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pods go gracefully, as on kube-apiserver: a pod on a node is marked with deletionTimestamp (now plus its grace
 * period) and stays until its kubelet deletes it with a grace period of 0; a pod that never ran, or has finished,
 * goes at once. A later delete may shorten the grace period, never lengthen it.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerGracefulDeletionTest {

  private static final String PODS = pods("default");

  @RegisterExtension
  final ApiServerPerTest server = new ApiServerPerTest();
  private ApiServerFixture api;

  @BeforeEach
  void bind() {
    api = server.api();
  }

  private static JsonObject scheduled(String name, Integer terminationGrace, String phase) {
    JsonObject pod = pod(name);
    pod.getJsonObject("spec").put("nodeName", "node-1");
    if (terminationGrace != null) {
      pod.getJsonObject("spec").put("terminationGracePeriodSeconds", terminationGrace);
    }
    if (phase != null) {
      // Not stored on create (the server sets a new pod's status); written through /status before the delete.
      pod.put("status", new JsonObject().put("phase", phase));
    }
    return pod;
  }

  static Stream<Arguments> deletions() {
    return Stream.of(
        Arguments.of("a pod on a node waits its default 30 s", scheduled("p", null, "Running"), "", 30L),
        Arguments.of("its own terminationGracePeriodSeconds", scheduled("p", 5, "Running"), "", 5L),
        Arguments.of("the request's grace period wins", scheduled("p", 5, "Running"), "?gracePeriodSeconds=12", 12L),
        Arguments.of("a negative request is 1 s", scheduled("p", 5, "Running"), "?gracePeriodSeconds=-3", 1L),
        Arguments.of("grace period 0 deletes at once", scheduled("p", 5, "Running"), "?gracePeriodSeconds=0", null),
        Arguments.of("a pod never scheduled goes at once", pod("p"), "", null),
        Arguments.of("a finished pod goes at once", scheduled("p", 30, "Succeeded"), "", null),
        Arguments.of("a failed pod goes at once", scheduled("p", 30, "Failed"), "", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deletions")
  void aDeletedPodIsMarkedForItsGracePeriodOrGoesAtOnce(String label, JsonObject pod, String query, Long grace,
      VertxTestContext ctx) {
    JsonObject status = pod.getJsonObject("status");
    api.create(PODS, pod)
        .compose(created -> status == null ? Future.succeededFuture(created) : expect(200,
            api.patch(PODS + "/p/status", ApiServerFixture.MERGE_PATCH, new JsonObject().put("status", status)
                .encode())))
        .compose(ready -> expect(200, api.delete(PODS + "/p" + query)))
        .compose(answered -> api.get(PODS + "/p").map(after -> new JsonObject().put("answered", answered)
            .put("code", after.statusCode()).put("after", after.statusCode() == 200 ? after.bodyAsJsonObject()
                : new JsonObject())))
        .onComplete(verified(ctx, result -> {
          if (grace == null) {
            assertEquals(404, result.getInteger("code"), "gone at once");
            return;
          }
          assertEquals(200, result.getInteger("code"), "still there while its grace period runs");
          JsonObject meta = metadata(result.getJsonObject("after"));
          assertEquals(NOW.truncatedTo(ChronoUnit.SECONDS).plusSeconds(grace).toString(),
              meta.getString("deletionTimestamp"));
          assertEquals(grace, meta.getLong("deletionGracePeriodSeconds"));
          assertEquals(meta, metadata(result.getJsonObject("answered")), "the delete answers the marked pod");
        }));
  }

  @Test
  void aLaterDeleteShortensTheGracePeriodButNeverLengthensItAndZeroRemovesThePod(VertxTestContext ctx) {
    Instant start = NOW.truncatedTo(ChronoUnit.SECONDS);
    api.create(PODS, scheduled("p", 30, "Running"))
        .compose(v -> expect(200, api.delete(PODS + "/p")))
        .compose(v -> expect(200, api.delete(PODS + "/p", new JsonObject().put("gracePeriodSeconds", 60))))
        .compose(longer -> {
          ctx.verify(() -> assertEquals(start.plusSeconds(30).toString(), metadata(longer)
              .getString("deletionTimestamp")));
          return expect(200, api.delete(PODS + "/p", new JsonObject().put("gracePeriodSeconds", 2)));
        })
        .compose(shorter -> {
          ctx.verify(() -> {
            assertEquals(start.plusSeconds(2).toString(), metadata(shorter).getString("deletionTimestamp"));
            assertEquals(2L, metadata(shorter).getLong("deletionGracePeriodSeconds"));
          });
          return expect(200, api.delete(PODS + "/p", new JsonObject().put("gracePeriodSeconds", 0)
              .put("preconditions", new JsonObject().put("uid", metadata(shorter).getString("uid")))));
        })
        .compose(v -> api.get(PODS + "/p"))
        .onComplete(verified(ctx, gone -> assertStatus(gone, 404, "NotFound", "pods \"p\" not found")));
  }

  @Test
  void otherKindsAreNotGraceful(VertxTestContext ctx) {
    JsonObject configMap = ApiServerFixture.configMap("c");
    String configMaps = ApiServerFixture.configMaps("default");
    api.create(configMaps, configMap)
        .compose(v -> expect(200, api.delete(configMaps + "/c?gracePeriodSeconds=30")))
        .compose(v -> api.get(configMaps + "/c"))
        .onComplete(verified(ctx, gone -> assertEquals(404, gone.statusCode())));
  }

  @Test
  void aGracePeriodThatIsNoNumberIsABadRequest(VertxTestContext ctx) {
    api.create(PODS, scheduled("p", 30, "Running"))
        .compose(v -> api.delete(PODS + "/p?gracePeriodSeconds=soon"))
        .compose(refused -> api.get(PODS + "/p").map(after -> {
          ctx.verify(() -> assertNull(metadata(after.bodyAsJsonObject()).getString("deletionTimestamp"),
              "a refused delete marks nothing"));
          return refused;
        }))
        .onComplete(verified(ctx, refused -> assertStatus(refused, 400, "BadRequest",
            "gracePeriodSeconds: invalid value \"soon\": must be an integer")));
  }
}
