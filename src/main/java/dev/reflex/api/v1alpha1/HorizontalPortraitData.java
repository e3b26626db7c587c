package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Generated portrait data; the member named by type is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HorizontalPortraitData(
    @Required
    @JsonPropertyDescription("Shape of the data.")
    HorizontalPortraitDataType type,

    @JsonPropertyDescription("Static data, for type Static.")
    @JsonProperty("static")
    StaticHorizontalPortraitData staticValue,

    @JsonPropertyDescription("Cron data, for type Cron.")
    CronHorizontalPortraitData cron,

    @JsonPropertyDescription("Time-series data, for type TimeSeries.")
    TimeSeriesHorizontalPortraitData timeSeries,

    @JsonPropertyDescription("Instant (RFC 3339) after which the whole data is ignored.")
    String expireTime) {
}
