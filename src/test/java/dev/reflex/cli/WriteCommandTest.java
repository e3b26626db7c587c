package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code reflex write} against a receiver that answers as Reflex's {@code /api/v1/write} does, decoding what it got
 * with Reflex's own remote-write decoder.
 */
class WriteCommandTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private Vertx vertx;
  private HttpServer server;
  private final List<List<RawSeries>> received = new CopyOnWriteArrayList<>();
  private final List<String> headers = new CopyOnWriteArrayList<>();
  private volatile int status = 204;

  @BeforeEach
  void receiver() throws Exception {
    vertx = Vertx.vertx();
    server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      headers.add(req.method() + " " + req.path() + " " + req.getHeader("Content-Encoding") + " "
          + req.getHeader("Content-Type") + " " + req.getHeader("X-Prometheus-Remote-Write-Version"));
      try {
        received.add(RemoteWriteDecoder.decodeSnappy(body.getBytes(), 1 << 20));
      } catch (Exception e) {
        req.response().setStatusCode(500).end(e.toString());
        return;
      }
      req.response().setStatusCode(status).end(status == 204 ? "" : "queue is full");
    })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private int write(List<String> args, String stdin, PrintStream err, Clock clock, int writes) {
    Options options = Options.parse("write", args, Set.of("url", "every", "file"), Set.of("help"));
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return WriteCommand.run(options, in, System.out, err, clock, d -> { }, writes);
  }

  private String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  @Test
  void aTypedSampleIsRemoteWrittenOnceStampedNow() {
    int exit = write(List.of("http_index_qps{namespace=\"demo-prod\",env=\"demo-prod\"} 700", "--url", url()), "",
        System.err, Clock.fixed(T0, ZoneOffset.UTC), 1);
    assertEquals(0, exit);
    assertEquals(List.of("POST /api/v1/write snappy application/x-protobuf 0.1.0"), headers);
    RawSeries series = received.get(0).get(0);
    // Labels sorted by name, as Prometheus sends them.
    assertEquals(List.of("__name__", "env", "namespace"), List.of(series.names()));
    assertEquals(List.of("http_index_qps", "demo-prod", "demo-prod"), List.of(series.values()));
    assertEquals(700, series.samples()[0]);
    assertEquals(T0.toEpochMilli(), series.timestamps()[0]);
  }

  @Test
  void everyIntervalWritesAgainWithFreshTimestamps() {
    Clock ticking = new Clock() {
      private int calls;

      @Override
      public Instant instant() {
        return T0.plusSeconds(calls++);
      }

      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = write(List.of("--every", "1s", "--url", url(), "--file", "-"),
        "# TYPE rps gauge\nrps{namespace=\"default\",pod=\"nginx-0\"} 12\n"
            + "rps{namespace=\"default\",pod=\"nginx-1\"} 8\n",
        new PrintStream(err, true, StandardCharsets.UTF_8), ticking, 3);
    assertEquals(0, exit);
    assertEquals(3, received.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(2, received.get(i).size());
      assertEquals(T0.plusSeconds(i).toEpochMilli(), received.get(i).get(1).timestamps()[0]);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("2 series to " + url() + "/api/v1/write every 1s"));
  }

  @Test
  void aRefusedWriteIsReportedWithReflexsAnswer() {
    status = 503;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = write(List.of("rps{namespace=\"default\",pod=\"nginx-0\"} 12", "--url", url()), "",
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(T0, ZoneOffset.UTC), 1);
    assertEquals(1, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("answered 503: queue is full"), err::toString);
  }

  @Test
  void badInputIsAUsageErrorBeforeAnythingIsSent() {
    Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    assertTrue(assertThrows(UsageException.class, () -> write(List.of("rps{pod=a} 1", "--url", url()), "",
        System.err, clock, 1)).getMessage().contains("not a sample in Prometheus' text format: line 1"));
    assertTrue(assertThrows(UsageException.class, () -> write(List.of("--url", url()), "# only a comment\n",
        System.err, clock, 1)).getMessage().contains("no samples to write"));
    assertTrue(assertThrows(UsageException.class, () -> write(List.of("rps 1", "--every", "0s", "--url", url()),
        "", System.err, clock, 1)).getMessage().contains("--every: must be more than 0"));
    assertEquals(List.of(), received);
  }
}
