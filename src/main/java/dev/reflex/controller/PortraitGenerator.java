package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.bus.TargetKey;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One built-in portrait algorithm ({@code spec.algorithm.type}): reads what it needs for a HorizontalPortrait and
 * says what the portrait is now. It writes no status; I/O of its own (a CronJob, a streamed registration) stays
 * inside it.
 */
interface PortraitGenerator {

  /**
   * One pass over a portrait whose algorithm is this generator's.
   *
   * @param portrait the HorizontalPortrait as cached
   * @param spec its spec in the typed model
   * @return a problem of the portrait or its data is a {@link PortraitOutcome.Failed} naming it; a failed future
   *     (an API call of the generator's own) is retried by the controller's queue
   */
  Future<PortraitOutcome> generate(TargetKey key, JsonObject portrait, HorizontalPortraitSpec spec, Instant now);

  /**
   * Drops what it keeps for a portrait that moved to another algorithm or is gone.
   *
   * @param deleted the portrait itself is gone (not just switched away)
   */
  Future<Void> forget(TargetKey key, boolean deleted);
}
