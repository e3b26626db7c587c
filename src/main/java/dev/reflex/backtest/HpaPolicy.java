package dev.reflex.backtest;

import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.hpa.Behavior;
import dev.reflex.core.hpa.HpaConfig;
import dev.reflex.core.hpa.HpaDecision;
import dev.reflex.core.hpa.HpaInput;
import dev.reflex.core.hpa.HpaSpec;
import dev.reflex.core.hpa.HpaState;
import dev.reflex.core.hpa.KubeHpa;
import dev.reflex.core.hpa.MetricIdentifier;
import dev.reflex.core.hpa.MetricSpec;
import dev.reflex.core.hpa.MetricTarget;
import dev.reflex.core.hpa.MetricValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code hpa} and {@code keda}: the Kubernetes HPA controller (default behavior: scale up by max(4 pods, 100 %) per
 * 15 s, scale down after a 5-minute stabilization window) reconciling every 15 s on a metric that lags.
 *
 * <ul>
 *   <li>{@code hpa}: a Pods metric {@code rps} at AverageValue target, through Prometheus and an adapter: at a
 *       reconcile at t it reads the mean demand over the 15 s scrape interval that ended 15 s earlier, shared by
 *       the pods ready then; pods that became ready since have no value yet (the HPA counts them as idle on a
 *       scale-up).</li>
 *   <li>{@code keda}: an External metric at AverageValue (KEDA's ScaledObject), whose value KEDA refreshes every 30 s
 *       from the same Prometheus query and serves from its cache in between (KEDA's {@code useCachedMetrics}).
 *       KEDA's polls keep their own phase against the HPA's reconciles (drawn from the workload's seed): aligned,
 *       every other reconcile would read a fresh value and KEDA would be indistinguishable from the HPA.</li>
 * </ul>
 */
final class HpaPolicy implements Policy {

  /** The HPA's sync period ({@code --horizontal-pod-autoscaler-sync-period}). */
  static final long SYNC_SECONDS = 15;
  /** How far behind the metric pipeline is: one scrape interval. */
  static final long METRIC_DELAY_SECONDS = 15;
  /** The scrape interval a value is averaged over. */
  static final long SCRAPE_SECONDS = 15;
  /** KEDA's default polling interval. */
  static final long KEDA_POLLING_SECONDS = 30;

  private final boolean keda;
  private final Instant start;
  private final HpaSpec spec;
  private final double[] demand;
  private final int[] ready;
  private final long pollPhase;
  private HpaState state = HpaState.FIRST_SIGHT;
  private double polled = Double.NaN;

  /**
   * @param keda whether this is the {@code keda} policy
   * @param seconds the length of the run, for the metric history
   */
  HpaPolicy(Workload workload, boolean keda, Instant start, long seconds) {
    this.keda = keda;
    this.start = start;
    MetricIdentifier metric = new MetricIdentifier(PodSamples.METRIC, null);
    MetricTarget target = MetricTarget.averageValue(Math.round(workload.target() * 1000));
    MetricSpec metricSpec = keda ? new MetricSpec.ExternalMetric(metric, target)
        : new MetricSpec.PodsMetric(metric, target);
    this.spec = new HpaSpec(PodSamples.WORKLOAD.name(), PodSamples.WORKLOAD.namespace(), workload.minReplicas(),
        workload.maxReplicas(), List.of(metricSpec), Behavior.DEFAULTS);
    this.demand = new double[(int) seconds];
    this.ready = new int[(int) seconds];
    this.pollPhase = new SplittableRandom(workload.seed()).nextLong(KEDA_POLLING_SECONDS);
  }

  @Override
  public ReplicaProfile observe(Tick tick) {
    int s = (int) tick.second();
    demand[s] = tick.demand();
    ready[s] = tick.servingPods();
    if (keda && (s + 1 + pollPhase) % KEDA_POLLING_SECONDS == 0) {
      polled = scraped(s);
    }
    if ((s + 1) % SYNC_SECONDS != 0) {
      return null;
    }
    HpaInput input = new HpaInput(spec, HpaPods.scale(tick.fleet()), HpaPods.pods(tick, start), List.of(),
        keda ? externalValue() : podValues(tick), null, HpaConfig.DEFAULTS);
    HpaDecision decision = KubeHpa.decide(input, state, tick.at());
    state = decision.nextState();
    return decision.scaleUpdated() ? ReplicaProfile.online(decision.desiredReplicas()) : null;
  }

  /** The mean demand over the scrape interval that ended {@link #METRIC_DELAY_SECONDS} before second {@code s}. */
  private double scraped(int s) {
    int end = s - (int) METRIC_DELAY_SECONDS;
    if (end < 0) {
      return Double.NaN;
    }
    int from = Math.max(0, end - (int) SCRAPE_SECONDS + 1);
    double sum = 0;
    for (int i = from; i <= end; i++) {
      sum += demand[i];
    }
    return sum / (end - from + 1);
  }

  private List<MetricValue> externalValue() {
    if (Double.isNaN(polled)) {
      return List.of();
    }
    return List.of(MetricValue.external(PodSamples.METRIC, Math.round(polled * 1000)));
  }

  private List<MetricValue> podValues(Tick tick) {
    int s = (int) tick.second();
    double mean = scraped(s);
    int end = s - (int) METRIC_DELAY_SECONDS;
    if (Double.isNaN(mean) || ready[end] == 0) {
      return List.of();
    }
    long perPod = Math.round(mean / ready[end] * 1000);
    List<MetricValue> values = new ArrayList<>();
    for (PodFleet.Pod pod : tick.fleet().pods()) {
      if (pod.readyAt(end)) {
        values.add(MetricValue.pod(PodSamples.METRIC, pod.name(), perPod));
      }
    }
    return values;
  }
}
