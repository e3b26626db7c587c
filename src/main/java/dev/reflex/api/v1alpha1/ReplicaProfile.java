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
 * A ReplicaProfile (RP): the desired number of Online, Cutoff and Standby pods of one workload, owned by the IHPA of
 * the same name and realised by labelling pods, toggling their readiness condition and patching {@code /scale}.
 * Printer columns (desired counts) are a Reflex addition; the generator orders them by JSON path.
 */
@Group(ApiGroup.GROUP)
@Version(ApiGroup.VERSION)
@Kind("ReplicaProfile")
@Singular("replicaprofile")
@Plural("replicaprofiles")
@ShortNames("rp")
@AdditionalPrinterColumn(name = "Online", type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".spec.onlineReplicas", getDescription = "Desired pods serving traffic")
@AdditionalPrinterColumn(name = "Cutoff", type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".spec.cutoffReplicas", getDescription = "Desired pods running without traffic")
@AdditionalPrinterColumn(name = "Standby", type = AdditionalPrinterColumn.Type.INTEGER,
    jsonPath = ".spec.standbyReplicas", getDescription = "Desired pods in standby")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class ReplicaProfile extends CustomResource<ReplicaProfileSpec, ReplicaProfileStatus> implements Namespaced {

  /** Kind of this resource. */
  public static final String KIND = "ReplicaProfile";
}
