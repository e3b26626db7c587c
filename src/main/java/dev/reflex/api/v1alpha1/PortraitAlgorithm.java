package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * The algorithm that generates a portrait. The type is a string, not an enum, as in Kapacity: KubeHPA and KPA (Reflex
 * extension) for Reactive portraits, ExternalJob and Forecast (Reflex extension) for Predictive ones; external
 * generators may use their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortraitAlgorithm(
    @Required
    @JsonPropertyDescription("Algorithm type: KubeHPA, KPA, ExternalJob or Forecast.")
    String type,

    @JsonPropertyDescription("Parameters of the KubeHPA algorithm.")
    KubeHPAPortraitAlgorithm kubeHPA,

    @JsonPropertyDescription("Parameters of the KPA algorithm (Reflex extension).")
    KpaPortraitAlgorithm kpa,

    @JsonPropertyDescription("Parameters of the ExternalJob algorithm.")
    ExternalJobPortraitAlgorithm externalJob,

    @JsonPropertyDescription("Parameters of the built-in forecaster (Reflex extension).")
    ForecastPortraitAlgorithm forecast,

    @PreserveUnknownFields
    @SchemaFrom(type = Object.class)
    @JsonPropertyDescription("Free-form configuration for external portrait generators.")
    Map<String, Object> config) {
}
