package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** An algorithm run outside the scaler as a job whose result is imported into the portrait. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ExternalJobPortraitAlgorithm {

  @Required
  @JsonPropertyDescription("The job that runs the algorithm.")
  private PortraitAlgorithmJob job;

  @Required
  @JsonPropertyDescription("Where the job's result is read from.")
  private PortraitAlgorithmResultSource resultSource;

  /** Returns {@code job}: the job that runs the algorithm; null when unset. */
  public PortraitAlgorithmJob getJob() {
    return job;
  }

  /** Sets {@code job}: the job that runs the algorithm. */
  public void setJob(PortraitAlgorithmJob job) {
    this.job = job;
  }

  /** Returns {@code resultSource}: where the job's result is read from; null when unset. */
  public PortraitAlgorithmResultSource getResultSource() {
    return resultSource;
  }

  /** Sets {@code resultSource}: where the job's result is read from. */
  public void setResultSource(PortraitAlgorithmResultSource resultSource) {
    this.resultSource = resultSource;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ExternalJobPortraitAlgorithm other = (ExternalJobPortraitAlgorithm) o;
    return Objects.equals(job, other.job) && Objects.equals(resultSource, other.resultSource);
  }

  @Override
  public int hashCode() {
    return Objects.hash(job, resultSource);
  }
}
