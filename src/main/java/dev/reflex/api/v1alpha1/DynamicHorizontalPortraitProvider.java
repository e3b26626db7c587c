package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A provider whose replica counts come from a HorizontalPortrait generated from this portrait spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record DynamicHorizontalPortraitProvider(String portraitType, String externalGeneratorName,
    List<MetricSpec> metrics, PortraitAlgorithm algorithm) implements PortraitSpec {
}
