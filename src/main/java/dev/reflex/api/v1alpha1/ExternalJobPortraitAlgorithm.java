package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An algorithm run outside the scaler as a job whose result is imported into the portrait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalJobPortraitAlgorithm(
    @Required
    @JsonPropertyDescription("The job that runs the algorithm.")
    PortraitAlgorithmJob job,

    @Required
    @JsonPropertyDescription("Where the job's result is read from.")
    PortraitAlgorithmResultSource resultSource) {
}
