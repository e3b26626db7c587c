package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * A cron rule: between each start instant and the following end instant the rule is active and asks for its replicas.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReplicaCron {

  @Required
  @JsonPropertyDescription("Name of the rule, unique within its list; used in messages.")
  private String name;

  @JsonPropertyDescription("Free-text description of the rule.")
  private String description;

  @Default("UTC")
  @JsonPropertyDescription("IANA time zone the start and end expressions are evaluated in.")
  private String timeZone;

  @Required
  @JsonPropertyDescription("Standard five-field cron expression (minute hour day-of-month month day-of-week) at "
      + "which the rule becomes active.")
  private String start;

  @Required
  @JsonPropertyDescription("Five-field cron expression at which the rule stops being active.")
  private String end;

  @Required
  @Min(0)
  @JsonPropertyDescription("Desired online replicas while the rule is active.")
  private Integer replicas;

  /** Returns {@code name}: name of the rule, unique within its list; used in messages; null when unset. */
  public String getName() {
    return name;
  }

  /** Sets {@code name}: name of the rule, unique within its list; used in messages. */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns {@code description}: free-text description of the rule; null when unset. */
  public String getDescription() {
    return description;
  }

  /** Sets {@code description}: free-text description of the rule. */
  public void setDescription(String description) {
    this.description = description;
  }

  /** Returns {@code timeZone}: iANA time zone the start and end expressions are evaluated in; null when unset. */
  public String getTimeZone() {
    return timeZone;
  }

  /** Sets {@code timeZone}: iANA time zone the start and end expressions are evaluated in. */
  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  /**
   * Returns {@code start}: standard five-field cron expression (minute hour day-of-month month day-of-week) at which
   * the rule becomes active; null when unset.
   */
  public String getStart() {
    return start;
  }

  /**
   * Sets {@code start}: standard five-field cron expression (minute hour day-of-month month day-of-week) at which the
   * rule becomes active.
   */
  public void setStart(String start) {
    this.start = start;
  }

  /** Returns {@code end}: five-field cron expression at which the rule stops being active; null when unset. */
  public String getEnd() {
    return end;
  }

  /** Sets {@code end}: five-field cron expression at which the rule stops being active. */
  public void setEnd(String end) {
    this.end = end;
  }

  /** Returns {@code replicas}: desired online replicas while the rule is active; null when unset. */
  public Integer getReplicas() {
    return replicas;
  }

  /** Sets {@code replicas}: desired online replicas while the rule is active. */
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
    ReplicaCron other = (ReplicaCron) o;
    return Objects.equals(name, other.name) && Objects.equals(description, other.description)
        && Objects.equals(timeZone, other.timeZone) && Objects.equals(start, other.start)
        && Objects.equals(end, other.end) && Objects.equals(replicas, other.replicas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, timeZone, start, end, replicas);
  }
}
