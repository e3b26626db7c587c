package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** One point of a replica time series; its replicas apply from its timestamp until the next point. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaTimeSeriesPoint(
    @Required
    @Min(0)
    @JsonPropertyDescription("Unix time in seconds.")
    Long timestamp,

    @Required
    @Min(0)
    @JsonPropertyDescription("Desired online replicas from this point on.")
    Integer replicas) {
}
