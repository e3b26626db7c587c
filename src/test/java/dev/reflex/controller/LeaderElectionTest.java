package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.app.ReflexApp;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.testing.EmbeddedReflex;
import dev.reflex.testing.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two Reflex replicas against one cluster: one leads, the other stands by and takes over when the leader goes. */
class LeaderElectionTest {

  @TempDir
  Path dir;

  @Test
  void standbyTakesOverWhenTheLeaderStops() throws InterruptedException {
    try (EmbeddedReflex first = EmbeddedReflex.start(dir, Clock.systemUTC(), Map.of())) {
      ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_HTTP_PORT", "0", "REFLEX_GRPC_PORT", "0"));
      ReflexApp second = EmbeddedReflex.await(new ReflexApp(first.runtime, config, first.client, "127.0.0.1",
          List.of()).start());
      Eventually.until(Duration.ofSeconds(10), "standby ready", () -> second.readiness().ready());
      assertTrue(first.app.leading());
      assertFalse(second.leading(), "only one replica leads");

      first.apply(ControllersEndToEndTest.statefulSet("leader-web", 1));
      first.apply(ControllersEndToEndTest.ihpa("leader-ihpa", "leader-web", "StatefulSet", """
            - {type: Static, priority: 1, static: {replicas: 2}}
          """, ""));
      Eventually.until(Duration.ofSeconds(20), "leader scales", () -> first.replicas("StatefulSet", "leader-web") == 2);
      Eventually.until(Duration.ofSeconds(10), "pods settled", () -> first.pods("leader-web").size() == 2);
      Eventually.until(Duration.ofSeconds(10), "pods ready", () -> first.pods("leader-web").stream()
          .allMatch(p -> p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus()
              .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()))));
      Eventually.until(Duration.ofSeconds(10), "controllers idle", () -> first.app.controllers().idle());

      EmbeddedReflex.await(first.app.stop());
      Eventually.until(Duration.ofSeconds(15), "standby takes over", second::leading);
      first.apply(ControllersEndToEndTest.ihpa("leader-ihpa", "leader-web", "StatefulSet", """
            - {type: Static, priority: 1, static: {replicas: 3}}
          """, ""));
      Eventually.until(Duration.ofSeconds(20), "new leader scales", () -> first.replicas("StatefulSet", "leader-web")
          == 3);
      EmbeddedReflex.await(second.stop());
      first.app = second;
    }
  }
}
