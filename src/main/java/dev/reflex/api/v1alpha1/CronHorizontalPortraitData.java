package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/** Portrait data holding cron rules. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CronHorizontalPortraitData {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Cron rules.")
  private List<ReplicaCron> crons;

  /** Returns {@code crons}: cron rules; null when unset. */
  public List<ReplicaCron> getCrons() {
    return crons;
  }

  /** Sets {@code crons}: cron rules. */
  public void setCrons(List<ReplicaCron> crons) {
    this.crons = crons;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    CronHorizontalPortraitData other = (CronHorizontalPortraitData) o;
    return Objects.equals(crons, other.crons);
  }

  @Override
  public int hashCode() {
    return Objects.hash(crons);
  }
}
