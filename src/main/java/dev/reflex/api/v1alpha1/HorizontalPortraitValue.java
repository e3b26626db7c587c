package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A portrait value: the replicas one portrait provider wants now, and until when. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class HorizontalPortraitValue {

  @Required
  @JsonPropertyDescription("Identifier of the provider, for example Static, Cron, Dynamic-Reactive or "
      + "Dynamic-Predictive.")
  private String provider;

  @Required
  @Min(0)
  @JsonPropertyDescription("Desired online replicas.")
  private Integer replicas;

  @JsonPropertyDescription("Instant (RFC 3339) after which the value no longer applies; absent means no expiry.")
  private String expireTime;

  /**
   * Returns {@code provider}: identifier of the provider, for example Static, Cron, Dynamic-Reactive or
   * Dynamic-Predictive; null when unset.
   */
  public String getProvider() {
    return provider;
  }

  /**
   * Sets {@code provider}: identifier of the provider, for example Static, Cron, Dynamic-Reactive or
   * Dynamic-Predictive.
   */
  public void setProvider(String provider) {
    this.provider = provider;
  }

  /** Returns {@code replicas}: desired online replicas; null when unset. */
  public Integer getReplicas() {
    return replicas;
  }

  /** Sets {@code replicas}: desired online replicas. */
  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  /**
   * Returns {@code expireTime}: instant (RFC 3339) after which the value no longer applies; absent means no expiry;
   * null when unset.
   */
  public String getExpireTime() {
    return expireTime;
  }

  /** Sets {@code expireTime}: instant (RFC 3339) after which the value no longer applies; absent means no expiry. */
  public void setExpireTime(String expireTime) {
    this.expireTime = expireTime;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    HorizontalPortraitValue other = (HorizontalPortraitValue) o;
    return Objects.equals(provider, other.provider) && Objects.equals(replicas, other.replicas)
        && Objects.equals(expireTime, other.expireTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, replicas, expireTime);
  }
}
