package dev.reflex.core.forecast;

import dev.reflex.core.portrait.TimeSeriesPoint;
import dev.reflex.core.portrait.TimeSeriesPortrait;
import java.time.Instant;
import java.util.List;

/**
 * A forecast: the replica portrait and what it was made from.
 *
 * @param points replicas per {@code scalingFreq} bucket from the bucket holding {@code now}, in time order
 * @param expireTime end of the last bucket: the portrait means nothing after it
 * @param traffic the traffic forecast per metric at the history step, from the step after the history
 * @param model the traffic to usage model
 * @param trafficFitError per traffic metric, the mean absolute percentage error (0.1 = 10%) of the Holt-Winters
 *     forecasts made one horizon ahead over the history
 */
public record Forecast(List<TimeSeriesPoint> points, Instant expireTime, List<RegularSeries> traffic,
    ReplicaModel model, List<Double> trafficFitError) {

  public Forecast {
    points = List.copyOf(points);
    traffic = List.copyOf(traffic);
    trafficFitError = List.copyOf(trafficFitError);
  }

  /** The points as a TimeSeries portrait. */
  public TimeSeriesPortrait portrait() {
    return new TimeSeriesPortrait(points);
  }
}
