package dev.reflex.metrics.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.bus.TargetKey;
import dev.reflex.testing.Mappers;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodOwnerIndexTest {

  /** A fabric8 object as the informer cache holds it: its JSON. */
  private static JsonObject json(Object object) {
    return new JsonObject(Mappers.KUBE.asJson(object));
  }

  static JsonObject pod(String name, String ownerKind, String owner, boolean ready) {
    PodBuilder b = new PodBuilder().withNewMetadata().withNamespace("shop").withName(name).endMetadata();
    if (ownerKind != null) {
      b.editMetadata().addNewOwnerReference().withKind(ownerKind).withName(owner).withController(true)
          .withApiVersion("apps/v1").withUid("u").endOwnerReference().endMetadata();
    }
    return json(b.withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
        .withStatus(ready ? "True" : "False").endCondition().endStatus().build());
  }

  static JsonObject rs(String name, String deployment) {
    return json(new ReplicaSetBuilder().withNewMetadata().withNamespace("shop").withName(name).addNewOwnerReference()
        .withKind("Deployment").withName(deployment).withController(true).withApiVersion("apps/v1").withUid("d")
        .endOwnerReference().endMetadata().build());
  }

  @Test
  void resolvesDeploymentsThroughReplicaSetsAndCountsReadyPods() {
    PodOwnerIndex index = new PodOwnerIndex();
    index.podApplied(pod("web-abc-1", "ReplicaSet", "web-abc", true)); // before its ReplicaSet is known
    index.replicaSetApplied(rs("web-abc", "web"));
    index.replicaSetApplied(rs("web-def", "web"));
    index.podApplied(pod("web-def-1", "ReplicaSet", "web-def", true));
    index.podApplied(pod("web-def-2", "ReplicaSet", "web-def", false));
    index.podApplied(pod("db-0", "StatefulSet", "db", true));
    index.podApplied(pod("job-x", "Job", "nightly", true));
    index.podApplied(pod("bare", null, null, true));

    assertEquals(Optional.of(new WorkloadRef("Deployment", "shop", "web")), index.ownerOf("shop", "web-abc-1"));
    assertEquals(Optional.of(new WorkloadRef("StatefulSet", "shop", "db")), index.ownerOf("shop", "db-0"));
    assertEquals(Optional.empty(), index.ownerOf("shop", "job-x"), "Jobs are not scaled");
    assertEquals(Optional.empty(), index.ownerOf("shop", "bare"));
    assertEquals(Optional.empty(), index.ownerOf("other", "db-0"));
    assertEquals(2, index.readyPods(new TargetKey("shop", "web")));
    assertEquals(1, index.readyPods(new TargetKey("shop", "db")));

    index.podApplied(pod("web-def-2", "ReplicaSet", "web-def", true));
    assertEquals(3, index.readyPods(new TargetKey("shop", "web")), "turning ready counts");
    index.podDeleted(pod("web-abc-1", "ReplicaSet", "web-abc", true));
    assertEquals(2, index.readyPods(new TargetKey("shop", "web")), "deleting uncounts");
    index.podApplied(pod("web-def-1", "ReplicaSet", "web-def", true));
    assertEquals(2, index.readyPods(new TargetKey("shop", "web")), "a repeated update is not counted twice");
    index.replicaSetDeleted(rs("web-def", "web"));
    assertEquals(Optional.of(new WorkloadRef("ReplicaSet", "shop", "web-def")), index.ownerOf("shop", "web-def-1"));
  }
}
