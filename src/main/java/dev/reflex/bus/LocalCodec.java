package dev.reflex.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * The single codec for {@link BusMessage}s. Our bus is local and every message is an immutable record, so the
 * receiver gets the very same instance; nothing is ever encoded for the wire.
 */
final class LocalCodec implements MessageCodec<BusMessage, BusMessage> {

  static final String NAME = "reflex-local";

  @Override
  public void encodeToWire(Buffer buffer, BusMessage message) {
    throw new UnsupportedOperationException("Reflex bus messages are local only: " + message.getClass());
  }

  @Override
  public BusMessage decodeFromWire(int pos, Buffer buffer) {
    throw new UnsupportedOperationException("Reflex bus messages are local only");
  }

  @Override
  public BusMessage transform(BusMessage message) {
    return message;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
