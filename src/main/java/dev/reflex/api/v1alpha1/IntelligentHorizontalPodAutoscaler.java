package dev.reflex.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An IntelligentHorizontalPodAutoscaler (IHPA): merges replica counts from several portrait providers by priority,
 * clamps them to min and max, and applies them to the scale target, possibly in gray stages. Printer columns are a
 * Reflex addition; Kapacity shows only name and age.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("IntelligentHorizontalPodAutoscaler")
@Singular("intelligenthorizontalpodautoscaler")
@Plural("intelligenthorizontalpodautoscalers")
@ShortNames("ihpa")
@AdditionalPrinterColumn(name = "Reference", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.scaleTargetRef.name", getDescription = "Name of the scaled workload")
@AdditionalPrinterColumn(name = "Min", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = ".spec.minReplicas")
@AdditionalPrinterColumn(name = "Max", type = AdditionalPrinterColumn.Type.INTEGER, jsonPath = ".spec.maxReplicas")
@AdditionalPrinterColumn(name = "Desired", type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".status.currentPortraitValue.replicas", getDescription = "Replicas of the winning portrait value")
@AdditionalPrinterColumn(name = "Provider", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.currentPortraitValue.provider", getDescription = "Provider of the winning portrait value")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class IntelligentHorizontalPodAutoscaler
    extends CustomResource<IntelligentHorizontalPodAutoscalerSpec, IntelligentHorizontalPodAutoscalerStatus>
    implements Namespaced {

  /** Kind of this resource. */
  public static final String KIND = "IntelligentHorizontalPodAutoscaler";
}
