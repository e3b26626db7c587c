package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Generated portrait data; the member named by type is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class HorizontalPortraitData {

  @Required
  @JsonPropertyDescription("Shape of the data.")
  private HorizontalPortraitDataType type;

  @JsonPropertyDescription("Static data, for type Static.")
  @JsonProperty("static")
  private StaticHorizontalPortraitData staticValue;

  @JsonPropertyDescription("Cron data, for type Cron.")
  private CronHorizontalPortraitData cron;

  @JsonPropertyDescription("Time-series data, for type TimeSeries.")
  private TimeSeriesHorizontalPortraitData timeSeries;

  @JsonPropertyDescription("Instant (RFC 3339) after which the whole data is ignored.")
  private String expireTime;

  /** Returns {@code type}: shape of the data; null when unset. */
  public HorizontalPortraitDataType getType() {
    return type;
  }

  /** Sets {@code type}: shape of the data. */
  public void setType(HorizontalPortraitDataType type) {
    this.type = type;
  }

  /** Returns {@code static}: static data, for type Static; null when unset. */
  public StaticHorizontalPortraitData getStatic() {
    return staticValue;
  }

  /** Sets {@code static}: static data, for type Static. */
  public void setStatic(StaticHorizontalPortraitData staticValue) {
    this.staticValue = staticValue;
  }

  /** Returns {@code cron}: cron data, for type Cron; null when unset. */
  public CronHorizontalPortraitData getCron() {
    return cron;
  }

  /** Sets {@code cron}: cron data, for type Cron. */
  public void setCron(CronHorizontalPortraitData cron) {
    this.cron = cron;
  }

  /** Returns {@code timeSeries}: time-series data, for type TimeSeries; null when unset. */
  public TimeSeriesHorizontalPortraitData getTimeSeries() {
    return timeSeries;
  }

  /** Sets {@code timeSeries}: time-series data, for type TimeSeries. */
  public void setTimeSeries(TimeSeriesHorizontalPortraitData timeSeries) {
    this.timeSeries = timeSeries;
  }

  /** Returns {@code expireTime}: instant (RFC 3339) after which the whole data is ignored; null when unset. */
  public String getExpireTime() {
    return expireTime;
  }

  /** Sets {@code expireTime}: instant (RFC 3339) after which the whole data is ignored. */
  public void setExpireTime(String expireTime) {
    this.expireTime = expireTime;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    HorizontalPortraitData other = (HorizontalPortraitData) o;
    return Objects.equals(type, other.type) && Objects.equals(staticValue, other.staticValue)
        && Objects.equals(cron, other.cron) && Objects.equals(timeSeries, other.timeSeries)
        && Objects.equals(expireTime, other.expireTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, staticValue, cron, timeSeries, expireTime);
  }
}
