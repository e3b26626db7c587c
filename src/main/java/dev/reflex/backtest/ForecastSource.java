package dev.reflex.backtest;

import dev.reflex.bus.SampleMessage;
import dev.reflex.core.forecast.Forecast;
import dev.reflex.core.forecast.ForecastInput;
import dev.reflex.core.forecast.ForecastSpec;
import dev.reflex.core.forecast.Forecaster;
import dev.reflex.core.forecast.RegularSeries;
import dev.reflex.core.portrait.NoPortraitData;
import dev.reflex.core.portrait.PortraitData;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.TimeSeriesPortrait;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A {@code Forecast} portrait on the run's own history, at the one-minute step the product queries: traffic is the
 * demand, the resource usage is the requests the pods served (so a pod's usage target is the workload's target),
 * the replicas are the serving pods. Refitted every {@code scalingFreq} as the product's generator is; until the
 * history holds two seasons (or when a fit fails) the portrait keeps what it had, as a failed generation does.
 */
final class ForecastSource implements PortraitSource {

  private static final Duration STEP = Duration.ofMinutes(1);

  private final IhpaSetup.Forecast spec;
  private final Workload workload;
  private final Instant start;
  private final ForecastSpec forecastSpec;
  private final double[] traffic;
  private final double[] usage;
  private final double[] replicas;
  private double minuteDemand;
  private double minuteServed;
  private double minuteServing;
  private Instant nextFit;
  private PortraitData data = new NoPortraitData();
  private Optional<Instant> expire = Optional.empty();

  /** @param seconds the length of the run, for the history */
  ForecastSource(IhpaSetup.Forecast spec, Workload workload, Instant start, long seconds) {
    this.spec = spec;
    this.workload = workload;
    this.start = start;
    this.forecastSpec = new ForecastSpec(spec.seasonality(), spec.scalingFreq(), spec.horizon(), spec.lead(),
        workload.target());
    int minutes = (int) (seconds / 60 + 1);
    this.traffic = new double[minutes];
    this.usage = new double[minutes];
    this.replicas = new double[minutes];
    Arrays.fill(traffic, Double.NaN);
    Arrays.fill(usage, Double.NaN);
    Arrays.fill(replicas, Double.NaN);
  }

  @Override
  public void observe(Tick tick, SampleMessage.Batch batch) {
    int serving = tick.servingPods();
    minuteDemand += tick.demand();
    minuteServed += Math.min(tick.demand(), serving * workload.podCapacity());
    minuteServing += serving;
    long elapsed = tick.second() + 1;
    if (elapsed % 60 == 0) {
      int minute = (int) (elapsed / 60) - 1;
      traffic[minute] = minuteDemand / 60;
      usage[minute] = minuteServed / 60;
      replicas[minute] = minuteServing / 60;
      minuteDemand = 0;
      minuteServed = 0;
      minuteServing = 0;
    }
    if (nextFit != null && tick.at().isBefore(nextFit)) {
      return;
    }
    nextFit = tick.at().plus(spec.scalingFreq());
    fit(tick.at(), (int) (elapsed / 60));
  }

  /** Fits on the whole minutes so far, at most {@code historyLength} of them. */
  private void fit(Instant now, int minutes) {
    int length = (int) Math.min(minutes, spec.historyLength().toMinutes());
    if (length < 2) {
      return;
    }
    int from = minutes - length;
    Instant first = start.plus(STEP.multipliedBy(from));
    try {
      Forecast forecast = Forecaster.forecast(new ForecastInput(
          List.of(new RegularSeries(first, STEP, Arrays.copyOfRange(traffic, from, minutes))),
          new RegularSeries(first, STEP, Arrays.copyOfRange(usage, from, minutes)),
          new RegularSeries(first, STEP, Arrays.copyOfRange(replicas, from, minutes))), forecastSpec, now);
      data = new TimeSeriesPortrait(forecast.points());
      expire = Optional.of(forecast.expireTime());
    } catch (IllegalArgumentException e) {
      // Too little history yet, or a fit the forecaster refuses: the portrait keeps its last data.
    }
  }

  @Override
  public PortraitProvider provider() {
    return PortraitProvider.dynamic(spec.portraitType(), spec.priority(), data, expire);
  }
}
