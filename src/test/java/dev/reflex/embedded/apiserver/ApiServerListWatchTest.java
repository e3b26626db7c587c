package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.ApiServerFixture.assertStatus;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMap;
import static dev.reflex.embedded.apiserver.ApiServerFixture.configMaps;
import static dev.reflex.embedded.apiserver.ApiServerFixture.expect;
import static dev.reflex.embedded.apiserver.ApiServerFixture.names;
import static dev.reflex.embedded.apiserver.ApiServerFixture.q;
import static dev.reflex.embedded.apiserver.ApiServerFixture.resourceVersion;
import static dev.reflex.embedded.apiserver.ApiServerFixture.verified;
import static dev.reflex.embedded.apiserver.ApiWatch.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.reflex.kube.KubeClients;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lists and watches as client-go and kubectl make them: selectors, paging at one snapshot, exact-version reads,
 * chunked and WebSocket watches, replays, 410 for a version the cache no longer holds, bookmarks, the initial-events
 * bookmark, and timeouts. A watch outcome is asserted on the events that arrive, never after a pause.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ApiServerListWatchTest {

  private static final String CM = configMaps("default");

  private ApiServerFixture api;
  private KubernetesClient fabric8;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    startWith(vertx, ctx, ApiServerOptions.loopback(0));
  }

  private void startWith(Vertx vertx, VertxTestContext ctx, ApiServerOptions options) {
    ApiServerFixture.start(vertx, options).onComplete(ctx.succeeding(fixture -> {
      api = fixture;
      ctx.completeNow();
    }));
  }

  /** A test that needs other options replaces the default server with its own. */
  private Future<Void> restart(Vertx vertx, ApiServerOptions options) {
    api.close();
    return ApiServerFixture.start(vertx, options).map(fixture -> {
      api = fixture;
      return null;
    });
  }

  @AfterEach
  void stop() {
    if (fabric8 != null) {
      fabric8.close();
    }
    api.close();
  }

  /** a {app: web}, b {app: db}, c {app: web, tier: front}. */
  private Future<Void> threeLabelled() {
    return api.create(CM, configMap("a", Map.of("app", "web"), Map.of()))
        .compose(v -> api.create(CM, configMap("b", Map.of("app", "db"), Map.of())))
        .compose(v -> api.create(CM, configMap("c", Map.of("app", "web", "tier", "front"), Map.of())))
        .mapEmpty();
  }

  // --- list -----------------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "app=web | a,c",
      "app==web | a,c",
      "app!=web | b",
      "app in (web,db),tier | c",
      "!tier | a,b",
      "tier notin (front) | a,b",
      "app=nothing | ''"})
  void aLabelSelectorChoosesTheItems(String selector, String expected, VertxTestContext ctx) {
    threeLabelled().compose(v -> api.read(CM + "?labelSelector=" + q(selector)))
        .onComplete(verified(ctx, list -> assertEquals(expected.isEmpty() ? List.of()
            : Arrays.asList(expected.split(",")), names(list))));
  }

  @Test
  void aMalformedLabelSelectorIsABadRequest(VertxTestContext ctx) {
    api.get(CM + "?labelSelector=" + q("app in (web")).onComplete(verified(ctx, refused ->
        assertStatus(refused, 400, "BadRequest", "unable to parse requirement: found '', expected: ',' or ')'")));
  }

  @Test
  void aFieldSelectorOnNameChoosesTheItem(VertxTestContext ctx) {
    threeLabelled().compose(v -> api.read(CM + "?fieldSelector=" + q("metadata.name=b")))
        .compose(list -> {
          ctx.verify(() -> assertEquals(List.of("b"), names(list)));
          return api.read(CM + "?fieldSelector=" + q("metadata.name!=b,metadata.namespace=default"));
        })
        .onComplete(verified(ctx, list -> assertEquals(List.of("a", "c"), names(list))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // Kinds with their own field labels refuse others in their own words…
      "/api/v1/namespaces/default/pods | spec.foo=x | field label not supported: spec.foo",
      // …kinds without any fall back to the metadata-only conversion.
      "/api/v1/namespaces/default/configmaps | data.x=1 | \"data.x\" is not a known field selector: only "
          + "\"metadata.name\", \"metadata.namespace\""})
  void anUnsupportedFieldSelectorIsABadRequest(String collection, String selector, String message,
      VertxTestContext ctx) {
    api.get(collection + "?fieldSelector=" + q(selector)).onComplete(verified(ctx, refused ->
        assertStatus(refused, 400, "BadRequest", message)));
  }

  @Test
  void pagesStayAtTheFirstPagesResourceVersionWhateverIsWrittenMeanwhile(VertxTestContext ctx) {
    List<JsonObject> pages = new ArrayList<>();
    Future<Void> five = Future.succeededFuture();
    for (int i = 1; i <= 5; i++) {
      String name = "c" + i;
      five = five.compose(v -> api.create(CM, configMap(name, Map.of(), Map.of("v", "old"))).mapEmpty());
    }
    five.compose(v -> api.read(CM + "?limit=2"))
        .compose(first -> {
          pages.add(first);
          // Writes between pages: a new item after the cursor, one deleted, one changed.
          return api.create(CM, configMap("c6"))
              .compose(v -> expect(200, api.delete(CM + "/c3")))
              .compose(v -> expect(200, api.patch(CM + "/c4", ApiServerFixture.MERGE_PATCH,
                  "{\"data\":{\"v\":\"new\"}}")))
              .compose(v -> api.read(CM + "?limit=2&continue=" + q(first.getJsonObject("metadata")
                  .getString("continue"))));
        })
        .compose(second -> {
          pages.add(second);
          return api.read(CM + "?limit=2&continue=" + q(second.getJsonObject("metadata").getString("continue")));
        })
        .compose(third -> {
          pages.add(third);
          return api.read(CM);
        })
        .onComplete(verified(ctx, now -> {
          String snapshot = resourceVersion(pages.get(0));
          assertEquals(List.of("c1", "c2"), names(pages.get(0)));
          assertEquals(3L, pages.get(0).getJsonObject("metadata").getLong("remainingItemCount"));
          assertEquals(List.of("c3", "c4"), names(pages.get(1)));
          assertEquals("old", pages.get(1).getJsonArray("items").getJsonObject(1).getJsonObject("data")
              .getString("v"));
          assertEquals(1L, pages.get(1).getJsonObject("metadata").getLong("remainingItemCount"));
          assertEquals(List.of("c5"), names(pages.get(2)));
          assertFalse(pages.get(2).getJsonObject("metadata").containsKey("continue"));
          assertFalse(pages.get(2).getJsonObject("metadata").containsKey("remainingItemCount"));
          for (JsonObject page : pages) {
            assertEquals(snapshot, resourceVersion(page));
          }
          assertEquals(List.of("c1", "c2", "c4", "c5", "c6"), names(now));
        }));
  }

  @Test
  void anExactResourceVersionListsTheStoreAsItWasThen(VertxTestContext ctx) {
    String[] first = new String[1];
    api.create(CM, configMap("a", Map.of(), Map.of("v", "1")))
        .compose(a -> {
          first[0] = resourceVersion(a);
          return expect(200, api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH, "{\"data\":{\"v\":\"2\"}}"));
        })
        .compose(v -> api.create(CM, configMap("b")))
        .compose(v -> api.read(CM + "?resourceVersion=" + first[0] + "&resourceVersionMatch=Exact"))
        .onComplete(verified(ctx, then -> {
          assertEquals(first[0], resourceVersion(then));
          assertEquals(List.of("a"), names(then));
          assertEquals("1", then.getJsonArray("items").getJsonObject(0).getJsonObject("data").getString("v"));
        }));
  }

  @Test
  void resourceVersionMatchWithoutAResourceVersionIsInvalidListOptions(VertxTestContext ctx) {
    api.get(CM + "?resourceVersionMatch=Exact").onComplete(verified(ctx, refused -> assertStatus(refused, 422,
        "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "
            + "is forbidden unless resourceVersion is provided")));
  }

  // --- watch over chunked HTTP ----------------------------------------------------------------------------------

  @Test
  void aWatchStreamsAddedModifiedDeletedAtTheWritesVersions(VertxTestContext ctx) {
    List<String> written = new ArrayList<>();
    ApiWatch[] watch = new ApiWatch[1];
    api.create(CM, configMap("sentinel"))
        .compose(v -> api.watch(CM + "?watch=true"))
        .compose(w -> {
          watch[0] = w;
          ctx.verify(() -> {
            assertEquals(200, w.statusCode());
            assertEquals("application/json", w.header("Content-Type"));
            assertEquals("chunked", w.header("Transfer-Encoding"));
          });
          // The synthetic ADDED of what exists shows the watch is registered: writes from now on are seen.
          return w.until("ADDED sentinel");
        })
        .compose(v -> api.create(CM, configMap("a")))
        .compose(a -> {
          written.add(resourceVersion(a));
          return expect(200, api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH, "{\"data\":{\"k\":\"v\"}}"));
        })
        .compose(a -> {
          written.add(resourceVersion(a));
          return expect(200, api.delete(CM + "/a"));
        })
        .compose(v -> watch[0].next(3))
        .onComplete(verified(ctx, events -> {
          assertEquals(List.of("ADDED a", "MODIFIED a", "DELETED a"), describe(events));
          assertEquals(written.get(0), resourceVersion(events.get(0).getJsonObject("object")));
          assertEquals(written.get(1), resourceVersion(events.get(1).getJsonObject("object")));
          assertEquals("v", events.get(1).getJsonObject("object").getJsonObject("data").getString("k"));
          assertEquals("ConfigMap", events.get(2).getJsonObject("object").getString("kind"));
          assertEquals("v1", events.get(2).getJsonObject("object").getString("apiVersion"));
        }));
  }

  /**
   * kube-apiserver flushes a watch's response head at once, so client-go's Watch() returns before anything has
   * changed; a server that waits for the first event to send its head leaves such a client waiting.
   */
  @Test
  @Timeout(value = 5, timeUnit = TimeUnit.SECONDS)
  void aWatchAnswersItsHeadBeforeAnyEvent(VertxTestContext ctx) {
    api.read(CM)
        .compose(list -> api.watch(CM + "?watch=true&resourceVersion=" + resourceVersion(list)))
        .compose(w -> {
          ctx.verify(() -> assertEquals(200, w.statusCode()));
          return api.create(CM, configMap("a")).compose(v -> w.next());
        })
        .onComplete(verified(ctx, event -> assertEquals("ADDED a", describe(event))));
  }

  @Test
  void aLabelFilteredWatchSeesAnObjectLeaveAndComeBack(VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    String[] left = new String[1];
    api.create(CM, configMap("a", Map.of("app", "web"), Map.of()))
        .compose(v -> api.watch(CM + "?watch=true&labelSelector=" + q("app=web")))
        .compose(w -> {
          watch[0] = w;
          return w.until("ADDED a");
        })
        .compose(v -> expect(200, api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH,
            "{\"metadata\":{\"labels\":{\"app\":\"db\"}}}")))
        .compose(a -> {
          left[0] = resourceVersion(a);
          return watch[0].next();
        })
        .compose(leaving -> {
          ctx.verify(() -> {
            assertEquals("DELETED a", describe(leaving));
            assertEquals(left[0], resourceVersion(leaving.getJsonObject("object")));
          });
          return expect(200, api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH,
              "{\"metadata\":{\"labels\":{\"app\":\"web\"}}}"));
        })
        .compose(v -> watch[0].next())
        .onComplete(verified(ctx, back -> assertEquals("ADDED a", describe(back))));
  }

  @Test
  void aWatchFromAnOldResourceVersionReplaysWhatCameAfter(VertxTestContext ctx) {
    List<String> written = new ArrayList<>();
    api.create(CM, configMap("a"))
        .compose(a -> {
          written.add(resourceVersion(a));
          return expect(200, api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH, "{\"data\":{\"k\":\"v\"}}"));
        })
        .compose(a -> {
          written.add(resourceVersion(a));
          return api.create(CM, configMap("b"));
        })
        .compose(b -> {
          written.add(resourceVersion(b));
          return api.watch(CM + "?watch=true&resourceVersion=" + written.get(0));
        })
        .compose(w -> w.next(2))
        .onComplete(verified(ctx, events -> {
          assertEquals(List.of("MODIFIED a", "ADDED b"), describe(events));
          assertEquals(written.subList(1, 3), events.stream().map(e -> resourceVersion(e.getJsonObject("object")))
              .toList());
        }));
  }

  /**
   * kube answers a watch from a version its cache has moved past with 200 and one ERROR event carrying the 410
   * Expired Status, then ends the watch; client-go re-lists on it.
   */
  @Test
  void aWatchFromAVersionTheCacheNoLongerHoldsIsExpired(Vertx vertx, VertxTestContext ctx) {
    List<String> written = new ArrayList<>();
    ApiWatch[] watch = new ApiWatch[1];
    Future<Void> four = restart(vertx, ApiServerOptions.loopback(0).withWatchCacheSize(2));
    for (String name : List.of("a", "b", "c", "d")) {
      four = four.compose(v -> api.create(CM, configMap(name))).map(cm -> {
        written.add(resourceVersion(cm));
        return null;
      });
    }
    four.compose(v -> api.watch(CM + "?watch=true&resourceVersion=" + written.get(0)))
        .compose(w -> {
          watch[0] = w;
          ctx.verify(() -> assertEquals(200, w.statusCode(), "a watch refused after it started is answered 200"));
          return w.next();
        })
        .compose(error -> {
          ctx.verify(() -> assertEquals(new JsonObject().put("type", "ERROR").put("object", new JsonObject()
              .put("kind", "Status").put("apiVersion", "v1").put("metadata", new JsonObject())
              .put("status", "Failure")
              .put("message", "too old resource version: " + written.get(0) + " (" + written.get(1) + ")")
              .put("reason", "Expired").put("code", 410)), error));
          return watch[0].ended();
        })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void bookmarksCarryTheLatestResourceVersion(Vertx vertx, VertxTestContext ctx) {
    ApiWatch[] watch = new ApiWatch[1];
    String[] latest = new String[1];
    restart(vertx, ApiServerOptions.loopback(0).withBookmarkInterval(Duration.ofMillis(50)))
        .compose(v -> api.create(CM, configMap("a")))
        .compose(a -> {
          latest[0] = resourceVersion(a);
          return api.watch(CM + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + latest[0]);
        })
        .compose(w -> {
          watch[0] = w;
          return w.until("BOOKMARK");
        })
        .compose(bookmark -> {
          ctx.verify(() -> assertEquals(new JsonObject().put("kind", "ConfigMap").put("apiVersion", "v1")
              .put("metadata", new JsonObject().put("resourceVersion", latest[0])),
              withoutCreationTimestamp(bookmark.getJsonObject("object"))));
          return api.create(CM, configMap("b"));
        })
        .compose(b -> {
          latest[0] = resourceVersion(b);
          return watch[0].until("ADDED b");
        })
        .compose(v -> watch[0].until("BOOKMARK"))
        .onComplete(verified(ctx, bookmark -> assertEquals(latest[0],
            resourceVersion(bookmark.getJsonObject("object")))));
  }

  /** Go writes an empty ObjectMeta's creationTimestamp as null; whether it is there is no part of this contract. */
  private static JsonObject withoutCreationTimestamp(JsonObject object) {
    JsonObject copy = object.copy();
    copy.getJsonObject("metadata").remove("creationTimestamp");
    return copy;
  }

  /** Without a resourceVersion is how client-go's watch-list starts; with one, how it resumes. */
  @ParameterizedTest(name = "resourceVersion ''{0}''")
  @CsvSource({"''", "0"})
  void sendInitialEventsEndsTheInitialStateWithAnAnnotatedBookmark(String version, VertxTestContext ctx) {
    String[] latest = new String[1];
    api.create(CM, configMap("a"))
        .compose(v -> api.create(CM, configMap("b")))
        .compose(b -> {
          latest[0] = resourceVersion(b);
          return api.watch(CM + "?watch=true&sendInitialEvents=true&allowWatchBookmarks=true"
              + "&resourceVersionMatch=NotOlderThan" + (version.isEmpty() ? "" : "&resourceVersion=" + version));
        })
        .compose(w -> {
          // On a watch, resourceVersionMatch needs no resourceVersion (kube validates watch options apart).
          ctx.verify(() -> assertEquals(200, w.statusCode()));
          return w.next(3);
        })
        .onComplete(verified(ctx, events -> {
          assertEquals(List.of("ADDED a", "ADDED b", "BOOKMARK"), describe(events));
          JsonObject bookmark = events.get(2).getJsonObject("object");
          assertEquals(latest[0], resourceVersion(bookmark));
          assertEquals(new JsonObject().put("k8s.io/initial-events-end", "true"),
              bookmark.getJsonObject("metadata").getJsonObject("annotations"));
        }));
  }

  @Test
  void timeoutSecondsEndsTheWatch(VertxTestContext ctx) {
    Checkpoint sawTheObject = ctx.checkpoint();
    Checkpoint ended = ctx.checkpoint();
    api.create(CM, configMap("a"))
        .compose(v -> api.watch(CM + "?watch=true&timeoutSeconds=1"))
        .compose(w -> w.until("ADDED a").map(event -> {
          sawTheObject.flag();
          return w;
        }))
        .compose(ApiWatch::ended)
        .onComplete(ctx.succeeding(v -> ended.flag()));
  }

  // --- watch over WebSocket, as the fabric8 client makes it -----------------------------------------------------

  @Test
  void theFabric8ClientWatchesOverAWebSocket(Vertx vertx, VertxTestContext ctx) throws Exception {
    Checkpoint added = ctx.checkpoint();
    Checkpoint modified = ctx.checkpoint();
    Checkpoint deleted = ctx.checkpoint();
    fabric8 = KubeClients.forUrl(vertx, api.server().url(), Duration.ofSeconds(10), "test");
    expect(201, api.post(CM, configMap("sentinel"))).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    Watch watch = fabric8.configMaps().inNamespace("default").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap cm) {
        String seen = action + " " + cm.getMetadata().getName();
        ctx.verify(() -> assertNotNull(cm.getMetadata().getResourceVersion()));
        switch (seen) {
          // Each event makes the write that the next one shows.
          case "ADDED sentinel" -> api.create(CM, configMap("a")).onFailure(ctx::failNow);
          case "ADDED a" -> {
            added.flag();
            api.patch(CM + "/a", ApiServerFixture.MERGE_PATCH, "{\"data\":{\"k\":\"v\"}}").onFailure(ctx::failNow);
          }
          case "MODIFIED a" -> {
            ctx.verify(() -> assertEquals(Map.of("k", "v"), cm.getData()));
            modified.flag();
            api.delete(CM + "/a").onFailure(ctx::failNow);
          }
          case "DELETED a" -> deleted.flag();
          default -> ctx.failNow("unexpected event " + seen);
        }
      }

      @Override
      public void onClose(WatcherException cause) {
        if (!ctx.completed()) {
          ctx.failNow(cause);
        }
      }
    });
    assertNotNull(watch);
  }
}
