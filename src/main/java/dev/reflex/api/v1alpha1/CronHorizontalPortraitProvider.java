package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Objects;

/** A provider that wants replica counts on cron schedules. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class CronHorizontalPortraitProvider {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("Cron rules; at most one may be active at a time.")
  private List<ReplicaCron> crons;

  /** Returns {@code crons}: cron rules; at most one may be active at a time; null when unset. */
  public List<ReplicaCron> getCrons() {
    return crons;
  }

  /** Sets {@code crons}: cron rules; at most one may be active at a time. */
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
    CronHorizontalPortraitProvider other = (CronHorizontalPortraitProvider) o;
    return Objects.equals(crons, other.crons);
  }

  @Override
  public int hashCode() {
    return Objects.hash(crons);
  }
}
