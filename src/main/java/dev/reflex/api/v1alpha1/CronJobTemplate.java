package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;

/** Template of the CronJob that runs an external algorithm job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CronJobTemplate(
    @PreserveUnknownFields
    @SchemaFrom(type = Object.class)
    @JsonPropertyDescription("Labels and annotations given to the CronJob.")
    ObjectMeta metadata,

    @PreserveUnknownFields
    @SchemaFrom(type = Object.class)
    @JsonPropertyDescription("Spec of the CronJob (batch/v1 CronJobSpec, not expanded in the schema to keep the CRD "
        + "small enough for client-side kubectl apply); the container named algorithm receives the defaults and"
        + " environment.")
    CronJobSpec spec) {
}
