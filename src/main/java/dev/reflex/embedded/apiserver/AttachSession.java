package dev.reflex.embedded.apiserver;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code GET pods/NAME/attach} over WebSocket, as kubectl 1.30+ asks it (RemoteCommand {@code v5.channel.k8s.io},
 * or {@code v4}): every binary frame starts with its channel, 0 stdin, 1 stdout, 2 stderr, 3 the final status, 4
 * terminal resizes (ignored: the simulated containers draw nothing), and in v5 255 "this channel is closed". The
 * session ends with a status on channel 3 once the container stops (Success, or NonZeroExitCode with the code), or
 * when the pod is deleted; a client that hangs up detaches and leaves the container running, as with a kubelet.
 */
final class AttachSession {

  /** The RemoteCommand versions served, the newest first. */
  static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");

  private static final byte STDIN = 0;
  private static final byte STDOUT = 1;
  private static final byte STATUS = 3;
  private static final long POD_CHECK_MILLIS = 1000;

  private AttachSession() {
  }

  /**
   * Upgrades the request and attaches; an attach nothing runs the container for, or a client that does not speak a
   * served version, gets a 400 before any upgrade (the caller has checked the container is the pod's).
   *
   * @param podExists whether the pod (this uid) is still stored
   */
  static void start(Vertx vertx, HttpServerRequest request, JsonObject pod, String container,
      ContainerStreams containers, BooleanSupplier podExists) {
    String offered = String.valueOf(request.getHeader("Sec-WebSocket-Protocol"));
    if (!request.canUpgradeToWebSocket() || PROTOCOLS.stream().noneMatch(offered::contains)) {
      throw ApiError.badRequest("Upgrade request required");
    }
    ServerWebSocket[] socket = new ServerWebSocket[1];
    ContainerStreams.Attached attached = containers.attach(vertx, pod, container, data -> {
      if (socket[0] != null && !socket[0].isClosed()) {
        socket[0].writeBinaryMessage(Buffer.buffer().appendByte(STDOUT).appendBuffer(data));
      }
    }).orElseThrow(() -> ApiError.badRequest("unable to upgrade connection: no node runs the containers of pod "
        + pod.getJsonObject("metadata").getString("name")));
    request.toWebSocket().onFailure(e -> attached.detach()).onSuccess(ws -> {
      socket[0] = ws;
      ws.binaryMessageHandler(frame -> {
        if (frame.length() > 1 && frame.getByte(0) == STDIN) {
          attached.stdin(frame.getBuffer(1, frame.length()));
        }
      });
      long check = vertx.setPeriodic(POD_CHECK_MILLIS, id -> {
        if (!podExists.getAsBoolean() && !ws.isClosed()) {
          finish(ws, 137);
        }
      });
      ws.closeHandler(v -> {
        vertx.cancelTimer(check);
        attached.detach();
      });
      attached.exited().onSuccess(code -> {
        vertx.cancelTimer(check);
        if (!ws.isClosed()) {
          finish(ws, code);
        }
      });
    });
  }

  private static void finish(ServerWebSocket ws, int exitCode) {
    ws.writeBinaryMessage(Buffer.buffer().appendByte(STATUS).appendString(status(exitCode).encode()))
        .onComplete(done -> ws.close());
  }

  /** The status kubelet reports on the error channel: Success, or the exit code kubectl turns into its own. */
  static JsonObject status(int exitCode) {
    JsonObject status = new JsonObject().put("metadata", new JsonObject());
    if (exitCode == 0) {
      return status.put("status", "Success");
    }
    return status.put("status", "Failure").put("message", "command terminated with non-zero exit code: exit code "
        + exitCode).put("reason", "NonZeroExitCode").put("details", new JsonObject().put("causes", new JsonArray()
            .add(new JsonObject().put("reason", "ExitCode").put("message", String.valueOf(exitCode)))));
  }
}
