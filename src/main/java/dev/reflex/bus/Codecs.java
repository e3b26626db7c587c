package dev.reflex.bus;

import io.vertx.core.eventbus.EventBus;

/** Registers the local codec once per Vert.x instance and selects it for every {@link BusMessage}. */
public final class Codecs {

  private Codecs() {
  }

  public static void register(EventBus bus) {
    bus.registerCodec(new LocalCodec());
    bus.codecSelector(body -> body instanceof BusMessage ? LocalCodec.NAME : null);
  }
}
