package dev.reflex.core.kpa;

import java.util.List;

/** What the decider is told about the metric since the previous decision. */
public sealed interface Observation {

  /**
   * The stable- and panic-window averages already computed elsewhere (revision totals, as Knative's collector
   * reports them); the state's sample windows are left untouched.
   */
  record Observed(double stableValue, double panicValue) implements Observation {
    public Observed {
      if (!Double.isFinite(stableValue)) {
        throw new KpaInputException("observedStableValue", "must be a finite number, was " + stableValue);
      }
      if (!Double.isFinite(panicValue)) {
        throw new KpaInputException("observedPanicValue", "must be a finite number, was " + panicValue);
      }
    }
  }

  /** Raw samples since the previous decision; they are recorded into the state's stable and panic windows. */
  record Samples(List<Sample> samples) implements Observation {
    public Samples {
      samples = List.copyOf(samples);
    }
  }
}
