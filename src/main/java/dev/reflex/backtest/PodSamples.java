package dev.reflex.backtest;

import dev.reflex.bus.SampleMessage;
import dev.reflex.bus.TargetKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples Reflex's streamed path receives for one second: every serving pod reports its share of the demand
 * ({@code rps}, demand / serving pods), stamped at the second's end, in one remote-write batch. Parked pods are
 * running and scraped but out of the traffic: they report 0. Pods still starting report nothing.
 */
final class PodSamples {

  /** The workload every backtest scales. */
  static final TargetKey WORKLOAD = new TargetKey("backtest", "workload");
  /** The streamed metric's name. */
  static final String METRIC = "rps";

  private PodSamples() {
  }

  /** The batch of {@code tick}, or null when no pod serves. */
  static SampleMessage.Batch of(Tick tick) {
    int ready = tick.servingPods();
    if (ready == 0) {
      return null;
    }
    double share = tick.demand() / ready;
    long timestamp = tick.at().toEpochMilli();
    List<SampleMessage.PodSample> samples = new ArrayList<>(ready);
    for (PodFleet.Pod pod : tick.fleet().pods()) {
      if (pod.readyAt(tick.second())) {
        samples.add(new SampleMessage.PodSample("pod=" + pod.name(), pod.name(), timestamp,
            pod.parked() ? 0 : share));
      }
    }
    return new SampleMessage.Batch(WORKLOAD, "Deployment", METRIC, samples, "remote-write", tick.at());
  }
}
