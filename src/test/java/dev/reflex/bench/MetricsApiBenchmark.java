package dev.reflex.bench;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.Codecs;
import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import dev.reflex.custommetrics.MetricsApiVerticle;
import dev.reflex.metrics.prometheus.AdapterConfig;
import dev.reflex.metrics.prometheus.AdapterConfigParser;
import dev.reflex.metrics.prometheus.ObjectLister;
import dev.reflex.metrics.prometheus.PrometheusClient;
import dev.reflex.metrics.prometheus.PrometheusMetricHistory;
import dev.reflex.metrics.prompb.Label;
import dev.reflex.metrics.prompb.Sample;
import dev.reflex.metrics.prompb.TimeSeries;
import dev.reflex.metrics.prompb.WriteRequest;
import dev.reflex.objects.Quantity;
import dev.reflex.testing.PrometheusTestServer;
import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an HPA gets from Reflex's custom metrics API: Reflex answering from streamed samples against Reflex
 * answering over Prometheus (a real one on loopback, through a prometheus-adapter rule), the same samples going to
 * both, in one run.
 *
 * <ul>
 *   <li>Every {@code BENCH_INTERVAL_MS} (1000; a scrape interval) a sample for each of 20 pods is written, its value
 *       the sample's sequence number, so an answer says which sample it reflects: to Prometheus through its
 *       remote-write receiver, and to Reflex on its bus (the message the remote-write receiver publishes).</li>
 *   <li><b>Pipeline</b>: from the sample's timestamp to the first answer showing it (polled every 2 ms).</li>
 *   <li><b>Value age</b>: at random read times, as an HPA's sync falls, answer time minus the timestamp of the
 *       sample the answer reflects (the pipeline plus the time since the last sample).</li>
 *   <li><b>Throughput</b>: {@code pods/*}{@code /bench_rps} for 20 pods by label selector, 16 requests in flight for
 *       {@code BENCH_SECONDS} (5 s) per source: answers per second per CPU-second of this JVM (client and server),
 *       and, over Prometheus, per CPU-second of this JVM plus Prometheus.</li>
 * </ul>
 * The final line of {@code -Dbench.out} is one JSON object.
 */
public final class MetricsApiBenchmark {

  private static final int PODS = 20;
  private static final String RULE = """
      rules:
      - seriesQuery: 'bench_rps{namespace!="",pod!=""}'
        resources:
          overrides:
            namespace: {resource: namespace}
            pod: {resource: pod}
        metricsQuery: sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)
      """;
  private static final String STREAMED = "streamed";
  private static final String PROMETHEUS = "prometheus";

  private final Vertx vertx = Vertx.vertx();
  private final Map<Long, Long> streamedTimes = new ConcurrentHashMap<>();
  private final Map<Long, Long> prometheusTimes = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private PrometheusTestServer prometheus;
  private MetricsApiVerticle api;
  private HttpClient client;

  public static void main(String[] args) throws Exception {
    MetricsApiBenchmark bench = new MetricsApiBenchmark();
    try {
      String interval = env("BENCH_INTERVAL_MS", "1000");
      JsonObject result = bench.run(Duration.ofMillis(Long.parseLong(interval)),
          Integer.parseInt(env("BENCH_SAMPLES", "30")), Integer.parseInt(env("BENCH_SECONDS", "5")));
      String line = result.put("command", "scripts/bench-custom-metrics").encode();
      System.err.println(line);
      Files.writeString(Path.of(System.getProperty("bench.out", "target/bench-custom-metrics.json")), line + "\n");
    } finally {
      bench.close();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  JsonObject run(Duration interval, int samples, int seconds) throws Exception {
    prometheus = PrometheusTestServer.start();
    Codecs.register(vertx.eventBus());
    AdapterConfig config = AdapterConfigParser.parse(RULE, "bench rule");
    List<String> podNames = new ArrayList<>();
    for (int i = 0; i < PODS; i++) {
      podNames.add("web-" + i);
    }
    ObjectLister lister = (kind, namespace, selector) -> Future.succeededFuture(podNames);
    PrometheusMetricHistory history = new PrometheusMetricHistory(new PrometheusClient(vertx, prometheus.address(),
        Duration.ofSeconds(5)), config, lister, Clock.systemUTC());
    ServingCertificates certificate = ServingCertificates.issue(List.of("localhost"), List.of(), Instant.now());
    api = new MetricsApiVerticle(new MetricsApiVerticle.Options("127.0.0.1", 0, new MetricsApiVerticle.Tls(
        certificate.certificatePem(), certificate.privateKeyPem()), Duration.ofMinutes(5), 100_000),
        namespace -> podNames.stream().map(p -> pod(namespace, p)).toList(), history, true, Clock.systemUTC());
    vertx.deployVerticle(api).await(10, TimeUnit.SECONDS);
    client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true).setKeepAlive(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(certificate.caPem()))),
        new PoolOptions().setHttp1MaxSize(16));

    // Warm-up: the first answers pay for class loading, JIT and the TLS handshakes; they are not counted.
    for (int i = 0; i < 3; i++) {
      long seq = sequence.incrementAndGet();
      untilSeen(STREAMED, seq, writeStreamed(podNames, seq));
      untilSeen(PROMETHEUS, seq, writePrometheus(podNames, seq));
    }
    Latencies streamedPipeline = new Latencies();
    Latencies prometheusPipeline = new Latencies();
    Latencies streamedAge = new Latencies();
    Latencies prometheusAge = new Latencies();
    for (int i = 0; i < samples; i++) {
      long seq = sequence.incrementAndGet();
      // Each source is stamped and timed on its own, so neither's pipeline includes the other's write.
      long streamedAt = writeStreamed(podNames, seq);
      streamedPipeline.record(untilSeen(STREAMED, seq, streamedAt));
      long prometheusAt = writePrometheus(podNames, seq);
      prometheusPipeline.record(untilSeen(PROMETHEUS, seq, prometheusAt));
      // Reads at random points of the interval, as HPA syncs fall.
      long end = streamedAt + interval.toMillis();
      while (true) {
        long at = System.currentTimeMillis() + ThreadLocalRandom.current().nextLong(interval.toMillis() / 4 + 1);
        if (at >= end) {
          break;
        }
        Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
        age(STREAMED, streamedTimes, streamedAge);
        age(PROMETHEUS, prometheusTimes, prometheusAge);
      }
      Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
    }

    JsonObject streamedRate = throughput(STREAMED, seconds, false);
    JsonObject prometheusRate = throughput(PROMETHEUS, seconds, true);
    return new JsonObject().put("benchmark", "custom-metrics").put("pods", PODS)
        .put("sampleIntervalMs", interval.toMillis()).put("samples", samples)
        .put("streamed", streamedPipeline.summary("pipeline").mergeIn(streamedAge.summary("valueAge"))
            .mergeIn(streamedRate))
        .put("overPrometheus", prometheusPipeline.summary("pipeline").mergeIn(prometheusAge.summary("valueAge"))
            .mergeIn(prometheusRate));
  }

  /** Publishes sample number {@code seq} of every pod on the bus, as the remote-write receiver does; its time. */
  private long writeStreamed(List<String> pods, long seq) {
    long now = System.currentTimeMillis();
    streamedTimes.put(seq, now);
    List<SampleMessage.PodSample> streamed = new ArrayList<>();
    for (String pod : pods) {
      streamed.add(new SampleMessage.PodSample("namespace=" + STREAMED + ",pod=" + pod, pod, now, seq));
    }
    vertx.eventBus().publish(Addresses.METRICS_SAMPLE, new SampleMessage.Batch(new TargetKey(STREAMED, "web"),
        "Deployment", "bench_rps", streamed, "bench", Instant.ofEpochMilli(now)));
    return now;
  }

  /** Remote-writes sample number {@code seq} of every pod to Prometheus; its time. */
  private long writePrometheus(List<String> pods, long seq) throws Exception {
    long now = System.currentTimeMillis();
    prometheusTimes.put(seq, now);
    WriteRequest.Builder request = WriteRequest.newBuilder();
    for (String pod : pods) {
      request.addTimeseries(TimeSeries.newBuilder()
          .addLabels(Label.newBuilder().setName("__name__").setValue("bench_rps"))
          .addLabels(Label.newBuilder().setName("namespace").setValue(PROMETHEUS))
          .addLabels(Label.newBuilder().setName("pod").setValue(pod))
          .addSamples(Sample.newBuilder().setTimestamp(now).setValue(seq)));
    }
    prometheus.write(request.build());
    return now;
  }

  /** Polls every 2 ms until the answer of {@code namespace} reflects sample {@code seq}: nanoseconds since written. */
  private long untilSeen(String namespace, long seq, long writtenAt) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (valueOf(namespace) < seq) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(namespace + " never answered sample " + seq);
      }
      Thread.sleep(2);
    }
    return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - writtenAt);
  }

  /** The smallest sample number among the pods' values now (-1 when the answer has none). */
  private long valueOf(String namespace) throws Exception {
    JsonArray items = get(namespace).getJsonArray("items", new JsonArray());
    if (items.size() < PODS) {
      return -1;
    }
    long lowest = Long.MAX_VALUE;
    for (int i = 0; i < items.size(); i++) {
      lowest = Math.min(lowest, Math.round(Quantity.parseMilli(items.getJsonObject(i).getString("value")) / 1000.0));
    }
    return lowest;
  }

  private void age(String namespace, Map<Long, Long> writtenAt, Latencies ages) throws Exception {
    long seq = valueOf(namespace);
    Long written = writtenAt.get(seq);
    if (written != null) {
      ages.record(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - written));
    }
  }

  private JsonObject get(String namespace) throws Exception {
    return request(namespace).await(10, TimeUnit.SECONDS);
  }

  private Future<JsonObject> request(String namespace) {
    return client.request(HttpMethod.GET, api.port(), "localhost", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/"
        + namespace + "/pods/*/bench_rps?labelSelector=app%3Dweb").compose(r -> r.send())
        .compose(response -> response.body().map(body -> response.statusCode() == 200
            ? new JsonObject(body.toString()) : new JsonObject()));
  }

  /** Answers per second with 16 in flight, and per CPU-second (this JVM; plus Prometheus when it answers). */
  private JsonObject throughput(String namespace, int seconds, boolean countPrometheus) throws Exception {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    long promBefore = countPrometheus ? prometheusCpuNanos() : 0;
    long start = System.nanoTime();
    long stopAt = start + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong answered = new AtomicLong();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      loops.add(loop(namespace, stopAt, answered));
    }
    Future.all(loops).await(seconds + 30L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
    double promCpu = countPrometheus ? (prometheusCpuNanos() - promBefore) / 1e9 : 0;
    JsonObject out = new JsonObject().put("answersPerSecond", BenchCluster.round(answered.get() / elapsed, 1))
        .put("answersPerCpuSecond", BenchCluster.round(answered.get() / cpu, 1));
    if (countPrometheus) {
      out.put("answersPerCpuSecondWithPrometheus", BenchCluster.round(answered.get() / (cpu + promCpu), 1));
    }
    return out;
  }

  private Future<Void> loop(String namespace, long stopAt, AtomicLong answered) {
    if (System.nanoTime() >= stopAt) {
      return Future.succeededFuture();
    }
    return request(namespace).compose(body -> {
      if (body.getJsonArray("items", new JsonArray()).size() == PODS) {
        answered.incrementAndGet();
      }
      return loop(namespace, stopAt, answered);
    });
  }

  /** utime + stime of the Prometheus process, from /proc (clock ticks of 10 ms on Linux). */
  private long prometheusCpuNanos() throws Exception {
    String stat = Files.readString(Path.of("/proc/" + prometheus.pid() + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks * 10_000_000L;
  }

  private static JsonObject pod(String namespace, String name) {
    return new JsonObject().put("metadata", new JsonObject().put("name", name).put("namespace", namespace)
        .put("labels", new JsonObject().put("app", "web")));
  }

  private void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    if (prometheus != null) {
      prometheus.close();
    }
  }
}
