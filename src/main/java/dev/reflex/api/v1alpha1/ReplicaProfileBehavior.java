package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How a ReplicaProfile picks pods and controls their traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicaProfileBehavior(
    @JsonPropertyDescription("How pods are ranked.")
    PodSorter podSorter,

    @JsonPropertyDescription("How traffic is switched for pods.")
    PodTrafficController podTrafficController) {
}
