package dev.reflex.taps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reflex.bus.KubeEvent;
import dev.reflex.bus.TargetKey;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow tap client loses messages beyond its buffer, counted, without the producer ever waiting. */
class TapSubscriptionTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void fullBufferDropsAndCountsInsteadOfBlocking() {
    Context context = vertx.getOrCreateContext();
    AtomicLong droppedMetric = new AtomicLong();
    TapSubscription sub = new TapSubscription(2, null, context, () -> { }, droppedMetric::addAndGet);
    for (int i = 0; i < 5; i++) {
      sub.offer(event("p" + i));
    }
    assertEquals(3, sub.takeDropped());
    assertEquals(0, sub.takeDropped(), "drops are reported once");
    assertEquals(3, droppedMetric.get());
    assertEquals("default/p0", sub.poll().target().toString());
    assertEquals("default/p1", sub.poll().target().toString());
    assertNull(sub.poll());
  }

  @Test
  void targetFilterKeepsOnlyThatObject() {
    TapSubscription sub = new TapSubscription(10, "default/p2", vertx.getOrCreateContext(), () -> { }, n -> { });
    for (int i = 0; i < 5; i++) {
      sub.offer(event("p" + i));
    }
    assertEquals("default/p2", sub.poll().target().toString());
    assertNull(sub.poll());
  }

  private static KubeEvent event(String name) {
    return new KubeEvent.Applied("Pod", new TargetKey("default", name), "1", new JsonObject());
  }
}
