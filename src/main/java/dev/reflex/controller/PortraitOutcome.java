package dev.reflex.controller;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * What one generator pass over a HorizontalPortrait came to. The HorizontalPortrait controller turns it into the
 * status write (and Warning event) and, through {@link #again}, into the next pass of a periodic generator.
 */
sealed interface PortraitOutcome {

  /** When the generator wants to run again on its own, if it is periodic. */
  Optional<Instant> again();

  /** New {@code status.portraitData}; {@code PortraitGenerated=True}. */
  record Generated(JsonObject portraitData, Optional<Instant> again) implements PortraitOutcome {
  }

  /**
   * Nothing could be generated: {@code PortraitGenerated=False} with the reason and message, one Warning event per
   * distinct message; the last portrait data stays (it expires on its own, and missing data never scales down).
   *
   * @param retry the pass failed on an API call of the generator's own: after the status write the controller's
   *     queue retries it with backoff instead of waiting for the next change
   */
  record Failed(String reason, String message, Optional<Instant> again, boolean retry) implements PortraitOutcome {

    Failed(String reason, String message, Optional<Instant> again) {
      this(reason, message, again, false);
    }
  }

  /** Nothing new to say yet (no recommendation so far): the status is left as it is. */
  record Hold(Optional<Instant> again) implements PortraitOutcome {
  }

  /** A Static portrait of {@code replicas}. */
  static Generated staticReplicas(int replicas, Optional<Instant> again) {
    return new Generated(new JsonObject().put("type", "Static")
        .put("static", new JsonObject().put("replicas", replicas)), again);
  }

  /** The generic generation failure, worded as Kapacity's controller words it. */
  static Failed generateFailed(String why, Optional<Instant> again) {
    return new Failed("FailedGeneratePortrait", "failed to generate portrait: " + why, again);
  }
}
