package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Progress of a gray change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class GrayStatus {

  @Required
  @Min(0)
  @Max(100)
  @JsonPropertyDescription("Percentage of the change applied so far.")
  private Integer grayPercent;

  @Required
  @JsonPropertyDescription("Time of the last gray step, RFC 3339.")
  private String lastUpdateTime;

  /** Returns {@code grayPercent}: percentage of the change applied so far; null when unset. */
  public Integer getGrayPercent() {
    return grayPercent;
  }

  /** Sets {@code grayPercent}: percentage of the change applied so far. */
  public void setGrayPercent(Integer grayPercent) {
    this.grayPercent = grayPercent;
  }

  /** Returns {@code lastUpdateTime}: time of the last gray step, RFC 3339; null when unset. */
  public String getLastUpdateTime() {
    return lastUpdateTime;
  }

  /** Sets {@code lastUpdateTime}: time of the last gray step, RFC 3339. */
  public void setLastUpdateTime(String lastUpdateTime) {
    this.lastUpdateTime = lastUpdateTime;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    GrayStatus other = (GrayStatus) o;
    return Objects.equals(grayPercent, other.grayPercent) && Objects.equals(lastUpdateTime, other.lastUpdateTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(grayPercent, lastUpdateTime);
  }
}
