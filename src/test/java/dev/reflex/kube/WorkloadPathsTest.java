package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.reflex.core.WorkloadKind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each workload kind, looked up by its API kind, and the path of its objects. */
class WorkloadPathsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "StatefulSet, STATEFUL_SET, /apis/apps/v1/namespaces/shop/statefulsets/web",
      "Deployment, DEPLOYMENT, /apis/apps/v1/namespaces/shop/deployments/web",
      "ReplicaSet, REPLICA_SET, /apis/apps/v1/namespaces/shop/replicasets/web"})
  void mapsKindsToPaths(String kind, WorkloadKind expected, String path) {
    assertEquals(Optional.of(expected), WorkloadKind.byKind(kind));
    assertEquals(kind, expected.kind());
    assertEquals(path, WorkloadPaths.path(expected, "shop", "web"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({"DaemonSet", "statefulset", "Pod"})
  void knowsNoOtherKind(String kind) {
    assertEquals(Optional.empty(), WorkloadKind.byKind(kind));
  }
}
