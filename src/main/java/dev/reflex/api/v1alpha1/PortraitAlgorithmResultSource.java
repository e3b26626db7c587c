package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Where the portrait data produced by an external algorithm job is read from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PortraitAlgorithmResultSource {

  @Required
  @JsonPropertyDescription("Kind of result source.")
  private PortraitAlgorithmResultSourceType type;

  @JsonPropertyDescription("The ConfigMap source, for type ConfigMap.")
  private ConfigMapPortraitAlgorithmResultSource configMap;

  /** Returns {@code type}: kind of result source; null when unset. */
  public PortraitAlgorithmResultSourceType getType() {
    return type;
  }

  /** Sets {@code type}: kind of result source. */
  public void setType(PortraitAlgorithmResultSourceType type) {
    this.type = type;
  }

  /** Returns {@code configMap}: the ConfigMap source, for type ConfigMap; null when unset. */
  public ConfigMapPortraitAlgorithmResultSource getConfigMap() {
    return configMap;
  }

  /** Sets {@code configMap}: the ConfigMap source, for type ConfigMap. */
  public void setConfigMap(ConfigMapPortraitAlgorithmResultSource configMap) {
    this.configMap = configMap;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    PortraitAlgorithmResultSource other = (PortraitAlgorithmResultSource) o;
    return Objects.equals(type, other.type) && Objects.equals(configMap, other.configMap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, configMap);
  }
}
