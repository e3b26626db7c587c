package dev.reflex.testing;

import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xerial.snappy.Snappy;

/**
 * Debian's Prometheus ({@code /usr/bin/prometheus}) on a free loopback port with a temporary TSDB and the
 * remote-write receiver on, for tests that need the real query engine. Data goes in through {@link #write}.
 */
public final class PrometheusTestServer implements AutoCloseable {

  public static final Path BINARY = Path.of("/usr/bin/prometheus");

  private final Process process;
  private final Path dir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PrometheusTestServer(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Whether the binary is installed. */
  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Goes on only where the binary is installed: in CI ({@code CI=true}) a missing Prometheus fails the test, since
   * {@code scripts/test} installs it; on a developer's machine the test is skipped, saying why.
   */
  public static void requireBinary() {
    if (available()) {
      return;
    }
    String why = "needs " + BINARY + " (scripts/test installs Debian's prometheus package; or apt-get install "
        + "--no-install-recommends prometheus)";
    if ("true".equals(System.getenv("CI"))) {
      org.junit.jupiter.api.Assertions.fail("CI=true and Prometheus is missing: " + why);
    }
    org.junit.jupiter.api.Assumptions.abort(why);
  }

  /** Starts Prometheus with no scrapes and waits until {@code /-/ready} answers 200. */
  public static PrometheusTestServer start() throws IOException, InterruptedException {
    return start("global:\n  evaluation_interval: 1m\n");
  }

  /**
   * Starts Prometheus with {@code config} as its prometheus.yml (scrape jobs, {@code remote_write}) and waits until
   * {@code /-/ready} answers 200.
   */
  public static PrometheusTestServer start(String config) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("reflex-prometheus");
    Files.writeString(dir.resolve("prometheus.yml"), config);
    int port = freePort();
    Process process = new ProcessBuilder(List.of(BINARY.toString(),
        "--config.file=" + dir.resolve("prometheus.yml"),
        "--storage.tsdb.path=" + dir.resolve("data"),
        "--web.listen-address=127.0.0.1:" + port,
        "--web.enable-remote-write-receiver",
        "--web.enable-lifecycle",
        "--log.level=warn"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("prometheus.log").toFile())
        .start();
    PrometheusTestServer server = new PrometheusTestServer(process, dir, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
      }
      try {
        HttpResponse<String> r = server.http.send(HttpRequest.newBuilder(URI.create(server.address() + "/-/ready"))
            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return server;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    server.close();
    throw new IOException("prometheus not ready after 20 s");
  }

  public String address() {
    return "http://127.0.0.1:" + port;
  }

  /** The Prometheus process, for benchmarks that read its CPU time. */
  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  /** Sends a remote-write request (snappy-compressed protobuf); fails unless Prometheus answers 204. */
  public void write(WriteRequest request) throws IOException, InterruptedException {
    byte[] body = Snappy.compress(request.toByteArray());
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(address() + "/api/v1/write"))
        .header("Content-Encoding", "snappy")
        .header("Content-Type", "application/x-protobuf")
        .header("X-Prometheus-Remote-Write-Version", "0.1.0")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      throw new IOException("remote write answered " + r.statusCode() + ": " + r.body());
    }
  }

  /**
   * Adds a counter growing by {@code perSecond} from 0 at {@code start}, sampled every {@code scrape} up to
   * {@code end}: what a scrape of a steady request counter stores.
   */
  public static void counter(WriteRequest.Builder w, Instant start, Instant end, Duration scrape, String name,
      Map<String, String> labels, double perSecond) {
    TimeSeries.Builder series = TimeSeries.newBuilder();
    series.addLabels(Label.newBuilder().setName("__name__").setValue(name));
    new TreeMap<>(labels).forEach((k, v) -> series.addLabels(Label.newBuilder().setName(k).setValue(v)));
    for (long t = start.toEpochMilli(); t <= end.toEpochMilli(); t += scrape.toMillis()) {
      series.addSamples(Sample.newBuilder().setTimestamp(t).setValue(perSecond * (t - start.toEpochMilli()) / 1000.0));
    }
    w.addTimeseries(series);
  }

  /** Stops the process (keeps the data directory until {@link #close}). */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  /** Stops the process and deletes its data; an interrupt while waiting for the process is kept for the caller. */
  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
