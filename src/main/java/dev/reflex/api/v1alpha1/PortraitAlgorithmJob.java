package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The job that runs an external portrait algorithm. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortraitAlgorithmJob(
    @Required
    @JsonPropertyDescription("How the job is run.")
    PortraitAlgorithmJobType type,

    @JsonPropertyDescription("The CronJob settings, for type CronJob.")
    CronJobPortraitAlgorithmJob cronJob) {
}
