package dev.reflex.backtest;

import dev.reflex.core.gray.ReplicaProfile;

/**
 * One autoscaling policy in a backtest: told each second what happened, it answers the profile it writes (the
 * replica count, and with a gray strategy the pods it parks), or {@code null} when it writes nothing. Each policy
 * has its own cadence and metric path inside; the decisions are the production cores'.
 */
public sealed interface Policy permits IhpaPolicy, KnativeKpaPolicy, HpaPolicy {

  /** The profile to write after {@code tick}, or {@code null}. */
  ReplicaProfile observe(Tick tick);
}
