package dev.reflex.cli;

import dev.reflex.backtest.FigureCounter;
import dev.reflex.backtest.Workload;
import dev.reflex.metrics.load.PodLoad;
import dev.reflex.metrics.load.TrafficProfile;
import dev.reflex.metrics.routing.InformerPodDirectory;
import dev.reflex.metrics.routing.PodOwnerIndex;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backtest's figures from what the embedded cluster's pods did under {@code --load}: every second the demand the
 * load generator sends (in requests per second) against the ready pods of the workload it scales, counted as
 * {@code reflex backtest} counts its simulated seconds, so a live run and a backtest of the same trace can be
 * compared ({@code scripts/bench-loop}). Written as one JSON line to {@code embedded.load-figures-file} every 5 s
 * (without blocking the event loop) and once more when Reflex stops.
 */
final class LoadFigures {

  private static final Logger LOG = LoggerFactory.getLogger(LoadFigures.class);
  private static final long WRITE_EVERY_SECONDS = 5;

  private final Vertx vertx;
  private final TrafficProfile load;
  private final InformerPodDirectory pods;
  private final String namespace;
  private final String workload;
  private final Workload model;
  private final FigureCounter counter;
  private final Path file;
  private final Clock clock;
  private final Instant start;
  private long second;
  private long timer = -1;

  /**
   * @param model capacity per pod and the bounds, for what counts as unserved and as needed
   */
  LoadFigures(Vertx vertx, TrafficProfile load, InformerPodDirectory pods, String namespace, String workload,
      Workload model, Path file, Clock clock) {
    this.vertx = vertx;
    this.load = load;
    this.pods = pods;
    this.namespace = namespace;
    this.workload = workload;
    this.model = model;
    this.counter = new FigureCounter(model);
    this.file = file;
    this.clock = clock;
    this.start = clock.instant();
  }

  void start() {
    timer = vertx.setPeriodic(1000, id -> tick());
  }

  private void tick() {
    double demand = load.at(Duration.between(start, clock.instant())) / PodLoad.REQUEST_SECONDS;
    int total = 0;
    int ready = 0;
    for (JsonObject pod : pods.pods()) {
      JsonObject meta = pod.getJsonObject("metadata");
      if (!namespace.equals(meta.getString("namespace")) || !pods.ownerOf(namespace, meta.getString("name"))
          .map(w -> w.name().equals(workload)).orElse(false)) {
        continue;
      }
      total++;
      if (PodOwnerIndex.ready(pod)) {
        ready++;
      }
    }
    counter.second(second++, demand, ready, total);
    if (second % WRITE_EVERY_SECONDS == 0) {
      vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(line()))
          .onFailure(e -> LOG.warn("load figures: cannot write {}: {}", file, e.getMessage()));
    }
  }

  private String line() {
    JsonObject figures = BacktestJson.figures(counter.figures());
    // Writes to the scale are the controllers' business; what the pods did is counted here, not how often.
    figures.remove("scalingActions");
    return new JsonObject().put("workload", namespace + "/" + workload).put("seconds", second)
        .put("podCapacity", model.podCapacity()).put("figures", figures).encode() + "\n";
  }

  /** Stops counting and writes the last figures (called on shutdown, off the event loop). */
  void stop() {
    vertx.cancelTimer(timer);
    try {
      Files.writeString(file, line(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("load figures: cannot write {}: {}", file, e.getMessage());
    }
  }
}
