package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * Desired state of a HorizontalPortrait: the workload and the portrait spec copied from the IHPA's Dynamic provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HorizontalPortraitSpec(
    String portraitType,
    String externalGeneratorName,
    List<MetricSpec> metrics,
    PortraitAlgorithm algorithm,

    @Required
    @JsonPropertyDescription("The workload the portrait is for.")
    CrossVersionObjectReference scaleTargetRef) implements PortraitSpec {
}
