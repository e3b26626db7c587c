package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** How a ReplicaProfile picks pods and controls their traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReplicaProfileBehavior {

  @JsonPropertyDescription("How pods are ranked.")
  private PodSorter podSorter;

  @JsonPropertyDescription("How traffic is switched for pods.")
  private PodTrafficController podTrafficController;

  /** Returns {@code podSorter}: how pods are ranked; null when unset. */
  public PodSorter getPodSorter() {
    return podSorter;
  }

  /** Sets {@code podSorter}: how pods are ranked. */
  public void setPodSorter(PodSorter podSorter) {
    this.podSorter = podSorter;
  }

  /** Returns {@code podTrafficController}: how traffic is switched for pods; null when unset. */
  public PodTrafficController getPodTrafficController() {
    return podTrafficController;
  }

  /** Sets {@code podTrafficController}: how traffic is switched for pods. */
  public void setPodTrafficController(PodTrafficController podTrafficController) {
    this.podTrafficController = podTrafficController;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ReplicaProfileBehavior other = (ReplicaProfileBehavior) o;
    return Objects.equals(podSorter, other.podSorter)
        && Objects.equals(podTrafficController, other.podTrafficController);
  }

  @Override
  public int hashCode() {
    return Objects.hash(podSorter, podTrafficController);
  }
}
