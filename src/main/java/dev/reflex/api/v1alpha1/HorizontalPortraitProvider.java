package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** One source of desired replica counts of an IHPA; the member named by type is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class HorizontalPortraitProvider {

  @Required
  @JsonPropertyDescription("Kind of provider.")
  private PortraitProviderType type;

  @Required
  @JsonPropertyDescription("Priority of the provider; the valid value of the highest priority wins, ties go to the "
      + "larger replica count.")
  private Integer priority;

  @JsonPropertyDescription("The static provider, for type Static.")
  @JsonProperty("static")
  private StaticHorizontalPortraitProvider staticValue;

  @JsonPropertyDescription("The cron provider, for type Cron.")
  private CronHorizontalPortraitProvider cron;

  @JsonPropertyDescription("The dynamic provider, for type Dynamic.")
  private DynamicHorizontalPortraitProvider dynamic;

  /** Returns {@code type}: kind of provider; null when unset. */
  public PortraitProviderType getType() {
    return type;
  }

  /** Sets {@code type}: kind of provider. */
  public void setType(PortraitProviderType type) {
    this.type = type;
  }

  /**
   * Returns {@code priority}: priority of the provider; the valid value of the highest priority wins, ties go to the
   * larger replica count; null when unset.
   */
  public Integer getPriority() {
    return priority;
  }

  /**
   * Sets {@code priority}: priority of the provider; the valid value of the highest priority wins, ties go to the
   * larger replica count.
   */
  public void setPriority(Integer priority) {
    this.priority = priority;
  }

  /** Returns {@code static}: the static provider, for type Static; null when unset. */
  public StaticHorizontalPortraitProvider getStatic() {
    return staticValue;
  }

  /** Sets {@code static}: the static provider, for type Static. */
  public void setStatic(StaticHorizontalPortraitProvider staticValue) {
    this.staticValue = staticValue;
  }

  /** Returns {@code cron}: the cron provider, for type Cron; null when unset. */
  public CronHorizontalPortraitProvider getCron() {
    return cron;
  }

  /** Sets {@code cron}: the cron provider, for type Cron. */
  public void setCron(CronHorizontalPortraitProvider cron) {
    this.cron = cron;
  }

  /** Returns {@code dynamic}: the dynamic provider, for type Dynamic; null when unset. */
  public DynamicHorizontalPortraitProvider getDynamic() {
    return dynamic;
  }

  /** Sets {@code dynamic}: the dynamic provider, for type Dynamic. */
  public void setDynamic(DynamicHorizontalPortraitProvider dynamic) {
    this.dynamic = dynamic;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    HorizontalPortraitProvider other = (HorizontalPortraitProvider) o;
    return Objects.equals(type, other.type) && Objects.equals(priority, other.priority)
        && Objects.equals(staticValue, other.staticValue) && Objects.equals(cron, other.cron)
        && Objects.equals(dynamic, other.dynamic);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, priority, staticValue, cron, dynamic);
  }
}
