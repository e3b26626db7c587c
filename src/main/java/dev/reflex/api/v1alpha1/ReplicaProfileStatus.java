package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Objects;

/** Observed pod counts per state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReplicaProfileStatus {

  @Min(0)
  @JsonPropertyDescription("Running pods in state Online.")
  private Integer onlineReplicas;

  @Min(0)
  @JsonPropertyDescription("Running pods in state Cutoff.")
  private Integer cutoffReplicas;

  @Min(0)
  @JsonPropertyDescription("Running pods in state Standby.")
  private Integer standbyReplicas;

  @JsonPropertyDescription("Conditions Applied and Ensured.")
  private List<Condition> conditions;

  /** Returns {@code onlineReplicas}: running pods in state Online; null when unset. */
  public Integer getOnlineReplicas() {
    return onlineReplicas;
  }

  /** Sets {@code onlineReplicas}: running pods in state Online. */
  public void setOnlineReplicas(Integer onlineReplicas) {
    this.onlineReplicas = onlineReplicas;
  }

  /** Returns {@code cutoffReplicas}: running pods in state Cutoff; null when unset. */
  public Integer getCutoffReplicas() {
    return cutoffReplicas;
  }

  /** Sets {@code cutoffReplicas}: running pods in state Cutoff. */
  public void setCutoffReplicas(Integer cutoffReplicas) {
    this.cutoffReplicas = cutoffReplicas;
  }

  /** Returns {@code standbyReplicas}: running pods in state Standby; null when unset. */
  public Integer getStandbyReplicas() {
    return standbyReplicas;
  }

  /** Sets {@code standbyReplicas}: running pods in state Standby. */
  public void setStandbyReplicas(Integer standbyReplicas) {
    this.standbyReplicas = standbyReplicas;
  }

  /** Returns {@code conditions}: conditions Applied and Ensured; null when unset. */
  public List<Condition> getConditions() {
    return conditions;
  }

  /** Sets {@code conditions}: conditions Applied and Ensured. */
  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ReplicaProfileStatus other = (ReplicaProfileStatus) o;
    return Objects.equals(onlineReplicas, other.onlineReplicas)
        && Objects.equals(cutoffReplicas, other.cutoffReplicas)
        && Objects.equals(standbyReplicas, other.standbyReplicas) && Objects.equals(conditions, other.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(onlineReplicas, cutoffReplicas, standbyReplicas, conditions);
  }
}
