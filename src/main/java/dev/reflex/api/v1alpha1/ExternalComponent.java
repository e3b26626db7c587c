package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** Names an external implementation of a pluggable component and passes it free-form configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalComponent(
    @Required
    @JsonPropertyDescription("Name of the external implementation.")
    String name,

    @JsonPropertyDescription("Configuration handed to the external implementation.")
    Map<String, String> config) {
}
