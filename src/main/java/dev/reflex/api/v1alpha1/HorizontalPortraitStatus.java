package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** Observed state of a HorizontalPortrait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HorizontalPortraitStatus(
    @JsonPropertyDescription("The generated portrait data.")
    HorizontalPortraitData portraitData,

    @JsonPropertyDescription("Condition PortraitGenerated.")
    List<Condition> conditions) {
}
