package dev.reflex.backtest;

/**
 * One autoscaling policy in a backtest: told each second what happened, it answers the replica count it writes to
 * the workload's scale, or {@link #NO_CHANGE}. Each policy has its own cadence and metric path inside; the decisions
 * are the production cores'.
 */
public sealed interface Policy permits ReflexKpaPolicy, KnativeKpaPolicy, HpaPolicy, ReflexKubeHpaPolicy {

  /** Nothing is written this second. */
  int NO_CHANGE = -1;

  /** The replica count to write after {@code tick}, or {@link #NO_CHANGE}. */
  int observe(Tick tick);
}
