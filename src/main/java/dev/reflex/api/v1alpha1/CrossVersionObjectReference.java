package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * Identifies the workload to scale, as the autoscaling/v2 CrossVersionObjectReference does: anything that serves the
 * /scale subresource.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CrossVersionObjectReference {

  @Required
  @JsonPropertyDescription("Kind of the referent, for example StatefulSet or Deployment.")
  private String kind;

  @Required
  @JsonPropertyDescription("Name of the referent, in the namespace of the referring object.")
  private String name;

  @JsonPropertyDescription("API version of the referent, for example apps/v1.")
  private String apiVersion;

  /** Returns {@code kind}: kind of the referent, for example StatefulSet or Deployment; null when unset. */
  public String getKind() {
    return kind;
  }

  /** Sets {@code kind}: kind of the referent, for example StatefulSet or Deployment. */
  public void setKind(String kind) {
    this.kind = kind;
  }

  /** Returns {@code name}: name of the referent, in the namespace of the referring object; null when unset. */
  public String getName() {
    return name;
  }

  /** Sets {@code name}: name of the referent, in the namespace of the referring object. */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns {@code apiVersion}: aPI version of the referent, for example apps/v1; null when unset. */
  public String getApiVersion() {
    return apiVersion;
  }

  /** Sets {@code apiVersion}: aPI version of the referent, for example apps/v1. */
  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    CrossVersionObjectReference other = (CrossVersionObjectReference) o;
    return Objects.equals(kind, other.kind) && Objects.equals(name, other.name)
        && Objects.equals(apiVersion, other.apiVersion);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, name, apiVersion);
  }
}
