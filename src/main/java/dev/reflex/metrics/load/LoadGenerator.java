package dev.reflex.metrics.load;

import dev.reflex.metrics.ingest.RawSeries;
import dev.reflex.metrics.ingest.RemoteWriteEncoder;
import dev.reflex.metrics.routing.InformerPodDirectory;
import dev.reflex.metrics.routing.PodDirectory;
import dev.reflex.metrics.routing.PodOwnerIndex;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends simulated pod metrics to a remote-write endpoint (Reflex's own {@code /api/v1/write}) every interval,
 * exactly as Prometheus would: snappy-compressed protobuf with the remote-write headers, over HTTP.
 */
public final class LoadGenerator extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

  private final Function<Duration, List<RawSeries>> samples;
  private final String host;
  private final IntSupplier port;
  private final Duration interval;
  private final Clock clock;
  private WebClient client;
  private Instant startedAt;
  private long timer = -1;
  private volatile long sent;

  /**
   * Demand from a traffic profile, shared by each workload's ready pods ({@link PodLoad}).
   *
   * @param profile demand per workload over time
   * @param targets the ready pods to emit for, read on every tick
   * @param host the receiver's host, e.g. {@code 127.0.0.1}
   * @param port the receiver's port, read on every tick (the HTTP server may bind after this verticle deploys)
   * @param interval how often samples are sent (1 s mimics a 1 s scrape)
   * @param clock where the profile's time comes from (its start and every tick)
   */
  public LoadGenerator(TrafficProfile profile, Supplier<List<LoadTarget>> targets, String host, IntSupplier port,
      Duration interval, Clock clock) {
    this(sinceStart -> {
      List<LoadTarget> pods = targets.get();
      return pods.isEmpty() ? List.of() : PodLoad.samples(pods, profile.at(sinceStart), clock.millis());
    }, host, port, interval, clock);
  }

  /**
   * Whatever series {@code samples} gives for the time since the start (none: nothing is sent that tick), e.g. the
   * request rate of the embedded cluster's request loops.
   */
  public LoadGenerator(Function<Duration, List<RawSeries>> samples, String host, IntSupplier port, Duration interval,
      Clock clock) {
    this.samples = samples;
    this.host = host;
    this.port = port;
    this.interval = interval;
    this.clock = clock;
  }

  /** Ready pods of every workload the directory knows, from the informer cache. */
  public static Supplier<List<LoadTarget>> readyPods(InformerPodDirectory directory) {
    return () -> fromPods(directory.pods(), directory);
  }

  /** The ready pods among {@code pods} (their JSON) whose owning workload the directory knows. */
  public static List<LoadTarget> fromPods(List<JsonObject> pods, PodDirectory directory) {
    List<LoadTarget> out = new ArrayList<>();
    for (JsonObject pod : pods) {
      if (!PodOwnerIndex.ready(pod)) {
        continue;
      }
      JsonObject meta = pod.getJsonObject("metadata");
      String ns = meta.getString("namespace");
      String name = meta.getString("name");
      directory.ownerOf(ns, name).ifPresent(w -> out.add(new LoadTarget(ns, name, w.name())));
    }
    return out;
  }

  /** Batches sent and answered 2xx so far. */
  public long sent() {
    return sent;
  }

  @Override
  public Future<?> start() {
    client = WebClient.create(vertx);
    startedAt = clock.instant();
    timer = vertx.setPeriodic(interval.toMillis(), id -> tick());
    return Future.succeededFuture();
  }

  private void tick() {
    List<RawSeries> series = samples.apply(Duration.between(startedAt, clock.instant()));
    if (series.isEmpty()) {
      return;
    }
    client.post(port.getAsInt(), host, "/api/v1/write")
        .putHeader("Content-Encoding", "snappy")
        .putHeader("Content-Type", "application/x-protobuf")
        .putHeader("X-Prometheus-Remote-Write-Version", "0.1.0")
        .putHeader("User-Agent", "reflex-load")
        .sendBuffer(Buffer.buffer(RemoteWriteEncoder.encode(series)))
        .onSuccess(r -> {
          if (r.statusCode() / 100 == 2) {
            sent++;
          } else {
            LOG.debug("load batch answered {}: {}", r.statusCode(), r.bodyAsString());
          }
        })
        .onFailure(e -> LOG.debug("load batch failed: {}", e.toString()));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (client != null) {
      client.close();
    }
    return Future.succeededFuture();
  }
}
