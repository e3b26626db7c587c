package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/**
 * A cron rule: between each start instant and the following end instant the rule is active and asks for its replicas.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaCron(
    @Required
    @JsonPropertyDescription("Name of the rule, unique within its list; used in messages.")
    String name,

    @JsonPropertyDescription("Free-text description of the rule.")
    String description,

    @Default("UTC")
    @JsonPropertyDescription("IANA time zone the start and end expressions are evaluated in.")
    String timeZone,

    @Required
    @JsonPropertyDescription("Standard five-field cron expression (minute hour day-of-month month day-of-week) at "
        + "which the rule becomes active.")
    String start,

    @Required
    @JsonPropertyDescription("Five-field cron expression at which the rule stops being active.")
    String end,

    @Required
    @Min(0)
    @JsonPropertyDescription("Desired online replicas while the rule is active.")
    Integer replicas) {
}
