package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Available condition of APIServices. */
class ApiServiceAvailabilityTest {

  static Stream<Arguments> checks() {
    return Stream.of(
        Arguments.of(new ApiServiceAvailability.Local(), "True", "Local", "Local APIServices are always available"),
        Arguments.of(new ApiServiceAvailability.Passed(), "True", "Passed", "all checks passed"),
        Arguments.of(new ApiServiceAvailability.ServiceNotFound("monitoring", "metrics"), "False",
            "ServiceNotFound", "service/metrics in \"monitoring\" is not present"),
        Arguments.of(new ApiServiceAvailability.ServicePortError("monitoring", "metrics", 443), "False",
            "ServicePortError", "service/metrics in \"monitoring\" is not listening on port 443"),
        Arguments.of(new ApiServiceAvailability.FailedDiscovery("failing or missing response from x: bad status"),
            "False", "FailedDiscoveryCheck", "failing or missing response from x: bad status"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("checks")
  void eachCheckHasKubesReasonAndMessage(ApiServiceAvailability.Check check, String status, String reason,
      String message) {
    assertEquals(new JsonObject().put("type", "Available").put("status", status).put("reason", reason)
        .put("message", message), ApiServiceAvailability.condition(check));
  }

  @Test
  void theTransitionTimeMovesOnlyWhenTheStatusChanges() {
    Instant first = Instant.parse("2025-01-01T00:00:00.250Z");
    Instant later = Instant.parse("2025-01-01T00:05:00Z");
    JsonObject missing = ApiServiceAvailability.status(null,
        new ApiServiceAvailability.ServiceNotFound("m", "s"), first);
    JsonObject stillMissing = ApiServiceAvailability.status(missing,
        new ApiServiceAvailability.FailedDiscovery("down"), later);
    JsonObject passed = ApiServiceAvailability.status(stillMissing, new ApiServiceAvailability.Passed(), later);
    assertEquals(new JsonObject().put("conditions", new JsonArray().add(new JsonObject().put("type", "Available")
        .put("status", "False").put("lastTransitionTime", "2025-01-01T00:00:00Z").put("reason", "ServiceNotFound")
        .put("message", "service/s in \"m\" is not present"))), missing);
    assertEquals("2025-01-01T00:00:00Z", stillMissing.getJsonArray("conditions").getJsonObject(0)
        .getString("lastTransitionTime"));
    assertEquals("FailedDiscoveryCheck", stillMissing.getJsonArray("conditions").getJsonObject(0)
        .getString("reason"));
    assertEquals(new JsonObject().put("type", "Available").put("status", "True")
        .put("lastTransitionTime", "2025-01-01T00:05:00Z").put("reason", "Passed")
        .put("message", "all checks passed"), passed.getJsonArray("conditions").getJsonObject(0));
    assertEquals(true, ApiServiceAvailability.isAvailable(new JsonObject().put("status", passed)));
    assertEquals(false, ApiServiceAvailability.isAvailable(new JsonObject().put("status", missing)));
    assertEquals(false, ApiServiceAvailability.isAvailable(new JsonObject()));
  }
}
