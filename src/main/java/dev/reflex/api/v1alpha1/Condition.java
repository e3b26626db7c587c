package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * One observation of an aspect of an object's state, shaped like metav1.Condition so that kubectl and generic tools
 * read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Condition {

  @Required
  @JsonPropertyDescription("Type of the condition, for example ScalingActive.")
  private String type;

  @Required
  @JsonPropertyDescription("Status of the condition: True, False or Unknown.")
  private ConditionStatus status;

  @Min(0)
  @JsonPropertyDescription("The metadata.generation the condition was set from.")
  private Long observedGeneration;

  @Required
  @JsonPropertyDescription("Last time the status changed, RFC 3339.")
  private String lastTransitionTime;

  @Required
  @JsonPropertyDescription("Machine-readable CamelCase reason for the last transition.")
  private String reason;

  @Required
  @JsonPropertyDescription("Human-readable message about the transition; may be empty.")
  private String message;

  /** Returns {@code type}: type of the condition, for example ScalingActive; null when unset. */
  public String getType() {
    return type;
  }

  /** Sets {@code type}: type of the condition, for example ScalingActive. */
  public void setType(String type) {
    this.type = type;
  }

  /** Returns {@code status}: status of the condition: True, False or Unknown; null when unset. */
  public ConditionStatus getStatus() {
    return status;
  }

  /** Sets {@code status}: status of the condition: True, False or Unknown. */
  public void setStatus(ConditionStatus status) {
    this.status = status;
  }

  /** Returns {@code observedGeneration}: the metadata.generation the condition was set from; null when unset. */
  public Long getObservedGeneration() {
    return observedGeneration;
  }

  /** Sets {@code observedGeneration}: the metadata.generation the condition was set from. */
  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  /** Returns {@code lastTransitionTime}: last time the status changed, RFC 3339; null when unset. */
  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  /** Sets {@code lastTransitionTime}: last time the status changed, RFC 3339. */
  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  /** Returns {@code reason}: machine-readable CamelCase reason for the last transition; null when unset. */
  public String getReason() {
    return reason;
  }

  /** Sets {@code reason}: machine-readable CamelCase reason for the last transition. */
  public void setReason(String reason) {
    this.reason = reason;
  }

  /** Returns {@code message}: human-readable message about the transition; may be empty; null when unset. */
  public String getMessage() {
    return message;
  }

  /** Sets {@code message}: human-readable message about the transition; may be empty. */
  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    Condition other = (Condition) o;
    return Objects.equals(type, other.type) && Objects.equals(status, other.status)
        && Objects.equals(observedGeneration, other.observedGeneration)
        && Objects.equals(lastTransitionTime, other.lastTransitionTime) && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, observedGeneration, lastTransitionTime, reason, message);
  }
}
