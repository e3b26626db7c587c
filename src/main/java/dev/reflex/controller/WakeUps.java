package dev.reflex.controller;

import io.vertx.core.json.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * Which passes a watch event asks for, from what the controllers last saw of the object and what it is now. An
 * object whose only change is a status its own controller wrote (the watch echo of our write) wakes nobody, as a
 * controller-runtime generation predicate would have it: each reader is woken only by a change of what it reads.
 */
final class WakeUps {

  private WakeUps() {
  }

  /** The passes one event asks for: the object's own controller, and the IHPA that owns it. */
  record Wake(boolean self, boolean owner) {
  }

  /**
   * What the controllers read of a HorizontalPortrait: its own controller the spec (by generation), its IHPA the
   * portrait data (never for a KPA portrait, whose IHPA reads the streamed recommendation itself).
   */
  record PortraitSeen(long generation, JsonObject portraitData, boolean kpa) {

    static PortraitSeen of(JsonObject portrait) {
      JsonObject spec = portrait.getJsonObject("spec", new JsonObject());
      return new PortraitSeen(WakeUps.generation(portrait),
          portrait.getJsonObject("status", new JsonObject()).getJsonObject("portraitData"),
          "KPA".equals(spec.getJsonObject("algorithm", new JsonObject()).getString("type")));
    }
  }

  /**
   * What an IHPA reads of its ReplicaProfile: the profile (spec, by generation) and the gray plan annotation, not
   * the status the ReplicaProfile controller writes.
   */
  record ProfileSeen(long generation, String grayProgress) {

    static ProfileSeen of(JsonObject profile) {
      JsonObject annotations = profile.getJsonObject("metadata").getJsonObject("annotations", new JsonObject());
      return new ProfileSeen(WakeUps.generation(profile),
          annotations.getString(ApiMapping.GRAY_PROGRESS_ANNOTATION, ""));
    }
  }

  /** A HorizontalPortrait event; {@code before} is empty for one not seen before. */
  static Wake portrait(Optional<PortraitSeen> before, PortraitSeen now, boolean deleted) {
    if (deleted || before.isEmpty()) {
      return new Wake(true, true);
    }
    return new Wake(before.get().generation() != now.generation(), portraitDataChanged(before, now));
  }

  /**
   * Our own write of a portrait's status: its IHPA reads the new data now instead of at the watch echo, which then
   * finds the data already seen; whichever comes first wakes it, once.
   */
  static boolean ownerOnOwnWrite(Optional<PortraitSeen> before, PortraitSeen written) {
    return portraitDataChanged(before, written);
  }

  private static boolean portraitDataChanged(Optional<PortraitSeen> before, PortraitSeen now) {
    return !now.kpa() && (before.isEmpty() || !Objects.equals(before.get().portraitData(), now.portraitData()));
  }

  /** A ReplicaProfile event: its own controller always (it follows its status and pods), its IHPA on a new profile. */
  static Wake profile(Optional<ProfileSeen> before, ProfileSeen now, boolean deleted) {
    return new Wake(true, deleted || before.isEmpty() || !before.get().equals(now));
  }

  /** An IHPA event: a pass for a new spec (or a new or deleted IHPA), not for the status it wrote itself. */
  static boolean ihpa(Optional<Long> generationBefore, long generation, boolean deleted) {
    return deleted || generationBefore.isEmpty() || generationBefore.get() != generation;
  }

  static long generation(JsonObject object) {
    return object.getJsonObject("metadata").getLong("generation", 0L);
  }
}
