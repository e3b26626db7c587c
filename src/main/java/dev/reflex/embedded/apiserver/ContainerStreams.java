package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node side of {@code pods/attach}: kube-apiserver hands an attach to the pod's kubelet; the embedded server
 * hands it to whoever runs the pods (the simulated kubelet), which says what the container writes and what its
 * input does.
 */
@FunctionalInterface
public interface ContainerStreams {

  /** Nobody runs containers: nothing can be attached to. */
  ContainerStreams NONE = (vertx, pod, container, stdout) -> Optional.empty();

  /**
   * Attaches to a running container.
   *
   * @param vertx the API server's Vert.x, for the timers of the output (the stream is written on its event loop)
   * @param pod the pod as stored
   * @param container the container's name
   * @param stdout what the container writes, as it writes it
   * @return empty when the container cannot be attached to
   */
  Optional<Attached> attach(Vertx vertx, JsonObject pod, String container, Consumer<Buffer> stdout);

  /** One attached container. */
  interface Attached {

    /** Input from the client's stdin ({@code 0x03} is a Ctrl+C a terminal forwarded). */
    void stdin(Buffer data);

    /** Completes with the container's exit code once it has stopped. */
    Future<Integer> exited();

    /** The client went away; the container goes on. */
    void detach();
  }
}
