package dev.reflex.controller;

import dev.reflex.kube.KubeRest;
import dev.reflex.kube.ResourceCache.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Writes the status subresource of one kind of Reflex resource, and only when it changed: an unchanged status
 * costs no request and no watch event that would wake the reconciler again.
 */
final class StatusWriter {

  private final KubeRest rest;
  private final Kind kind;
  private final Consumer<JsonObject> written;

  /** A writer that tells nobody about the writes. */
  StatusWriter(KubeRest rest, Kind kind) {
    this(rest, kind, stored -> {
    });
  }

  /** A writer that tells {@code written} every object whose status it wrote, as the API server stored it. */
  StatusWriter(KubeRest rest, Kind kind, Consumer<JsonObject> written) {
    this.rest = rest;
    this.kind = kind;
    this.written = written;
  }

  /** Merge-patches {@code status} onto the resource's status subresource unless it equals {@code old}. */
  Future<Void> write(JsonObject resource, JsonObject old, JsonObject status) {
    if (status.equals(old)) {
      return Future.succeededFuture();
    }
    JsonObject meta = resource.getJsonObject("metadata");
    return rest.mergePatch(kind.path(meta.getString("namespace"), meta.getString("name")) + "/status",
        new JsonObject().put("status", status)).onSuccess(written::accept).mapEmpty();
  }
}
