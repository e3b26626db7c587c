package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One point of a replica time series; its replicas apply from its timestamp until the next point. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReplicaTimeSeriesPoint {

  @Required
  @Min(0)
  @JsonPropertyDescription("Unix time in seconds.")
  private Long timestamp;

  @Required
  @Min(0)
  @JsonPropertyDescription("Desired online replicas from this point on.")
  private Integer replicas;

  /** Returns {@code timestamp}: unix time in seconds; null when unset. */
  public Long getTimestamp() {
    return timestamp;
  }

  /** Sets {@code timestamp}: unix time in seconds. */
  public void setTimestamp(Long timestamp) {
    this.timestamp = timestamp;
  }

  /** Returns {@code replicas}: desired online replicas from this point on; null when unset. */
  public Integer getReplicas() {
    return replicas;
  }

  /** Sets {@code replicas}: desired online replicas from this point on. */
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
    ReplicaTimeSeriesPoint other = (ReplicaTimeSeriesPoint) o;
    return Objects.equals(timestamp, other.timestamp) && Objects.equals(replicas, other.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestamp, replicas);
  }
}
