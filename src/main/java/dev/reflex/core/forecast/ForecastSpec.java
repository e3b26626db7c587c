package dev.reflex.core.forecast;

import java.time.Duration;
import java.util.Objects;

/**
 * What to forecast (the {@code forecast} algorithm fields plus the target of metrics[0]).
 *
 * @param seasonality length of one traffic cycle, a multiple of the history step
 * @param scalingFreq resolution of the published portrait, at least the history step
 * @param horizon how far past {@code now} the portrait reaches
 * @param lead how long before a forecast step its replicas are asked for (the pods' startup), 0 or more and below
 *     the horizon
 * @param targetPerReplica the per-replica resource target (same unit as the usage series, e.g. cores), positive
 */
public record ForecastSpec(Duration seasonality, Duration scalingFreq, Duration horizon, Duration lead,
    double targetPerReplica) {

  public ForecastSpec {
    Objects.requireNonNull(seasonality, "seasonalityPeriod");
    Objects.requireNonNull(scalingFreq, "scalingFreq");
    Objects.requireNonNull(horizon, "forecastHorizon");
    Objects.requireNonNull(lead, "leadTime");
    if (seasonality.isNegative() || seasonality.isZero()) {
      throw new IllegalArgumentException("seasonalityPeriod: must be positive");
    }
    if (scalingFreq.isNegative() || scalingFreq.isZero()) {
      throw new IllegalArgumentException("scalingFreq: must be positive");
    }
    if (horizon.compareTo(scalingFreq) < 0) {
      throw new IllegalArgumentException("forecastHorizon: must be at least scalingFreq");
    }
    if (lead.isNegative() || lead.compareTo(horizon) >= 0) {
      throw new IllegalArgumentException("leadTime: must be at least 0s and below forecastHorizon");
    }
    if (!(targetPerReplica > 0) || Double.isInfinite(targetPerReplica)) {
      throw new IllegalArgumentException("metrics[0] target: must be a positive per-replica value, got "
          + targetPerReplica);
    }
  }
}
