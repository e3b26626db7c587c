package dev.reflex.cli;

import dev.reflex.decide.DecideAlgorithm;
import dev.reflex.decide.KpaDecide;
import dev.reflex.decide.KubeHpaDecide;
import java.util.List;

/** The algorithms {@code reflex decide} offers. */
final class DecideAlgorithms {

  static final List<DecideAlgorithm> ALL = List.of(new KubeHpaDecide(), new KpaDecide());

  private DecideAlgorithms() {
  }
}
