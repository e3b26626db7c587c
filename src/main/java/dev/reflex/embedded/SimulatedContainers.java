package dev.reflex.embedded;

import dev.reflex.embedded.apiserver.ContainerStreams;
import dev.reflex.kube.KubeRest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated kubelet's side of {@code kubectl attach} and {@code kubectl run -i}: a container running a request
 * loop ({@link RequestLoop}) writes what {@code wget -q -O-} of seed 001's php-apache would, {@code OK!} per request
 * at the loop's rate; other containers write nothing. A Ctrl+C forwarded on stdin interrupts the shell: the
 * container exits 130, the pod is written Failed (so its load stops), and the attach ends, which is what lets
 * {@code kubectl run --rm} delete the pod, as on a cluster.
 */
final class SimulatedContainers implements ContainerStreams {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedContainers.class);
  private static final long OUTPUT_TICK_MILLIS = 100;
  private static final byte CTRL_C = 3;
  private static final int INTERRUPTED = 130;

  private final Clock clock;
  private volatile KubeRest rest;
  private volatile Context context;

  SimulatedContainers(Clock clock) {
    this.clock = clock;
  }

  /** The kubelet's API client and the context its calls run on; attaches before this cannot end a container. */
  void bind(KubeRest rest, Context context) {
    this.rest = rest;
    this.context = context;
  }

  @Override
  public Optional<Attached> attach(Vertx vertx, JsonObject pod, String container, Consumer<Buffer> stdout) {
    // A loop sending its responses to a file (> /dev/null) prints nothing; one printing them shows OK! per request.
    Optional<ClientLoad> loop = ClientLoad.of(pod).filter(ClientLoad::printsResponses);
    double[] owed = new double[1];
    long output = loop.map(l -> vertx.setPeriodic(OUTPUT_TICK_MILLIS, id -> {
      owed[0] += l.requestsPerSecond() * OUTPUT_TICK_MILLIS / 1000.0;
      int requests = (int) owed[0];
      owed[0] -= requests;
      if (requests > 0) {
        stdout.accept(Buffer.buffer("OK!".repeat(requests)));
      }
    })).orElse(-1L);
    Promise<Integer> exited = Promise.promise();
    return Optional.of(new Attached() {
      private boolean ended;

      @Override
      public void stdin(Buffer data) {
        for (int i = 0; i < data.length() && !ended; i++) {
          if (data.getByte(i) == CTRL_C) {
            ended = true;
            vertx.cancelTimer(output);
            exit(pod, INTERRUPTED).onComplete(done -> exited.tryComplete(INTERRUPTED));
          }
        }
      }

      @Override
      public Future<Integer> exited() {
        return exited.future();
      }

      @Override
      public void detach() {
        vertx.cancelTimer(output);
      }
    });
  }

  /** Writes the pod's status once its container exited, as kubelet reports it. */
  private Future<Void> exit(JsonObject pod, int exitCode) {
    KubeRest client = rest;
    Context on = context;
    if (client == null || on == null) {
      return Future.succeededFuture();
    }
    JsonObject meta = pod.getJsonObject("metadata");
    String path = "/api/v1/namespaces/" + meta.getString("namespace") + "/pods/" + meta.getString("name")
        + "/status";
    Promise<Void> written = Promise.promise();
    on.runOnContext(v -> client.mergePatch(path, new JsonObject().put("status", PodLifecycle.exited(pod,
        clock.instant(), exitCode))).<Void>mapEmpty().onComplete(done -> {
          if (done.failed()) {
            LOG.warn("pod {}/{}: writing its exit failed: {}", meta.getString("namespace"), meta.getString("name"),
                done.cause().getMessage());
          }
          written.complete();
        }));
    return written.future();
  }
}
