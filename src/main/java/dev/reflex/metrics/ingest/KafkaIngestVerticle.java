package dev.reflex.metrics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import io.vertx.kafka.client.producer.KafkaHeader;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads samples from Kafka topics into {@link SampleIngest}. Deploy it as a worker verticle
 * ({@code ThreadingModel.WORKER}): records are decoded on its thread, one at a time, so a partition's records are
 * accepted in offset order (keyed records of one series stay ordered) and large payloads never block an event loop.
 *
 * <p><b>At least once.</b> Auto-commit is off. A record's offset becomes committable only after
 * {@link SampleIngest#accept} returned for it; committable offsets are committed every
 * {@value #COMMIT_PERIOD_MS} ms, when partitions are revoked and on stop. After a crash the records accepted since
 * the last commit are read again; windows drop the repeated samples as duplicates. A malformed record is counted and
 * skipped (committed) so one bad record cannot stall its partition. If accepting fails for another reason, the
 * partition is rewound to that record and retried after a second, and nothing after it is committed meanwhile.
 */
public final class KafkaIngestVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestVerticle.class);
  static final long COMMIT_PERIOD_MS = 200;
  private static final long RETRY_DELAY_MS = 1000;
  private static final String SOURCE = "kafka";

  private final Map<String, String> consumerConfig;
  private final List<String> topics;
  private final Clock clock;
  private final SampleIngest ingest;
  private final int maxPayloadBytes;
  private final Counter accepted;
  private final Counter malformed;
  private final Counter retried;
  private final Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
  private final Map<TopicPartition, Long> rewoundTo = new HashMap<>();
  private KafkaConsumer<byte[], byte[]> consumer;
  private long timer = -1;

  /**
   * @param bootstrapServers {@code kafka.bootstrap-servers}
   * @param topics {@code kafka.topics}
   * @param groupId {@code kafka.group-id}
   * @param extraConsumerConfig further Kafka consumer properties (e.g. {@code auto.offset.reset}); may override
   *     the defaults but not {@code enable.auto.commit}
   * @param ingest where accepted samples go
   * @param maxPayloadBytes the largest record value accepted
   * @param registry where {@code reflex_kafka_records_total{outcome}} is registered
   * @param clock the arrival time samples are stamped with
   */
  public KafkaIngestVerticle(String bootstrapServers, List<String> topics, String groupId,
      Map<String, String> extraConsumerConfig, SampleIngest ingest, int maxPayloadBytes, MeterRegistry registry,
      Clock clock) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("kafka.topics must name at least one topic");
    }
    Map<String, String> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("group.id", groupId);
    config.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    config.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
    config.put("auto.offset.reset", "latest");
    config.putAll(extraConsumerConfig);
    config.put("enable.auto.commit", "false");
    this.consumerConfig = Map.copyOf(config);
    this.topics = List.copyOf(topics);
    this.clock = clock;
    this.ingest = ingest;
    this.maxPayloadBytes = maxPayloadBytes;
    this.accepted = records(registry, "accepted");
    this.malformed = records(registry, "malformed");
    this.retried = records(registry, "retried");
  }

  private static Counter records(MeterRegistry registry, String outcome) {
    return Counter.builder("reflex.kafka.records").tag("outcome", outcome)
        .description("Kafka records by outcome").register(registry);
  }

  @Override
  public Future<?> start() {
    consumer = KafkaConsumer.create(vertx, consumerConfig);
    consumer.handler(this::process);
    consumer.partitionsRevokedHandler(partitions -> commit());
    consumer.exceptionHandler(e -> LOG.warn("Kafka consumer: {}", e.toString()));
    timer = vertx.setPeriodic(COMMIT_PERIOD_MS, id -> commit());
    return consumer.subscribe(new LinkedHashSet<>(topics));
  }

  private void process(KafkaConsumerRecord<byte[], byte[]> record) {
    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
    Long rewound = rewoundTo.get(tp);
    if (rewound != null) {
      if (record.offset() != rewound) {
        return; // still draining records fetched before the rewind took effect
      }
      rewoundTo.remove(tp);
    }
    try {
      List<RawSeries> series = KafkaPayloads.decode(record.value(), header(record, "content-type"),
          header(record, "content-encoding"), maxPayloadBytes);
      ingest.accept(series, SOURCE, clock.instant());
      accepted.increment();
    } catch (MalformedPayloadException e) {
      malformed.increment();
      LOG.warn("skipping malformed Kafka record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
          e.getMessage());
    } catch (RuntimeException e) {
      retried.increment();
      LOG.warn("could not accept Kafka record {}-{}@{}, retrying: {}", record.topic(), record.partition(),
          record.offset(), e.toString());
      rewoundTo.put(tp, record.offset());
      consumer.pause(tp);
      consumer.seek(tp, record.offset());
      vertx.setTimer(RETRY_DELAY_MS, id -> consumer.resume(tp));
      return;
    }
    committable.put(tp, new OffsetAndMetadata(record.offset() + 1, ""));
  }

  private static String header(KafkaConsumerRecord<byte[], byte[]> record, String name) {
    for (KafkaHeader h : record.headers()) {
      if (h.key().equalsIgnoreCase(name)) {
        return h.value().toString();
      }
    }
    return null;
  }

  private Future<?> commit() {
    if (committable.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(committable);
    committable.clear();
    return consumer.commit(offsets).onFailure(e -> {
      LOG.warn("Kafka offset commit failed, will retry: {}", e.toString());
      offsets.forEach(committable::putIfAbsent);
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (consumer == null) {
      return Future.succeededFuture();
    }
    return commit().transform(ar -> consumer.close());
  }
}
