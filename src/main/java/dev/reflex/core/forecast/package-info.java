/**
 * The built-in forecaster of Predictive portraits (a Reflex extension): from at least two seasonality periods of
 * history of the traffic metrics, the workload's resource usage and its ready replicas, it forecasts traffic with
 * additive Holt-Winters (level, trend, season), learns how resource usage per replica follows traffic per replica,
 * and turns the traffic forecast into a replica series resampled by maximum to the scaling frequency, never below
 * what the history needed at similar traffic. Pure: inputs are regular series and an explicit {@code now}.
 */
package dev.reflex.core.forecast;
