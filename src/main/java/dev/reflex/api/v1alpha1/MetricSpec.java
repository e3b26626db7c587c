package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * One metric a portrait algorithm reads: the autoscaling/v2 MetricSpec plus an optional name and operator. Exactly the
 * member named by type is read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class MetricSpec {

  @JsonPropertyDescription("Optional name of the metric, unique within the list when set; predictive algorithms "
      + "identify traffic series by it.")
  private String name;

  @Required
  @JsonPropertyDescription("Kind of metric source; selects which member below is read.")
  private MetricSourceType type;

  @JsonPropertyDescription("Comparison operator, for stability checkers; not evaluated by the scaler.")
  private MetricOperator operator;

  @JsonPropertyDescription("The resource metric, for type Resource.")
  private ResourceMetricSource resource;

  @JsonPropertyDescription("The container resource metric, for type ContainerResource.")
  private ContainerResourceMetricSource containerResource;

  @JsonPropertyDescription("The per-pod metric, for type Pods.")
  private PodsMetricSource pods;

  @JsonPropertyDescription("The object metric, for type Object.")
  private ObjectMetricSource object;

  @JsonPropertyDescription("The external metric, for type External.")
  private ExternalMetricSource external;

  /**
   * Returns {@code name}: optional name of the metric, unique within the list when set; predictive algorithms identify
   * traffic series by it; null when unset.
   */
  public String getName() {
    return name;
  }

  /**
   * Sets {@code name}: optional name of the metric, unique within the list when set; predictive algorithms identify
   * traffic series by it.
   */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns {@code type}: kind of metric source; selects which member below is read; null when unset. */
  public MetricSourceType getType() {
    return type;
  }

  /** Sets {@code type}: kind of metric source; selects which member below is read. */
  public void setType(MetricSourceType type) {
    this.type = type;
  }

  /**
   * Returns {@code operator}: comparison operator, for stability checkers; not evaluated by the scaler; null when
   * unset.
   */
  public MetricOperator getOperator() {
    return operator;
  }

  /** Sets {@code operator}: comparison operator, for stability checkers; not evaluated by the scaler. */
  public void setOperator(MetricOperator operator) {
    this.operator = operator;
  }

  /** Returns {@code resource}: the resource metric, for type Resource; null when unset. */
  public ResourceMetricSource getResource() {
    return resource;
  }

  /** Sets {@code resource}: the resource metric, for type Resource. */
  public void setResource(ResourceMetricSource resource) {
    this.resource = resource;
  }

  /** Returns {@code containerResource}: the container resource metric, for type ContainerResource; null when unset. */
  public ContainerResourceMetricSource getContainerResource() {
    return containerResource;
  }

  /** Sets {@code containerResource}: the container resource metric, for type ContainerResource. */
  public void setContainerResource(ContainerResourceMetricSource containerResource) {
    this.containerResource = containerResource;
  }

  /** Returns {@code pods}: the per-pod metric, for type Pods; null when unset. */
  public PodsMetricSource getPods() {
    return pods;
  }

  /** Sets {@code pods}: the per-pod metric, for type Pods. */
  public void setPods(PodsMetricSource pods) {
    this.pods = pods;
  }

  /** Returns {@code object}: the object metric, for type Object; null when unset. */
  public ObjectMetricSource getObject() {
    return object;
  }

  /** Sets {@code object}: the object metric, for type Object. */
  public void setObject(ObjectMetricSource object) {
    this.object = object;
  }

  /** Returns {@code external}: the external metric, for type External; null when unset. */
  public ExternalMetricSource getExternal() {
    return external;
  }

  /** Sets {@code external}: the external metric, for type External. */
  public void setExternal(ExternalMetricSource external) {
    this.external = external;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    MetricSpec other = (MetricSpec) o;
    return Objects.equals(name, other.name) && Objects.equals(type, other.type)
        && Objects.equals(operator, other.operator) && Objects.equals(resource, other.resource)
        && Objects.equals(containerResource, other.containerResource) && Objects.equals(pods, other.pods)
        && Objects.equals(object, other.object) && Objects.equals(external, other.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, operator, resource, containerResource, pods, object, external);
  }
}
