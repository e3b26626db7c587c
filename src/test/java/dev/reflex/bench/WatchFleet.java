package dev.reflex.bench;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many watches over WebSockets (the transport both servers speak: fabric8's mock has no chunked watch), each on
 * one namespace's pods with a label selector. Every event's object carries, in the annotation {@link #STAMP}, the
 * {@link System#nanoTime()} at which its write was sent; the delivery latency is the event's arrival (the first
 * thing its handler does, before parsing) minus that stamp, so it covers the write's handling, the fan-out and
 * the transfer. The fleet records into one phase at a time, and only events of that phase's type.
 */
final class WatchFleet {

  static final String STAMP = "bench.reflex.dev/stamp";

  /** The events of one measured phase, e.g. the ADDED events of the creates. */
  static final class Phase {
    final String type;
    final Latencies latencies = new Latencies();
    final AtomicLong events = new AtomicLong();

    Phase(String type) {
      this.type = type;
    }
  }

  private final WebSocketClient client;
  private final int port;
  private final List<WebSocket> sockets = new ArrayList<>();
  private final AtomicLong unstamped = new AtomicLong();
  private final AtomicLong otherEvents = new AtomicLong();
  private final AtomicLong closedEarly = new AtomicLong();
  private volatile Phase phase = new Phase("none");
  private volatile boolean closing;

  WatchFleet(WebSocketClient client, int port) {
    this.client = client;
    this.port = port;
  }

  /**
   * Opens the watches ({@code paths.size()} of them, at most {@code parallel} handshakes at a time) and waits until
   * all are open or the timeout has passed; returns how many are open.
   */
  int open(List<String> paths, int parallel, long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    for (int from = 0; from < paths.size() && System.nanoTime() < deadline; from += parallel) {
      List<CompletableFuture<WebSocket>> batch = new ArrayList<>();
      for (String path : paths.subList(from, Math.min(paths.size(), from + parallel))) {
        batch.add(connect(path).toCompletionStage().toCompletableFuture());
      }
      for (CompletableFuture<WebSocket> socket : batch) {
        long left = Math.max(1, deadline - System.nanoTime());
        try {
          synchronized (sockets) {
            sockets.add(socket.get(left, TimeUnit.NANOSECONDS));
          }
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
          // counted below: the caller reports how many opened
        }
      }
    }
    synchronized (sockets) {
      return sockets.size();
    }
  }

  private Future<WebSocket> connect(String path) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI(path).setTimeout(20_000);
    return client.connect(options).onSuccess(socket -> {
      socket.textMessageHandler(this::onEvent);
      socket.binaryMessageHandler(buffer -> onEvent(buffer.toString()));
      socket.closeHandler(v -> {
        if (!closing) {
          closedEarly.incrementAndGet();
        }
      });
    });
  }

  private void onEvent(String text) {
    long arrived = System.nanoTime();
    JsonObject event = new JsonObject(text);
    Phase current = phase;
    if (!current.type.equals(event.getString("type"))) {
      otherEvents.incrementAndGet();
      return;
    }
    JsonObject object = event.getJsonObject("object");
    JsonObject annotations = object == null || object.getJsonObject("metadata") == null ? null
        : object.getJsonObject("metadata").getJsonObject("annotations");
    String stamp = annotations == null ? null : annotations.getString(STAMP);
    if (stamp == null) {
      unstamped.incrementAndGet();
      return;
    }
    current.latencies.record(arrived - Long.parseLong(stamp));
    current.events.incrementAndGet();
  }

  /** Starts recording the events of {@code type} into a fresh phase. */
  Phase begin(String type) {
    Phase next = new Phase(type);
    phase = next;
    return next;
  }

  /** Waits until the phase has seen {@code expected} events, or the timeout; returns the events seen. */
  long await(Phase phase, long expected, long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (phase.events.get() < expected && System.nanoTime() < deadline) {
      BenchCluster.sleep(10);
    }
    return phase.events.get();
  }

  /** Events that matched no phase, events without a stamp, and watches the server closed. */
  JsonObject anomalies() {
    return new JsonObject().put("otherEvents", otherEvents.get()).put("unstampedEvents", unstamped.get())
        .put("watchesClosedByServer", closedEarly.get());
  }

  void close() {
    closing = true;
    synchronized (sockets) {
      sockets.forEach(WebSocket::close);
    }
  }
}
