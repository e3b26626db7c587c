package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Where the portrait data produced by an external algorithm job is read from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortraitAlgorithmResultSource(
    @Required
    @JsonPropertyDescription("Kind of result source.")
    PortraitAlgorithmResultSourceType type,

    @JsonPropertyDescription("The ConfigMap source, for type ConfigMap.")
    ConfigMapPortraitAlgorithmResultSource configMap) {
}
