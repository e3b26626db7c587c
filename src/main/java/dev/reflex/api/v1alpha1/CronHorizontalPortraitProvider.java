package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A provider that wants replica counts on cron schedules. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CronHorizontalPortraitProvider(
    @Required
    @Size(min = 1)
    @JsonPropertyDescription("Cron rules; at most one may be active at a time.")
    List<ReplicaCron> crons) {
}
