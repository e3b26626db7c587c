package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

/** How pods are ranked when some must change state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PodSorter(
    @Default("WorkloadDefault")
    @JsonPropertyDescription("Kind of pod sorter.")
    PodSorterType type,

    @JsonPropertyDescription("The external sorter, for type External.")
    ExternalComponent external) {
}
