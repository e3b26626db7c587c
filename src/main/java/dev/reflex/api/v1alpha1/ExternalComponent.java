package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Map;
import java.util.Objects;

/** Names an external implementation of a pluggable component and passes it free-form configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ExternalComponent {

  @Required
  @JsonPropertyDescription("Name of the external implementation.")
  private String name;

  @JsonPropertyDescription("Configuration handed to the external implementation.")
  private Map<String, String> config;

  /** Returns {@code name}: name of the external implementation; null when unset. */
  public String getName() {
    return name;
  }

  /** Sets {@code name}: name of the external implementation. */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns {@code config}: configuration handed to the external implementation; null when unset. */
  public Map<String, String> getConfig() {
    return config;
  }

  /** Sets {@code config}: configuration handed to the external implementation. */
  public void setConfig(Map<String, String> config) {
    this.config = config;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    ExternalComponent other = (ExternalComponent) o;
    return Objects.equals(name, other.name) && Objects.equals(config, other.config);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, config);
  }
}
