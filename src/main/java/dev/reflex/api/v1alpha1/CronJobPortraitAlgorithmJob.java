package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** An external algorithm job run by a Kubernetes CronJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CronJobPortraitAlgorithmJob {

  @Required
  @JsonPropertyDescription("Template of the CronJob.")
  private CronJobTemplate template;

  /** Returns {@code template}: template of the CronJob; null when unset. */
  public CronJobTemplate getTemplate() {
    return template;
  }

  /** Sets {@code template}: template of the CronJob. */
  public void setTemplate(CronJobTemplate template) {
    this.template = template;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    CronJobPortraitAlgorithmJob other = (CronJobPortraitAlgorithmJob) o;
    return Objects.equals(template, other.template);
  }

  @Override
  public int hashCode() {
    return Objects.hash(template);
  }
}
