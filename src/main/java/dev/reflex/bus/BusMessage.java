package dev.reflex.bus;

import io.vertx.core.json.JsonObject;

/** What every message on the bus offers besides its own fields: its key and a JSON view for taps. */
public interface BusMessage {

  /** The object this message is about. */
  TargetKey target();

  /** A JSON rendering for taps and logs; includes a {@code type} field naming the record. */
  JsonObject toJson();
}
