package dev.reflex.metrics.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.bus.SampleMessage;
import dev.reflex.metrics.routing.InMemoryPodDirectory;
import dev.reflex.metrics.routing.RoutingRules;
import dev.reflex.metrics.routing.SampleRouter;
import dev.reflex.metrics.routing.WorkloadRef;
import dev.reflex.testing.Eventually;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real in-process KRaft broker delivers samples as JSON lines and as (snappy) protobuf. */
class KafkaIngestTest {

  static final WorkloadRef WEB = new WorkloadRef("Deployment", "shop", "web");
  static final String TOPIC = "reflex-metrics";
  static final long T0 = 1_767_225_600_000L;

  static KafkaClusterTestKit cluster;
  static KafkaProducer<byte[], byte[]> producer;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder().setCombined(true)
        .setNumBrokerNodes(1).setNumControllerNodes(1).build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("offsets.topic.num.partitions", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0").build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", cluster.bootstrapServers());
    props.put("key.serializer", ByteArraySerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    producer = new KafkaProducer<>(props);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (producer != null) {
      producer.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Sends sample i of pod in one of three forms, keyed by pod so a pod's samples share a partition. */
  static void send(int i, String pod) throws Exception {
    long ts = T0 + i * 1000L;
    String key = pod;
    ProducerRecord<byte[], byte[]> record;
    switch (i % 3) {
      case 0 -> record = new ProducerRecord<>(TOPIC, key.getBytes(), ("{\"labels\":{\"__name__\":\"concurrency\","
          + "\"namespace\":\"shop\",\"pod\":\"" + pod + "\"},\"timestamp\":" + ts + ",\"value\":" + i + "}\n")
          .getBytes(StandardCharsets.UTF_8));
      case 1 -> {
        record = new ProducerRecord<>(TOPIC, key.getBytes(), RemoteWriteEncoder.encode(List.of(
            RemoteWriteEncoder.series(ts, i, "__name__", "concurrency", "namespace", "shop", "pod", pod))));
        record.headers().add(new RecordHeader("content-type", "application/x-protobuf".getBytes()));
        record.headers().add(new RecordHeader("content-encoding", "snappy".getBytes()));
      }
      default -> record = new ProducerRecord<>(TOPIC, key.getBytes(), RemoteWriteEncoder.request(List.of(
          RemoteWriteEncoder.series(ts, i, "__name__", "concurrency", "namespace", "shop", "pod", pod)))
          .toByteArray());
    }
    producer.send(record).get();
  }

  @Test
  void samplesInBothFormsArriveInPartitionOrderAndARestartLosesNone() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      IngestMeters meters = new IngestMeters(registry);
      InMemoryPodDirectory pods = new InMemoryPodDirectory().put("shop", "web-0", WEB, true)
          .put("shop", "web-1", WEB, true);
      List<SampleMessage.Batch> seen = new CopyOnWriteArrayList<>();
      AtomicBoolean failOnce = new AtomicBoolean(true);
      SampleIngest ingest = new SampleIngest(new SampleRouter(RoutingRules.defaults(), pods), meters, batch -> {
        // One transient failure: the record must be retried, not skipped or committed.
        if (batch.samples().get(0).value() == 7 && failOnce.getAndSet(false)) {
          throw new IllegalStateException("simulated hiccup");
        }
        seen.add(batch);
      });
      for (int i = 0; i < 20; i++) {
        send(i, i % 2 == 0 ? "web-0" : "web-1");
      }
      // A poison record: counted and skipped, it must not stall the partition.
      producer.send(new ProducerRecord<>(TOPIC, "web-0".getBytes(), "{not json".getBytes())).get();

      DeploymentOptions worker = new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER);
      String first = vertx.deployVerticle(consumer(ingest, registry), worker).await();
      Eventually.until(Duration.ofSeconds(30), "the first 20 samples", () -> values(seen).size() == 20);
      vertx.undeploy(first).await();

      for (int i = 20; i < 40; i++) {
        send(i, i % 2 == 0 ? "web-0" : "web-1");
      }
      int beforeRestart = seen.size();
      vertx.deployVerticle(consumer(ingest, registry), worker).await();
      Eventually.until(Duration.ofSeconds(30), "all 40 samples after the restart", () -> values(seen).size() == 40);

      Set<Double> afterRestart = values(seen.subList(beforeRestart, seen.size()));
      assertTrue(afterRestart.stream().allMatch(v -> v >= 20),
          "offsets were committed before the restart, so nothing old is read again: " + afterRestart);
      assertEquals(1.0, registry.get("reflex.kafka.records").tag("outcome", "malformed").counter().count());
      assertEquals(1.0, registry.get("reflex.kafka.records").tag("outcome", "retried").counter().count());
      // Per-pod (per-partition) order: timestamps of each pod only ever increase.
      Map<String, Long> last = new ConcurrentHashMap<>();
      for (SampleMessage.Batch b : seen) {
        for (SampleMessage.PodSample s : b.samples()) {
          Long previous = last.put(s.pod(), s.timestampMillis());
          assertTrue(previous == null || previous < s.timestampMillis(), "order of " + s.pod());
        }
      }
    } finally {
      vertx.close().await();
    }
  }

  static KafkaIngestVerticle consumer(SampleIngest ingest, SimpleMeterRegistry registry) {
    return new KafkaIngestVerticle(cluster.bootstrapServers(), List.of(TOPIC), "reflex-test",
        Map.of("auto.offset.reset", "earliest"), ingest, 1 << 20, registry, Clock.systemUTC());
  }

  static Set<Double> values(List<SampleMessage.Batch> batches) {
    Set<Double> values = new HashSet<>();
    batches.forEach(b -> b.samples().forEach(s -> values.add(s.value())));
    return values;
  }
}
