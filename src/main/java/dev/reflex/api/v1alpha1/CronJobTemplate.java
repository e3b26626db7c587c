package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import java.util.Objects;

/** Template of the CronJob that runs an external algorithm job. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CronJobTemplate {

  @PreserveUnknownFields
  @SchemaFrom(type = Object.class)
  @JsonPropertyDescription("Labels and annotations given to the CronJob.")
  private ObjectMeta metadata;

  @PreserveUnknownFields
  @SchemaFrom(type = Object.class)
  @JsonPropertyDescription("Spec of the CronJob (batch/v1 CronJobSpec, not expanded in the schema to keep the CRD "
      + "small enough for client-side kubectl apply); the container named algorithm receives the defaults and"
      + " environment.")
  private CronJobSpec spec;

  /** Returns {@code metadata}: labels and annotations given to the CronJob; null when unset. */
  public ObjectMeta getMetadata() {
    return metadata;
  }

  /** Sets {@code metadata}: labels and annotations given to the CronJob. */
  public void setMetadata(ObjectMeta metadata) {
    this.metadata = metadata;
  }

  /**
   * Returns {@code spec}: spec of the CronJob (batch/v1 CronJobSpec, not expanded in the schema to keep the CRD small
   * enough for client-side kubectl apply); the container named algorithm receives the defaults and environment; null
   * when unset.
   */
  public CronJobSpec getSpec() {
    return spec;
  }

  /**
   * Sets {@code spec}: spec of the CronJob (batch/v1 CronJobSpec, not expanded in the schema to keep the CRD small
   * enough for client-side kubectl apply); the container named algorithm receives the defaults and environment.
   */
  public void setSpec(CronJobSpec spec) {
    this.spec = spec;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    CronJobTemplate other = (CronJobTemplate) o;
    return Objects.equals(metadata, other.metadata) && Objects.equals(spec, other.spec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(metadata, spec);
  }
}
