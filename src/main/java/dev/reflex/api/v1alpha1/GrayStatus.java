package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Progress of a gray change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrayStatus(
    @Required
    @Min(0)
    @Max(100)
    @JsonPropertyDescription("Percentage of the change applied so far.")
    Integer grayPercent,

    @Required
    @JsonPropertyDescription("Time of the last gray step, RFC 3339.")
    String lastUpdateTime) {
}
