package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A portrait value: the replicas one portrait provider wants now, and until when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HorizontalPortraitValue(
    @Required
    @JsonPropertyDescription("Identifier of the provider, for example Static, Cron, Dynamic-Reactive or "
        + "Dynamic-Predictive.")
    String provider,

    @Required
    @Min(0)
    @JsonPropertyDescription("Desired online replicas.")
    Integer replicas,

    @JsonPropertyDescription("Instant (RFC 3339) after which the value no longer applies; absent means no expiry.")
    String expireTime) {
}
