package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One source of desired replica counts of an IHPA; the member named by type is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HorizontalPortraitProvider(
    @Required
    @JsonPropertyDescription("Kind of provider.")
    PortraitProviderType type,

    @Required
    @JsonPropertyDescription("Priority of the provider; the valid value of the highest priority wins, ties go to the "
        + "larger replica count.")
    Integer priority,

    @JsonPropertyDescription("The static provider, for type Static.")
    @JsonProperty("static")
    StaticHorizontalPortraitProvider staticValue,

    @JsonPropertyDescription("The cron provider, for type Cron.")
    CronHorizontalPortraitProvider cron,

    @JsonPropertyDescription("The dynamic provider, for type Dynamic.")
    DynamicHorizontalPortraitProvider dynamic) {
}
