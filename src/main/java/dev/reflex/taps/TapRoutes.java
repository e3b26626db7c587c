package dev.reflex.taps;

import dev.reflex.bus.Addresses;
import dev.reflex.bus.BusMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * HTTP face of the taps: {@code GET /taps} lists addresses with message counts, {@code GET /taps/{address}} streams
 * each message as one JSON line (chunked), or as server-sent events when the client accepts
 * {@code text/event-stream} or asks {@code ?format=sse}; {@code ?target=namespace/name} filters.
 */
public final class TapRoutes {

  private final TapHub hub;
  private final int bufferSize;
  private final Counter dropped;

  public TapRoutes(TapHub hub, int bufferSize, MeterRegistry registry) {
    this.hub = hub;
    this.bufferSize = bufferSize;
    this.dropped = Counter.builder("reflex.taps.dropped")
        .description("Messages a slow tap client did not receive").register(registry);
  }

  public void mount(Router router) {
    router.get("/taps").handler(this::list);
    router.get("/taps/:address").handler(this::stream);
  }

  private void list(RoutingContext rc) {
    JsonArray addresses = new JsonArray();
    for (Map.Entry<String, Long> e : hub.counts(Addresses.ALL).entrySet()) {
      addresses.add(new JsonObject().put("address", e.getKey()).put("messages", e.getValue())
          .put("clients", hub.clients(e.getKey())));
    }
    rc.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("addresses", addresses).encodePrettily());
  }

  private void stream(RoutingContext rc) {
    String address = rc.pathParam("address");
    if (!address.startsWith(TapHub.PREFIX)) {
      rc.response().setStatusCode(404).putHeader("Content-Type", "text/plain")
          .end("no such address '" + address + "': Reflex addresses start with '" + TapHub.PREFIX
              + "'; GET /taps lists them\n");
      return;
    }
    String target = rc.queryParams().get("target");
    boolean sse = "sse".equals(rc.queryParams().get("format"))
        || String.valueOf(rc.request().getHeader("Accept")).contains("text/event-stream");
    HttpServerResponse response = rc.response().setChunked(true)
        .putHeader("Content-Type", sse ? "text/event-stream" : "application/x-ndjson")
        .putHeader("Cache-Control", "no-cache");
    Context context = Vertx.currentContext();
    TapSubscription[] holder = new TapSubscription[1];
    Runnable drain = () -> drain(response, holder[0], sse);
    holder[0] = new TapSubscription(bufferSize, target, context, drain, dropped::increment);
    hub.subscribe(address, holder[0]);
    response.drainHandler(v -> drain.run());
    response.closeHandler(v -> hub.unsubscribe(address, holder[0]));
    write(response, new JsonObject().put("type", "TapOpened").put("address", address).put("target", target), sse);
  }

  private static void drain(HttpServerResponse response, TapSubscription sub, boolean sse) {
    if (response.closed() || response.ended()) {
      return;
    }
    long lost = sub.takeDropped();
    if (lost > 0) {
      write(response, new JsonObject().put("type", "TapDropped").put("dropped", lost), sse);
    }
    BusMessage message;
    while (!response.writeQueueFull() && (message = sub.poll()) != null) {
      write(response, message.toJson(), sse);
    }
  }

  private static void write(HttpServerResponse response, JsonObject json, boolean sse) {
    String line = json.encode();
    response.write(sse ? "data: " + line + "\n\n" : line + "\n");
  }
}
