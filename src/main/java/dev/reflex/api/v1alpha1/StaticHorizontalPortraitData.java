package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Portrait data holding one replica count. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StaticHorizontalPortraitData {

  @Required
  @Min(0)
  @JsonPropertyDescription("Desired online replicas.")
  private Integer replicas;

  /** Returns {@code replicas}: desired online replicas; null when unset. */
  public Integer getReplicas() {
    return replicas;
  }

  /** Sets {@code replicas}: desired online replicas. */
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    StaticHorizontalPortraitData other = (StaticHorizontalPortraitData) o;
    return Objects.equals(replicas, other.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(replicas);
  }
}
