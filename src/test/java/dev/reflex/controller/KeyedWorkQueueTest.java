package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.TargetKey;
import dev.reflex.testing.EmbeddedReflex;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyedWorkQueueTest {

  Vertx vertx;
  Context context;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void tearDown() {
    EmbeddedReflex.await(vertx.close());
  }

  static TargetKey key(int i) {
    return new TargetKey("ns", "k" + i);
  }

  @Test
  void anUrgentKeyStartsAheadOfABacklogAndTheBacklogStartsInSlices() {
    List<TargetKey> started = new ArrayList<>();
    List<Integer> turns = new ArrayList<>();
    int[] turn = {0};
    Promise<Void> allDone = Promise.promise();
    KeyedWorkQueue[] queue = new KeyedWorkQueue[1];
    onContext(() -> {
      queue[0] = new KeyedWorkQueue("test", vertx, context, Clock.systemUTC(), key -> {
        started.add(key);
        turns.add(turn[0]);
        if (started.size() == 201) {
          allDone.complete();
        }
        return Future.succeededFuture();
      });
      for (int i = 0; i < 200; i++) {
        queue[0].enqueue(key(i));
      }
      queue[0].enqueueUrgent(key(999));
      // Counts turns of the context: each runOnContext after the drains began is one turn later.
      tick(turn, 10);
    });
    EmbeddedReflex.await(allDone.future());
    assertEquals(key(999), started.get(0), "the urgent key goes first");
    Map<Integer, Integer> perTurn = new ConcurrentHashMap<>();
    turns.forEach(t -> perTurn.merge(t, 1, Integer::sum));
    assertTrue(perTurn.values().stream().allMatch(n -> n <= KeyedWorkQueue.SLICE),
        "at most " + KeyedWorkQueue.SLICE + " starts per turn, was " + perTurn);
    assertTrue(perTurn.size() >= 4, "201 starts need at least 4 turns, took " + perTurn.size());
  }

  @Test
  void triggersWhileAKeyRunsCoalesceIntoOneMorePass() {
    List<TargetKey> started = new ArrayList<>();
    Promise<Void> release = Promise.promise();
    Promise<Void> secondPass = Promise.promise();
    onContext(() -> {
      KeyedWorkQueue queue = new KeyedWorkQueue("test", vertx, context, Clock.systemUTC(), key -> {
        started.add(key);
        if (started.size() == 1) {
          return release.future();
        }
        secondPass.complete();
        return Future.succeededFuture();
      });
      queue.enqueue(key(1));
      vertx.setTimer(50, t -> {
        queue.enqueue(key(1));
        queue.enqueueUrgent(key(1));
        queue.enqueue(key(1));
        release.complete();
      });
    });
    EmbeddedReflex.await(secondPass.future());
    EmbeddedReflex.await(Future.future(p -> vertx.setTimer(100, t -> p.complete())));
    assertEquals(List.of(key(1), key(1)), started, "three triggers during the pass: exactly one more pass");
  }

  private void tick(int[] turn, int left) {
    if (left > 0) {
      context.runOnContext(v -> {
        turn[0]++;
        tick(turn, left - 1);
      });
    }
  }

  private void onContext(Runnable action) {
    context.runOnContext(v -> action.run());
  }
}
