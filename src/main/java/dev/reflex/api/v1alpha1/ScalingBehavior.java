package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Scaling behaviour in one direction. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScalingBehavior(
    @JsonPropertyDescription("Disables scaling in this direction.")
    Boolean disabled,

    @JsonPropertyDescription("Gray change strategy; absent means changes apply at once.")
    GrayStrategy grayStrategy) {
}
