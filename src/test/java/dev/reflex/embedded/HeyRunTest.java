package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeyRunTest {

  private static JsonObject pod(String image, JsonArray command, JsonArray args) {
    JsonObject container = new JsonObject().put("name", "hey").put("image", image);
    if (command != null) {
      container.put("command", command);
    }
    if (args != null) {
      container.put("args", args);
    }
    return new JsonObject().put("metadata", new JsonObject().put("name", "hey").put("namespace", "default"))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(container)));
  }

  private static JsonArray words(String... words) {
    JsonArray array = new JsonArray();
    for (String word : words) {
      array.add(word);
    }
    return array;
  }

  /** What the load model makes of a run: rate, concurrency, end, the Service's host. */
  record Load(double requestsPerSecond, double concurrency, Duration runsFor, String host) {
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // kubectl run hey --image=williamyeh/hey --restart=Never -- <seed 004's options>: the image is hey.
        Arguments.of("seed 004's run, 100 workers, autoscale-go sleeping 100 ms", pod("williamyeh/hey:latest", null,
            words("-z", "30s", "-c", "100", "-host", "autoscale-go.default.example.com",
                "http://10.96.0.13?sleep=100&prime=10000&bloat=5")),
            Optional.of(new Load(1000, 100, Duration.ofSeconds(30), "autoscale-go.default.example.com"))),
        Arguments.of("hey named in a shell script, -n requests end the run", pod("busybox", null,
            words("/bin/sh", "-c", "hey -n 1000 -c 10 \"http://web.shop\"")),
            Optional.of(new Load(1000, 10, Duration.ofSeconds(1), "web.shop"))),
        Arguments.of("-q limits each worker", pod("busybox", words("/usr/local/bin/hey"),
            words("-z", "1m", "-c", "2", "-q", "5", "http://web")),
            Optional.of(new Load(10, 0.1, Duration.ofMinutes(1), "web"))),
        Arguments.of("defaults: 50 workers, 200 requests", pod("rakyll/hey", null, words("http://10.96.0.20:8080/")),
            Optional.of(new Load(5000, 50, Duration.ofMillis(40), "10.96.0.20"))),
        Arguments.of("no URL", pod("rakyll/hey", null, words("-z", "30s")), Optional.empty()),
        Arguments.of("a bad worker count", pod("rakyll/hey", null, words("-c", "many", "http://web")),
            Optional.empty()),
        Arguments.of("not hey at all", pod("busybox", null, words("/bin/sh", "-c", "sleep 3600")),
            Optional.empty()),
        Arguments.of("an image merely named like it", pod("heyday/app", null, words("http://web")),
            Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void readsTheRun(String name, JsonObject pod, Optional<Load> expected) {
    Optional<Load> load = HeyRun.of(pod).map(run -> new Load(run.requestsPerSecond(), run.concurrency(),
        run.runsFor().orElseThrow(), run.host()));
    assertEquals(expected.isPresent(), load.isPresent(), String.valueOf(load));
    expected.ifPresent(want -> {
      assertEquals(want.requestsPerSecond(), load.get().requestsPerSecond(), 1e-9, "rps");
      assertEquals(want.concurrency(), load.get().concurrency(), 1e-9, "concurrency");
      assertEquals(want.runsFor(), load.get().runsFor(), "runsFor");
      assertEquals(want.host(), load.get().host(), "host");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aRequestLoopIsNotAHeyRunAndAHeyRunIsAClientLoad(String name, JsonObject pod, Optional<Load> expected) {
    assertEquals(expected.isPresent(), ClientLoad.of(pod).filter(HeyRun.class::isInstance).isPresent());
  }
}
