package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/**
 * Reflex extension, not in Kapacity: parameters of the built-in forecaster for Predictive portraits. It follows the
 * predictive metric conventions (metrics[0] the resource target, metrics[1] the ready pods, the rest traffic) and
 * publishes a TimeSeries portrait without an external job.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ForecastPortraitAlgorithm {

  @Default("168h")
  @JsonPropertyDescription("How much history the forecaster learns from, a duration covering at least two "
      + "seasonality periods.")
  private String historyLength;

  @Default("24h")
  @JsonPropertyDescription("Length of one behaviour cycle of the traffic, a duration such as 24h.")
  private String seasonalityPeriod;

  @Default("10m")
  @JsonPropertyDescription("Resolution of the published portrait: the forecast is resampled by maximum to this step,"
      + " a duration of at least 1m.")
  private String scalingFreq;

  @Default("1h")
  @JsonPropertyDescription("How far ahead each refresh forecasts, a duration of at least one scalingFreq.")
  private String forecastHorizon;

  /**
   * Returns {@code historyLength}: how much history the forecaster learns from, a duration covering at least two
   * seasonality periods; null when unset.
   */
  public String getHistoryLength() {
    return historyLength;
  }

  /**
   * Sets {@code historyLength}: how much history the forecaster learns from, a duration covering at least two
   * seasonality periods.
   */
  public void setHistoryLength(String historyLength) {
    this.historyLength = historyLength;
  }

  /**
   * Returns {@code seasonalityPeriod}: length of one behaviour cycle of the traffic, a duration such as 24h; null when
   * unset.
   */
  public String getSeasonalityPeriod() {
    return seasonalityPeriod;
  }

  /** Sets {@code seasonalityPeriod}: length of one behaviour cycle of the traffic, a duration such as 24h. */
  public void setSeasonalityPeriod(String seasonalityPeriod) {
    this.seasonalityPeriod = seasonalityPeriod;
  }

  /**
   * Returns {@code scalingFreq}: resolution of the published portrait: the forecast is resampled by maximum to this
   * step, a duration of at least 1m; null when unset.
   */
  public String getScalingFreq() {
    return scalingFreq;
  }

  /**
   * Sets {@code scalingFreq}: resolution of the published portrait: the forecast is resampled by maximum to this step,
   * a duration of at least 1m.
   */
  public void setScalingFreq(String scalingFreq) {
    this.scalingFreq = scalingFreq;
  }

  /**
   * Returns {@code forecastHorizon}: how far ahead each refresh forecasts, a duration of at least one scalingFreq;
   * null when unset.
   */
  public String getForecastHorizon() {
    return forecastHorizon;
  }

  /** Sets {@code forecastHorizon}: how far ahead each refresh forecasts, a duration of at least one scalingFreq. */
  public void setForecastHorizon(String forecastHorizon) {
    this.forecastHorizon = forecastHorizon;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ForecastPortraitAlgorithm other = (ForecastPortraitAlgorithm) o;
    return Objects.equals(historyLength, other.historyLength)
        && Objects.equals(seasonalityPeriod, other.seasonalityPeriod)
        && Objects.equals(scalingFreq, other.scalingFreq) && Objects.equals(forecastHorizon, other.forecastHorizon);
  }

  @Override
  public int hashCode() {
    return Objects.hash(historyLength, seasonalityPeriod, scalingFreq, forecastHorizon);
  }
}
