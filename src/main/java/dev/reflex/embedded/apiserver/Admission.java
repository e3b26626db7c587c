package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * One step of the write path between decoding and storing, in kube-apiserver's order: defaulting, then
 * validation (built-in rules, structural schemas), then (later steps) admission webhooks. A step returns the
 * object to go on with (changed or not) and may refuse the write with an {@link ApiError}.
 */
interface Admission {

  /** What a step sees of one write. */
  record Request(ResourceType type, Operation operation, JsonObject object, JsonObject oldObject,
      String subresource, WriteOptions options, List<String> warnings) {
  }

  /** Writes as admission names them. */
  enum Operation {
    CREATE, UPDATE, DELETE
  }

  JsonObject admit(Request request);
}
