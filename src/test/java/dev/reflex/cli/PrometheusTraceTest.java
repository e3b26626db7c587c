package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.testing.PrometheusTestServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code reflex backtest --prometheus} against a real Prometheus holding two request counters. */
class PrometheusTraceTest {

  private static PrometheusTestServer prometheus;
  private static Instant start;

  @BeforeAll
  static void startPrometheus() throws Exception {
    PrometheusTestServer.requireBinary();
    prometheus = PrometheusTestServer.start();
    // Two pods' counters, 30 and 20 requests per second, scraped every 15 s for the last 20 minutes.
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    start = end.minus(Duration.ofMinutes(20));
    WriteRequest.Builder w = WriteRequest.newBuilder();
    PrometheusTestServer.counter(w, start, end, Duration.ofSeconds(15), "http_requests_total", Map.of("pod", "a"),
        30);
    PrometheusTestServer.counter(w, start, end, Duration.ofSeconds(15), "http_requests_total", Map.of("pod", "b"),
        20);
    prometheus.write(w.build());
  }

  @AfterAll
  static void stop() throws Exception {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  @Test
  void theSummedRateIsTheTrace() {
    Instant from = start.plus(Duration.ofMinutes(5));
    Instant to = start.plus(Duration.ofMinutes(15));
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--prometheus", prometheus.address(),
        "--query", "sum(rate(http_requests_total[1m]))", "--start", from.toString(), "--end", to.toString(),
        "--policies", "hpa", "--json");
    assertEquals(0, r.code(), r.err());
    JsonObject trace = new JsonObject(r.out().strip()).getJsonObject("trace");
    assertEquals("prometheus: sum(rate(http_requests_total[1m]))", trace.getString("name"));
    assertEquals(15, trace.getLong("stepSeconds"));
    assertEquals(from.toString(), trace.getString("start"));
    assertEquals(41 * 15, trace.getLong("seconds"));
    assertEquals(50.0, trace.getDouble("peakRps"), 1e-6);
    assertEquals(50.0, trace.getDouble("meanRps"), 1e-6);
  }

  @Test
  void aQueryOfMoreThanOneSeriesSaysHowToSumIt() {
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--prometheus", prometheus.address(),
        "--query", "rate(http_requests_total[1m])", "--start", start.plus(Duration.ofMinutes(5)).toString(),
        "--end", start.plus(Duration.ofMinutes(6)).toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--query: returned 2 series; the demand is one series (sum it"), r.err());
  }

  @Test
  void anErrorPrometheusAnswersIsShown() {
    ReflexCliTest.Result r = ReflexCliTest.run(Map.of(), "backtest", "--prometheus", prometheus.address(),
        "--query", "sum(rate(", "--start", start.toString(), "--end", start.plus(Duration.ofMinutes(1)).toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("reflex: --prometheus: " + prometheus.address() + ": "), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
