package dev.reflex.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.controller.WakeUps.PortraitSeen;
import dev.reflex.controller.WakeUps.ProfileSeen;
import dev.reflex.controller.WakeUps.Wake;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which passes a watch event asks for, given what was seen of the object before. */
class WakeUpsTableTest {

  record Case(String name, Object got, Object want) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final JsonObject STATIC_3 = new JsonObject().put("type", "Static")
      .put("static", new JsonObject().put("replicas", 3));
  private static final JsonObject STATIC_5 = new JsonObject().put("type", "Static")
      .put("static", new JsonObject().put("replicas", 5));

  private static PortraitSeen kubeHpa(long generation, JsonObject data) {
    return new PortraitSeen(generation, data, false);
  }

  private static PortraitSeen kpa(long generation, JsonObject data) {
    return new PortraitSeen(generation, data, true);
  }

  private static Wake wake(boolean self, boolean owner) {
    return new Wake(self, owner);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("portrait: first seen wakes both", WakeUps.portrait(Optional.empty(), kpa(1, null), false),
            wake(true, true)),
        new Case("portrait: deleted wakes both (the IHPA makes it again)",
            WakeUps.portrait(Optional.of(kpa(1, STATIC_3)), kpa(1, STATIC_3), true), wake(true, true)),
        new Case("portrait: the echo of our status write wakes nobody",
            WakeUps.portrait(Optional.of(kubeHpa(1, STATIC_3)), kubeHpa(1, STATIC_3.copy()), false),
            wake(false, false)),
        new Case("portrait: a new spec reconciles the portrait",
            WakeUps.portrait(Optional.of(kubeHpa(1, STATIC_3)), kubeHpa(2, STATIC_3), false), wake(true, false)),
        new Case("portrait: new data (an external generator's) wakes the IHPA",
            WakeUps.portrait(Optional.of(kubeHpa(1, STATIC_3)), kubeHpa(1, STATIC_5), false), wake(false, true)),
        new Case("portrait: first data wakes the IHPA",
            WakeUps.portrait(Optional.of(kubeHpa(1, null)), kubeHpa(1, STATIC_3), false), wake(false, true)),
        new Case("portrait: a KPA portrait's new data wakes nobody (its IHPA reads the stream)",
            WakeUps.portrait(Optional.of(kpa(1, STATIC_3)), kpa(1, STATIC_5), false), wake(false, false)),
        new Case("own write: new data wakes the IHPA", WakeUps.ownerOnOwnWrite(Optional.of(kubeHpa(1, STATIC_3)),
            kubeHpa(1, STATIC_5)), true),
        new Case("own write after its echo was seen: already woken", WakeUps.ownerOnOwnWrite(
            Optional.of(kubeHpa(1, STATIC_5)), kubeHpa(1, STATIC_5)), false),
        new Case("own write of a KPA portrait wakes nobody", WakeUps.ownerOnOwnWrite(Optional.of(kpa(1, STATIC_3)),
            kpa(1, STATIC_5)), false),
        new Case("profile: first seen wakes both", WakeUps.profile(Optional.empty(), new ProfileSeen(1, ""), false),
            wake(true, true)),
        new Case("profile: a status change is for its own controller only", WakeUps.profile(
            Optional.of(new ProfileSeen(1, "")), new ProfileSeen(1, ""), false), wake(true, false)),
        new Case("profile: a new spec wakes the IHPA", WakeUps.profile(Optional.of(new ProfileSeen(1, "")),
            new ProfileSeen(2, ""), false), wake(true, true)),
        new Case("profile: a new gray plan wakes the IHPA", WakeUps.profile(Optional.of(new ProfileSeen(1, "")),
            new ProfileSeen(1, "{\"percent\":50}"), false), wake(true, true)),
        new Case("profile: deleted wakes both", WakeUps.profile(Optional.of(new ProfileSeen(1, "")),
            new ProfileSeen(1, ""), true), wake(true, true)),
        new Case("IHPA: first seen", WakeUps.ihpa(Optional.empty(), 1, false), true),
        new Case("IHPA: the echo of its own status write", WakeUps.ihpa(Optional.of(3L), 3, false), false),
        new Case("IHPA: a new spec", WakeUps.ihpa(Optional.of(3L), 4, false), true),
        new Case("IHPA: deleted", WakeUps.ihpa(Optional.of(3L), 3, true), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wakes(Case c) {
    assertEquals(c.want(), c.got());
  }
}
