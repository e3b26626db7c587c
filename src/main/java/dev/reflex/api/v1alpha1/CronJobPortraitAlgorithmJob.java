package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** An external algorithm job run by a Kubernetes CronJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CronJobPortraitAlgorithmJob(
    @Required
    @JsonPropertyDescription("Template of the CronJob.")
    CronJobTemplate template) {
}
