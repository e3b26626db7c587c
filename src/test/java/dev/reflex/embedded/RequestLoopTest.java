package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which pods the simulated kubelet reads as a request loop, and at what rate to which Service. */
class RequestLoopTest {

  private static JsonObject pod(JsonArray command, JsonArray args) {
    JsonObject container = new JsonObject().put("name", "load-generator").put("image", "busybox:1.28");
    if (command != null) {
      container.put("command", command);
    }
    if (args != null) {
      container.put("args", args);
    }
    return new JsonObject().put("metadata", new JsonObject().put("name", "load-generator").put("namespace", "shop"))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(container)));
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        // kubectl run ... -- /bin/sh -c "..." puts everything after -- into args.
        Arguments.of("seed 001's load generator", pod(null, new JsonArray().add("/bin/sh").add("-c")
            .add("while sleep 0.01; do wget -q -O- http://php-apache; done")),
            Optional.of(new RequestLoop(100, "php-apache", "shop", false))),
        Arguments.of("the same in command", pod(new JsonArray().add("sh").add("-c")
            .add("while sleep 0.5; do wget -q -O- http://php-apache; done"), null),
            Optional.of(new RequestLoop(2, "php-apache", "shop", false))),
        Arguments.of("curl, a port, a path and another namespace", pod(null, new JsonArray().add("/bin/sh")
            .add("-c").add("while sleep 1; do curl -s http://web.prod.svc.cluster.local:8080/index.html; done")),
            Optional.of(new RequestLoop(1, "web.prod.svc.cluster.local", "shop", false))),
        Arguments.of("sleep 0 is bounded at 1,000 requests per second", pod(null, new JsonArray().add("/bin/sh")
            .add("-c").add("while sleep 0; do wget -q -O- http://php-apache; done")),
            Optional.of(new RequestLoop(1000, "php-apache", "shop", false))),
        Arguments.of("seed 000's loop: a ClusterIP and port, the output discarded", pod(null, new JsonArray()
            .add("/bin/sh").add("-c").add("while sleep 0.01; do wget -q -O- http://10.96.0.12:80 > /dev/null; done")),
            Optional.of(new RequestLoop(100, "10.96.0.12", "shop", true))),
        Arguments.of("no command: an ordinary pod", pod(null, null), Optional.empty()),
        Arguments.of("a loop that requests nothing", pod(null, new JsonArray().add("/bin/sh").add("-c")
            .add("while sleep 1; do date; done")), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reads(String name, JsonObject pod, Optional<RequestLoop> expected) {
    assertEquals(expected, RequestLoop.of(pod));
  }

  static Stream<Arguments> hosts() {
    return Stream.of(
        Arguments.of("php-apache", false, "php-apache", "shop"),
        Arguments.of("web.prod.svc.cluster.local", false, "web", "prod"),
        Arguments.of("10.96.0.12", true, "10", "96"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hosts")
  void resolvesTheServiceByNameOrClusterIp(String host, boolean byIp, String name, String namespace) {
    RequestLoop loop = new RequestLoop(1, host, "shop", false);
    assertEquals(byIp, loop.byClusterIp());
    if (!byIp) {
      assertEquals(name, loop.serviceName());
      assertEquals(namespace, loop.serviceNamespace());
    }
  }
}
