package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.metrics.load.TrafficProfile;
import dev.reflex.testing.Eventually;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflex embedded --load trace:FILE} with {@code embedded.load-figures-file}: the figures of what nginx's
 * pods did, counted while the KPA sample scales them.
 */
class LoadFiguresTest {

  @TempDir
  Path dir;

  private static JsonObject figures(Path file) {
    try {
      String text = Files.exists(file) ? Files.readString(file).strip() : "";
      return text.isEmpty() ? null : new JsonObject(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aTraceOverTheCapacityIsCountedUnservedUntilThePodsAreThere() throws Exception {
    Path trace = dir.resolve("trace.csv");
    // 20 rps (one pod of 50 is enough), then 400 rps from second 3: 8 pods' capacity, 12 at the KPA's target.
    Files.writeString(trace, "time,rps\n0,20\n3,400\n");
    Path out = dir.resolve("live.json");
    ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_HTTP_PORT", "0", "REFLEX_GRPC_PORT", "0",
        "REFLEX_CUSTOM_METRICS_PORT", "0", "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString(),
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "1s", "REFLEX_EMBEDDED_LOAD_FIGURES_FILE", out.toString()));
    ServerCommand.Started started = ServerCommand.start(config, true,
        TrafficProfile.named("trace:" + trace, config.embedded().loadSpeed()));
    try {
      Eventually.until(Duration.ofSeconds(60), "figures showing nginx served the burst", () -> {
        JsonObject f = figures(out);
        return f != null && f.getJsonObject("figures").getDouble("unservedRequests") > 0
            && f.getJsonObject("figures").getInteger("peakPods") >= 8;
      });
    } finally {
      started.close();
    }
    JsonObject last = figures(out);
    assertEquals("default/nginx", last.getString("workload"));
    assertEquals(50.0, last.getDouble("podCapacity"));
    JsonObject f = last.getJsonObject("figures");
    assertTrue(f.getDouble("podSeconds") >= last.getLong("seconds"), last.encode());
    assertTrue(f.getJsonObject("reactionSeconds").getInteger("count") >= 1, last.encode());
    assertFalse(f.containsKey("scalingActions"), last.encode());
  }
}
