package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.testing.EmbeddedApi;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Events as kubectl describe shows them, against the embedded API server. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class EventRecorderTest {

  private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-01-05T10:10:00Z"), ZoneOffset.UTC);
  private static final JsonObject IHPA = new JsonObject().put("apiVersion", "autoscaling.kapacitystack.io/v1alpha1")
      .put("kind", "IntelligentHorizontalPodAutoscaler")
      .put("metadata", new JsonObject().put("name", "web").put("namespace", "default").put("uid", "u-1"));

  @TempDir
  Path dir;

  private EmbeddedApi api;

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void anEventWhoseNameIsTakenIsRecordedUnderAGeneratedOne(Vertx vertx, VertxTestContext ctx) {
    // Two recorders at the same instant, as a restarted Reflex on a clock that has not moved: the second event's
    // name (object and time) is already taken.
    EmbeddedApi.start(vertx, dir)
        .compose(started -> {
          api = started;
          return new EventRecorder(api.rest, FROZEN).normal(IHPA, "ihpa_controller", "UpdateScale", "first");
        })
        .compose(v -> new EventRecorder(api.rest, FROZEN).normal(IHPA, "ihpa_controller", "UpdateScale", "first"))
        .compose(v -> api.rest.get("/api/v1/namespaces/default/events"))
        .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
          List<String> messages = list.getJsonArray("items").stream().map(e -> ((JsonObject) e).getString("message"))
              .toList();
          assertEquals(List.of("first", "first"), messages, list::encodePrettily);
          ctx.completeNow();
        })));
  }
}
