package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;

/** Where a watch's events go: a chunked HTTP response (kubectl, client-go) or a WebSocket (fabric8). */
interface WatchOutput {

  void write(Buffer event);

  boolean full();

  void end();

  void onClose(Runnable action);

  static WatchOutput of(HttpServerResponse response) {
    return new WatchOutput() {
      @Override
      public void write(Buffer event) {
        response.write(event);
      }

      @Override
      public boolean full() {
        return response.writeQueueFull();
      }

      @Override
      public void end() {
        if (!response.ended() && !response.closed()) {
          response.end();
        }
      }

      @Override
      public void onClose(Runnable action) {
        response.closeHandler(v -> action.run());
        response.endHandler(v -> action.run());
      }
    };
  }

  static WatchOutput of(ServerWebSocket socket) {
    return new WatchOutput() {
      @Override
      public void write(Buffer event) {
        // One event per text frame; the trailing newline of the chunked form is not needed here.
        socket.writeTextMessage(event.getString(0, event.length() - 1));
      }

      @Override
      public boolean full() {
        return socket.writeQueueFull();
      }

      @Override
      public void end() {
        if (!socket.isClosed()) {
          socket.close();
        }
      }

      @Override
      public void onClose(Runnable action) {
        socket.closeHandler(v -> action.run());
      }
    };
  }
}
