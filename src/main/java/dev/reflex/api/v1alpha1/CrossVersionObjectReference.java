package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * Identifies the workload to scale, as the autoscaling/v2 CrossVersionObjectReference does: anything that serves the
 * /scale subresource.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrossVersionObjectReference(
    @Required
    @JsonPropertyDescription("Kind of the referent, for example StatefulSet or Deployment.")
    String kind,

    @Required
    @JsonPropertyDescription("Name of the referent, in the namespace of the referring object.")
    String name,

    @JsonPropertyDescription("API version of the referent, for example apps/v1.")
    String apiVersion) {
}
