package dev.reflex.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * What a dynamic portrait is and how it is generated; shared by the Dynamic portrait provider of an IHPA and the
 * HorizontalPortrait it creates. The schema annotations sit on these accessors once, and both records inherit them.
 */
public sealed interface PortraitSpec permits DynamicHorizontalPortraitProvider, HorizontalPortraitSpec {

  @Required
  @JsonPropertyDescription("Type of the portrait: Reactive or Predictive (Burst is reserved).")
  String portraitType();

  @JsonPropertyDescription("When set, the built-in generators leave this portrait to the named external generator.")
  String externalGeneratorName();

  @JsonPropertyDescription("Metrics the algorithm reads, in the order its conventions require.")
  List<MetricSpec> metrics();

  @Required
  @JsonPropertyDescription("The algorithm that generates the portrait.")
  PortraitAlgorithm algorithm();
}
