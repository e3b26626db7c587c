package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/** Portrait data holding a replica time series. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TimeSeriesHorizontalPortraitData {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Points in ascending time order.")
  private List<ReplicaTimeSeriesPoint> timeSeries;

  /** Returns {@code timeSeries}: points in ascending time order; null when unset. */
  public List<ReplicaTimeSeriesPoint> getTimeSeries() {
    return timeSeries;
  }

  /** Sets {@code timeSeries}: points in ascending time order. */
  public void setTimeSeries(List<ReplicaTimeSeriesPoint> timeSeries) {
    this.timeSeries = timeSeries;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    TimeSeriesHorizontalPortraitData other = (TimeSeriesHorizontalPortraitData) o;
    return Objects.equals(timeSeries, other.timeSeries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeSeries);
  }
}
