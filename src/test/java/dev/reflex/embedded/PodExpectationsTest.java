package dev.reflex.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ReplicaSet controller's wait for its own creates and deletes to reach its cache. */
class PodExpectationsTest {

  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final String RS = "default/web-abc";

  @Test
  void anOwnerWithNothingPendingIsSettled() {
    assertTrue(new PodExpectations().satisfied(RS, Set.of(), Set.of(), T0));
  }

  @Test
  void createsAreAwaitedUntilEachPodIsCached() {
    PodExpectations expectations = new PodExpectations();
    expectations.creating(RS, "web-abc-1", T0);
    expectations.creating(RS, "web-abc-2", T0);
    assertFalse(expectations.satisfied(RS, Set.of("web-abc-1"), Set.of("web-abc-1"), T0.plusMillis(5)),
        "a pass on a cache holding one of two new pods would create the second again");
    assertTrue(expectations.satisfied(RS, Set.of("web-abc-1", "web-abc-2"), Set.of("web-abc-1", "web-abc-2"),
        T0.plusMillis(10)));
  }

  @Test
  void deletesAreAwaitedUntilThePodTerminatesOrGoes() {
    PodExpectations expectations = new PodExpectations();
    expectations.deleting(RS, "web-abc-1", T0);
    assertFalse(expectations.satisfied(RS, Set.of("web-abc-1"), Set.of("web-abc-1"), T0.plusMillis(5)),
        "still running in the cache");
    assertTrue(expectations.satisfied(RS, Set.of("web-abc-1"), Set.of(), T0.plusMillis(10)),
        "terminating counts as seen");
  }

  @Test
  void aRefusedWriteExpectsNothing() {
    PodExpectations expectations = new PodExpectations();
    expectations.creating(RS, "web-abc-1", T0);
    expectations.failed(RS, "web-abc-1");
    assertTrue(expectations.satisfied(RS, Set.of(), Set.of(), T0));
  }

  @Test
  void anExpectationNeverMetLapses() {
    PodExpectations expectations = new PodExpectations();
    expectations.creating(RS, "web-abc-1", T0);
    assertFalse(expectations.satisfied(RS, Set.of(), Set.of(), T0.plus(PodExpectations.TTL)));
    assertTrue(expectations.satisfied(RS, Set.of(), Set.of(), T0.plus(PodExpectations.TTL).plusMillis(1)));
  }
}
