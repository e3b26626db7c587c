package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** The job that runs an external portrait algorithm. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PortraitAlgorithmJob {

  @Required
  @JsonPropertyDescription("How the job is run.")
  private PortraitAlgorithmJobType type;

  @JsonPropertyDescription("The CronJob settings, for type CronJob.")
  private CronJobPortraitAlgorithmJob cronJob;

  /** Returns {@code type}: how the job is run; null when unset. */
  public PortraitAlgorithmJobType getType() {
    return type;
  }

  /** Sets {@code type}: how the job is run. */
  public void setType(PortraitAlgorithmJobType type) {
    this.type = type;
  }

  /** Returns {@code cronJob}: the CronJob settings, for type CronJob; null when unset. */
  public CronJobPortraitAlgorithmJob getCronJob() {
    return cronJob;
  }

  /** Sets {@code cronJob}: the CronJob settings, for type CronJob. */
  public void setCronJob(CronJobPortraitAlgorithmJob cronJob) {
    this.cronJob = cronJob;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PortraitAlgorithmJob other = (PortraitAlgorithmJob) o;
    return Objects.equals(type, other.type) && Objects.equals(cronJob, other.cronJob);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, cronJob);
  }
}
