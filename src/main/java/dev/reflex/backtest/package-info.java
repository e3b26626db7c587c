/**
 * Backtests: a workload whose pods serve requests, fed by a traffic trace, replayed in virtual time under several
 * autoscaling policies at once, each on the pure decision cores Reflex runs in production with its own cadence and
 * metric delay.
 *
 * <p>The model, per virtual second: demand comes from the {@link dev.reflex.backtest.Trace}; the ready pods of a
 * {@link dev.reflex.backtest.PodFleet} serve up to {@code podCapacity} requests each and the rest is unserved;
 * the policy observes the second (each on its own metric path) and may write a new replica count, which the fleet
 * applies at once: new pods are ready after the startup delay, removed pods stop serving at once.
 * {@link dev.reflex.backtest.Backtest} runs it; {@link dev.reflex.backtest.FigureCounter} turns the seconds into
 * the figures users ask for (unserved requests, pod-seconds, reaction times, SPEC's elasticity metrics).
 *
 * <p>Nothing here reads a clock or does I/O: a run is a function of the trace, the workload and the policies.
 */
package dev.reflex.backtest;
