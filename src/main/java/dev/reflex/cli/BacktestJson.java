package dev.reflex.cli;

import dev.reflex.backtest.Backtest;
import dev.reflex.backtest.PolicyFigures;
import dev.reflex.backtest.Trace;
import dev.reflex.backtest.Workload;
import io.vertx.core.json.JsonObject;

/** The JSON line of {@code reflex backtest --json}: {@code {"trace":{…},"workload":{…},"policies":{…}}}. */
final class BacktestJson {

  private BacktestJson() {
  }

  static JsonObject of(Backtest.Result result) {
    Trace t = result.trace();
    Workload w = result.workload();
    JsonObject policies = new JsonObject();
    result.figures().forEach((kind, f) -> policies.put(kind.label(), figures(f)));
    return new JsonObject()
        .put("trace", new JsonObject().put("name", t.name()).put("start", t.start().toString())
            .put("stepSeconds", t.step().getSeconds()).put("seconds", t.seconds())
            .put("totalRequests", t.totalRequests()).put("peakRps", t.peakRps())
            .put("meanRps", t.totalRequests() / t.seconds()))
        .put("workload", new JsonObject().put("podCapacity", w.podCapacity()).put("target", w.target())
            .put("podStartupSeconds", w.podStartup().getSeconds())
            .put("podStartupJitterSeconds", w.podStartupJitter().getSeconds()).put("min", w.minReplicas())
            .put("max", w.maxReplicas()).put("initial", Backtest.initialReplicas(t, w)).put("seed", w.seed()))
        .put("policies", policies);
  }

  /** One policy's figures, as the JSON line and the live run's figures file write them. */
  static JsonObject figures(PolicyFigures f) {
    PolicyFigures.Elasticity e = f.elasticity();
    return new JsonObject().put("unservedRequests", f.unservedRequests()).put("unservedShare", f.unservedShare())
        .put("underProvisionedSeconds", f.underProvisionedSeconds()).put("podSeconds", f.podSeconds())
        .put("overProvisionedPodSeconds", f.overProvisionedPodSeconds()).put("meanPods", f.meanPods())
        .put("peakPods", f.peakPods()).put("scalingActions", f.scalingActions())
        .put("reactionSeconds", new JsonObject().put("count", f.reactions().count())
            .put("p50", f.reactions().p50Seconds()).put("p99", f.reactions().p99Seconds())
            .put("max", f.reactions().maxSeconds()))
        .put("elasticity", new JsonObject().put("accuracyUnder", e.accuracyUnder())
            .put("accuracyOver", e.accuracyOver()).put("timeshareUnder", e.timeshareUnder())
            .put("timeshareOver", e.timeshareOver()).put("jitterPerHour", e.jitterPerHour()));
  }
}
