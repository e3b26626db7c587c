package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubectl apply} of the CRDs and the IHPA samples against the embedded API server, where kubectl is
 * installed (skipped with a message otherwise). The mock server has no discovery documents of its own, so the test
 * serves the few kubectl asks for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubectlApplyTest {

  private static final String GROUP_VERSION = "autoscaling.kapacitystack.io/v1alpha1";

  private KubernetesMockServer server;
  private KubernetesClient client;
  private Path kubectl;

  @TempDir
  Path temp;

  @BeforeAll
  void start() {
    kubectl = findKubectl();
    if (kubectl == null) {
      System.err.println("KubectlApplyTest: kubectl is not installed; skipping the kubectl apply checks");
      return;
    }
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
        new KubernetesMixedDispatcher(responses), false);
    server.init();
    discovery("/version", "{\"major\":\"1\",\"minor\":\"32\",\"gitVersion\":\"v1.32.0\"}");
    discovery("/api", "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":[]}");
    discovery("/apis", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":["
        + group("autoscaling.kapacitystack.io", "v1alpha1") + "," + group("apiextensions.k8s.io", "v1") + "]}");
    discovery("/api/v1", "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[]}");
    discovery("/apis/apiextensions.k8s.io/v1", "{\"kind\":\"APIResourceList\",\"groupVersion\":"
        + "\"apiextensions.k8s.io/v1\",\"resources\":[" + resource("customresourcedefinitions",
        "customresourcedefinition", "CustomResourceDefinition", false, "crd") + "]}");
    discovery("/apis/" + GROUP_VERSION, "{\"kind\":\"APIResourceList\",\"groupVersion\":\"" + GROUP_VERSION
        + "\",\"resources\":["
        + resource("intelligenthorizontalpodautoscalers", "intelligenthorizontalpodautoscaler",
            "IntelligentHorizontalPodAutoscaler", true, "ihpa") + ","
        + resource("replicaprofiles", "replicaprofile", "ReplicaProfile", true, "rp") + ","
        + resource("horizontalportraits", "horizontalportrait", "HorizontalPortrait", true, "hp") + "]}");
    client = server.createClient();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      client.close();
      server.destroy();
    }
  }

  @Test
  void kubectlAppliesTheCrdsAndTheIhpaSamples() throws Exception {
    Assumptions.assumeTrue(kubectl != null, "kubectl is not installed");
    Path kubeconfig = temp.resolve("kubeconfig");
    Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: embedded
          cluster:
            server: %s
        contexts:
        - name: embedded
          context: {cluster: embedded, namespace: default}
        current-context: embedded
        users: []
        """.formatted(server.url("/").replaceAll("/$", "")));
    for (Path crd : Manifests.yamlFiles(Manifests.CRDS)) {
      kubectl(kubeconfig, "apply", "--validate=false", "-f", crd.toString());
    }
    List<String> names = new ArrayList<>();
    for (Manifests.Document doc : Manifests.documents(Manifests.yamlFiles(Manifests.SAMPLES))) {
      if (doc.isOurs() && doc.tree().path("metadata").path("namespace").isMissingNode()) {
        Path file = temp.resolve("doc-" + names.size() + ".yaml");
        Files.writeString(file, doc.yaml());
        kubectl(kubeconfig, "apply", "--validate=false", "-f", file.toString());
        names.add(doc.tree().path("metadata").path("name").asString());
      }
    }
    for (String name : names) {
      assertNotNull(client.resources(IntelligentHorizontalPodAutoscaler.class).inNamespace("default").withName(name)
          .get(), () -> name + " was not stored by kubectl apply");
    }
    assertEquals(names.size(),
        client.resources(IntelligentHorizontalPodAutoscaler.class).inNamespace("default").list().getItems().size());
  }

  private void kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean done = p.waitFor(60, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertEquals(0, done ? p.exitValue() : -1, () -> String.join(" ", command) + "\n" + out);
  }

  private void discovery(String path, String json) {
    server.expect().get().withPath(path).andReturn(200, json).always();
    server.expect().get().withPath(path + "?timeout=32s").andReturn(200, json).always();
  }

  private static String group(String name, String version) {
    String gv = "{\"groupVersion\":\"" + name + "/" + version + "\",\"version\":\"" + version + "\"}";
    return "{\"name\":\"" + name + "\",\"versions\":[" + gv + "],\"preferredVersion\":" + gv + "}";
  }

  private static String resource(String plural, String singular, String kind, boolean namespaced, String shortName) {
    return "{\"name\":\"" + plural + "\",\"singularName\":\"" + singular + "\",\"namespaced\":" + namespaced
        + ",\"kind\":\"" + kind + "\",\"verbs\":[\"create\",\"delete\",\"get\",\"list\",\"patch\",\"update\","
        + "\"watch\"],\"shortNames\":[\"" + shortName + "\"]}";
  }

  private static Path findKubectl() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
