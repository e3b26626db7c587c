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
 * A HorizontalPortrait (HP): the generated replica portrait of one Dynamic provider of an IHPA, named
 * {@code <ihpa>-<portrait type in lower case>}. Its status carries the portrait data the IHPA consumes. Printer
 * columns are a Reflex addition; the generator orders them by JSON path.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("HorizontalPortrait")
@Singular("horizontalportrait")
@Plural("horizontalportraits")
@ShortNames("hp")
@AdditionalPrinterColumn(name = "Type", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.portraitType")
@AdditionalPrinterColumn(name = "Generated", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"PortraitGenerated\")].status",
    getDescription = "Status of the PortraitGenerated condition")
@AdditionalPrinterColumn(name = "Expire Time", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".status.portraitData.expireTime", getDescription = "When the portrait data expires")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class HorizontalPortrait extends CustomResource<HorizontalPortraitSpec, HorizontalPortraitStatus>
    implements Namespaced {

  /** Kind of this resource. */
  public static final String KIND = "HorizontalPortrait";
}
