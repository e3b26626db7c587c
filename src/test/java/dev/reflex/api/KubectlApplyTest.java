package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.app.Runtime;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import dev.reflex.embedded.EmbeddedCluster;
import dev.reflex.kube.KubeOps;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * kubectl against the embedded API server, where kubectl is installed (skipped with a message otherwise, failed
 * under {@code CI=true}): the CRDs and every IHPA sample apply (create and re-apply), and {@code kubectl scale} goes
 * through the {@code /scale} subresource. {@code --validate=false} keeps these rows working with Debian's kubectl
 * 1.20, which validates against a protobuf /openapi/v2; {@link KubectlConformanceTest} runs the wider matrix,
 * plain {@code kubectl apply -f} included.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlApplyTest {

  private Runtime runtime;
  private KubeOps ops;
  private EmbeddedCluster cluster;
  private KubernetesClient client;
  private Path kubectl;
  private Path kubeconfig;

  private Path temp;

  @BeforeAll
  void start() throws Exception {
    temp = Files.createTempDirectory("reflex-kubectl");
    kubectl = Kubectl.find();
    if (kubectl == null) {
      if ("true".equals(System.getenv("CI"))) {
        org.junit.jupiter.api.Assertions.fail("kubectl is not installed and CI=true"
            + " (scripts/test installs Debian's kubernetes-client package when run as root)");
      }
      System.err.println("KubectlApplyTest: kubectl is not installed; skipping the kubectl checks");
      return;
    }
    kubeconfig = temp.resolve("kubeconfig");
    ReflexConfig config = ConfigLoader.load(null, Map.of("REFLEX_EMBEDDED_KUBECONFIG", kubeconfig.toString(),
        "REFLEX_EMBEDDED_POD_STARTUP_DELAY", "100ms"));
    runtime = Runtime.create();
    ops = new KubeOps(runtime.vertx(), 2, Duration.ofSeconds(10));
    cluster = EmbeddedCluster.start(runtime.vertx(), config, ops, Clock.systemUTC()).toCompletionStage()
        .toCompletableFuture().get(60, TimeUnit.SECONDS);
    client = cluster.client();
  }

  @AfterAll
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
      ops.close();
      runtime.vertx().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void kubectlAppliesTheCrdsAndTheIhpaSamples() throws Exception {
    Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
    for (Path crd : Manifests.yamlFiles(Manifests.CRDS)) {
      kubectl("apply", "--validate=false", "-f", crd.toString());
    }
    List<String> names = new ArrayList<>();
    for (Manifests.Document doc : Manifests.documents(Manifests.yamlFiles(Manifests.SAMPLES))) {
      if (doc.isOurs() && doc.tree().path("metadata").path("namespace").isMissingNode()) {
        Path file = temp.resolve("doc-" + names.size() + ".yaml");
        Files.writeString(file, doc.yaml());
        kubectl("apply", "--validate=false", "-f", file.toString());
        kubectl("apply", "--validate=false", "-f", file.toString());
        names.add(doc.tree().path("metadata").path("name").asString());
      }
    }
    for (String name : names) {
      assertNotNull(client.resources(IntelligentHorizontalPodAutoscaler.class).inNamespace("default").withName(name)
          .get(), () -> name + " was not stored by kubectl apply");
    }
    String listed = kubectl("get", "ihpa", "-o", "name");
    for (String name : names) {
      assertTrue(listed.contains(name), () -> name + " missing from kubectl get ihpa: " + listed);
    }
  }

  @Test
  void kubectlScalesAWorkloadThroughTheScaleSubresource() throws Exception {
    Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
    kubectl("scale", "statefulset", "nginx", "--replicas=2");
    assertEquals(2, client.apps().statefulSets().inNamespace("default").withName("nginx").get().getSpec()
        .getReplicas());
    String scale = kubectl("get", "--raw", "/apis/apps/v1/namespaces/default/statefulsets/nginx/scale");
    assertTrue(scale.contains("\"kind\":\"Scale\"") && scale.contains("\"apiVersion\":\"autoscaling/v1\""), scale);
  }

  private String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertEquals(0, done ? p.exitValue() : -1, () -> String.join(" ", command) + "\n" + out);
    return out;
  }
}
