package dev.reflex.bench;

import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code scripts/bench-ingest}: samples per CPU-second through remote-write, Reflex against Prometheus 2.42's own
 * receiver ({@code --web.enable-remote-write-receiver}), on identical payloads, one after the other in one run.
 *
 * <p>The payload: W workloads × P pods × 2 metrics ({@code concurrency}, which Reflex's streamed KPA keeps in
 * windows, and {@code rps}, which it only routes), 500 series per request as Prometheus batches them, one sample per
 * series per round, rounds one second apart in sample time. Both servers first get the same warm-up rounds
 * (JIT, series creation), then the measured rounds; each server's CPU time (user + system, from
 * {@code /proc/PID/stat}) is read before and after the measured rounds. Both run as separate processes on
 * loopback; the client runs in this JVM and is not counted. Prints one JSON line of figures last.
 */
public final class IngestBench {

  static final int SERIES_PER_REQUEST = 500;
  static final int IN_FLIGHT = 4;

  private IngestBench() {
  }

  static String podName(int workload, int pod) {
    return "app-" + workload + "-" + Integer.toHexString(0x10000 + pod * 7919) + "-" + pod;
  }

  public static void main(String[] args) throws Exception {
    int workloads = Integer.parseInt(env("BENCH_WORKLOADS", "100"));
    int pods = Integer.parseInt(env("BENCH_PODS", "50"));
    // Reflex runs on a JIT: the warm-up must be long enough for C2 to finish compiling the request path, or the
    // measured CPU includes compiler threads (with 30 warm-up rounds they took over a third of it). Prometheus
    // gets the very same rounds.
    int warmupRounds = Integer.parseInt(env("BENCH_WARMUP_ROUNDS", "300"));
    int rounds = Integer.parseInt(env("BENCH_ROUNDS", "150"));
    String prometheus = env("PROMETHEUS", "/usr/bin/prometheus");
    String classpath = System.getProperty("java.class.path");
    long base = System.currentTimeMillis() - (warmupRounds + rounds + 60) * 1000L;

    List<List<byte[]>> payload = new ArrayList<>();
    for (int r = 0; r < warmupRounds + rounds; r++) {
      payload.add(round(workloads, pods, base + r * 1000L, r));
    }
    long samplesPerRound = 2L * workloads * pods;

    Path dir = Files.createTempDirectory("bench-ingest");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("benchmark", "ingest");
    figures.put("seriesPerRound", samplesPerRound);
    figures.put("measuredRounds", rounds);
    figures.put("samplesMeasured", samplesPerRound * rounds);

    // Reflex
    int reflexPort = freePort();
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
    String javaOpts = env("BENCH_JAVA_OPTS", "");
    if (!javaOpts.isBlank()) {
      command.addAll(List.of(javaOpts.trim().split("\\s+")));
    }
    command.addAll(List.of("-cp", classpath, IngestBenchServer.class.getName(), "" + reflexPort, "" + workloads,
        "" + pods));
    Process reflex = new ProcessBuilder(command).redirectErrorStream(true).start();
    Map<String, Object> reflexFigures;
    try {
      awaitLine(reflex, "READY");
      String url = "http://127.0.0.1:" + reflexPort;
      long heapBefore = Long.parseLong(get(url + "/bench/heap"));
      reflexFigures = measure(reflex.pid(), url + "/api/v1/write", payload, warmupRounds, samplesPerRound);
      long heapAfter = Long.parseLong(get(url + "/bench/heap"));
      long activeSeries = (long) workloads * pods; // the concurrency series held in the streamed KPA's windows
      reflexFigures.put("heapBytesPerActiveSeries", Math.round((heapAfter - heapBefore) / (double) activeSeries));
      reflexFigures.put("activeSeries", activeSeries);
      reflexFigures.put("stats", get(url + "/bench/stats"));
    } finally {
      reflex.destroy();
      reflex.waitFor(10, TimeUnit.SECONDS);
    }

    // Prometheus
    Map<String, Object> promFigures = null;
    if (Files.isExecutable(Path.of(prometheus))) {
      int promPort = freePort();
      Path config = dir.resolve("prometheus.yml");
      Files.writeString(config, "global:\n  scrape_interval: 1m\n");
      Process prom = new ProcessBuilder(prometheus, "--config.file=" + config,
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
          "--web.enable-remote-write-receiver").redirectErrorStream(true)
          .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
      try {
        String url = "http://127.0.0.1:" + promPort;
        awaitReady(url + "/-/ready");
        promFigures = measure(prom.pid(), url + "/api/v1/write", payload, warmupRounds, samplesPerRound);
        promFigures.put("version", "2.42 (" + prometheus + ")");
      } finally {
        prom.destroy();
        prom.waitFor(15, TimeUnit.SECONDS);
      }
    } else {
      System.err.println("bench-ingest: " + prometheus + " not found, Prometheus side skipped");
    }

    figures.put("reflex", reflexFigures);
    figures.put("prometheus", promFigures);
    double reflexRate = (Double) reflexFigures.get("samplesPerCpuSecond");
    figures.put("reflexSamplesPerCpuSecond", reflexRate);
    if (promFigures != null) {
      double promRate = (Double) promFigures.get("samplesPerCpuSecond");
      figures.put("prometheusSamplesPerCpuSecond", promRate);
      figures.put("ratio", Math.round(reflexRate / promRate * 100) / 100.0);
    }
    figures.put("heapBytesPerActiveSeries", reflexFigures.get("heapBytesPerActiveSeries"));
    figures.put("command", "scripts/bench-ingest");
    System.out.println(toJson(figures));
  }

  /** One round: every series once, in requests of {@value #SERIES_PER_REQUEST} series. */
  static List<byte[]> round(int workloads, int pods, long ts, int round) {
    List<RawSeries> all = new ArrayList<>();
    for (int w = 0; w < workloads; w++) {
      for (int p = 0; p < pods; p++) {
        String pod = podName(w, p);
        double v = (w + p + round) % 17;
        all.add(RemoteWriteEncoder.series(ts, v, "__name__", "concurrency", "instance", "10.0." + w + "." + p
            + ":8080", "job", "bench", "namespace", "bench", "pod", pod));
        all.add(RemoteWriteEncoder.series(ts, v * 10, "__name__", "rps", "instance", "10.0." + w + "." + p
            + ":8080", "job", "bench", "namespace", "bench", "pod", pod));
      }
    }
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < all.size(); i += SERIES_PER_REQUEST) {
      requests.add(RemoteWriteEncoder.encode(all.subList(i, Math.min(all.size(), i + SERIES_PER_REQUEST))));
    }
    return requests;
  }

  static Map<String, Object> measure(long pid, String url, List<List<byte[]>> payload, int warmupRounds,
      long samplesPerRound) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicInteger failures = new AtomicInteger();
    send(client, url, payload.subList(0, warmupRounds), failures);
    Thread.sleep(1000);
    long cpuBefore = cpuTicks(pid);
    Map<String, Long> threadsBefore = threadTicks(pid);
    long wallBefore = System.nanoTime();
    send(client, url, payload.subList(warmupRounds, payload.size()), failures);
    double wall = (System.nanoTime() - wallBefore) / 1e9;
    Thread.sleep(500); // asynchronous work after the last answer (the KPA's windows) is counted too
    long cpuAfter = cpuTicks(pid);
    Map<String, Long> threads = threadTicks(pid);
    Map<String, Long> busy = new java.util.TreeMap<>();
    threads.forEach((name, ticks) -> {
      long used = ticks - threadsBefore.getOrDefault(name, 0L);
      if (used > 0) {
        busy.merge(name.replaceAll("[0-9]+", "#"), used, Long::sum);
      }
    });
    Map<String, Object> byThread = new LinkedHashMap<>();
    busy.forEach((name, ticks) -> byThread.put(name.replace("@#", ""), ticks / 100.0));
    double cpuSeconds = (cpuAfter - cpuBefore) / 100.0;
    long samples = samplesPerRound * (payload.size() - warmupRounds);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cpuSeconds", cpuSeconds);
    out.put("wallSeconds", Math.round(wall * 1000) / 1000.0);
    out.put("samplesPerCpuSecond", Math.round(samples / cpuSeconds * 10) / 10.0);
    out.put("failedRequests", failures.get());
    out.put("cpuSecondsByThread", byThread);
    return out;
  }

  static void send(HttpClient client, String url, List<List<byte[]>> rounds, AtomicInteger failures)
      throws Exception {
    Semaphore window = new Semaphore(IN_FLIGHT);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (List<byte[]> round : rounds) {
      for (byte[] body : round) {
        window.acquire();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
            .header("Content-Encoding", "snappy").header("Content-Type", "application/x-protobuf")
            .header("X-Prometheus-Remote-Write-Version", "0.1.0")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        all.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          window.release();
          if (e != null || r.statusCode() / 100 != 2) {
            if (failures.getAndIncrement() == 0) {
              System.err.println("bench-ingest: " + url + " answered " + (e != null ? e : r.statusCode() + " "
                  + r.body()));
            }
          }
        }));
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
  }

  /** utime + stime per thread (keyed by name and id), in clock ticks. */
  static Map<String, Long> threadTicks(long pid) throws IOException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks.toList()) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          out.put(name + "@" + task.getFileName(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException e) {
          // the thread ended
        }
      }
    }
    return out;
  }

  /** utime + stime of a process, in clock ticks (1/100 s on Linux). */
  static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static void awaitLine(Process process, String prefix) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith(prefix)) {
        Thread drain = new Thread(() -> {
          try {
            while (reader.readLine() != null) {
              // discard the server's log
            }
          } catch (IOException ignored) {
            // process ended
          }
        });
        drain.setDaemon(true);
        drain.start();
        return;
      }
      System.err.println("reflex: " + line);
    }
    throw new IOException("the Reflex bench server exited before it was ready");
  }

  static void awaitReady(String url) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IOException(url + " not ready after 30 s");
  }

  static String get(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @SuppressWarnings("unchecked")
  static String toJson(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      ((Map<String, Object>) map).forEach((k, v) -> {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append('"').append(k).append("\":").append(toJson(v));
      });
      return sb.append('}').toString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = value.toString();
    if (s.startsWith("{")) {
      return s; // already JSON (the server's stats)
    }
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
