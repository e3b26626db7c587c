package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.testing.Mappers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest under deploy/ (Helm templates excluded: they are Go templates, not YAML) is a well-formed
 * Kubernetes object, and the install manifests keep their promises: least privilege, probes, non-root.
 */
class DeployManifestsTest {

  /** Kinds that are custom resources of other projects and so parse as generic resources. */
  private static final Set<String> FOREIGN_KINDS = Set.of("Certificate", "Issuer");

  static Stream<Manifests.Document> manifests() {
    return Manifests.documents(Manifests.yamlFiles(Manifests.DEPLOY, Manifests.DEPLOY.resolve("helm"))).stream()
        .filter(d -> !d.file().getFileName().toString().equals("kustomization.yaml"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifests")
  void manifestIsAKubernetesObject(Manifests.Document doc) {
    HasMetadata object = doc.parse();
    assertNotNull(object.getApiVersion(), "apiVersion");
    assertNotNull(object.getKind(), "kind");
    assertNotNull(object.getMetadata().getName(), "metadata.name");
    if (!FOREIGN_KINDS.contains(object.getKind())) {
      assertFalse(object instanceof GenericKubernetesResource,
          () -> doc + " is not a known kind: " + object.getKind());
    }
  }

  private static List<HasMetadata> install() {
    return Stream.of("namespace.yaml", "service-account.yaml", "rbac.yaml", "config.yaml", "deployment.yaml",
            "services.yaml")
        .flatMap(f -> Manifests.documents(Manifests.DEPLOY.resolve(f)).stream()).map(Manifests.Document::parse)
        .toList();
  }

  @Test
  void rbacGrantsNoWildcardsAndExplainsEveryRule() throws IOException {
    List<PolicyRule> rules = install().stream().flatMap(o -> o instanceof ClusterRole c ? c.getRules().stream()
        : o instanceof Role r ? r.getRules().stream() : Stream.empty()).toList();
    assertTrue(rules.size() >= 12, "rules: " + rules.size());
    for (PolicyRule rule : rules) {
      assertFalse(rule.getVerbs().contains("*") || rule.getResources().contains("*")
          || rule.getApiGroups().contains("*"), () -> "wildcard in " + rule);
    }
    List<String> lines = Files.readAllLines(Manifests.DEPLOY.resolve("rbac.yaml"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("- apiGroups:")) {
        assertTrue(lines.get(i - 1).startsWith("#"), "rbac.yaml line " + (i + 1) + " has no comment saying why");
      }
    }
  }

  @Test
  void controllerRunsNonRootReadOnlyWithProbesAndTwoReplicas() {
    Deployment d = install().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();
    assertEquals(2, d.getSpec().getReplicas());
    assertTrue(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals(List.of("java", "-jar", "/app/reflex.jar", "run"), c.getCommand());
    assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals("/healthz", c.getLivenessProbe().getHttpGet().getPath());
    assertEquals("/readyz", c.getReadinessProbe().getHttpGet().getPath());
    assertEquals("http", c.getReadinessProbe().getHttpGet().getPort().getStrVal());
    assertEquals(Set.of(8080, 9090, 9443), Set.copyOf(c.getPorts().stream().map(p -> p.getContainerPort()).toList()));
    assertNotNull(c.getResources().getLimits().get("memory"));
    assertTrue(c.getEnv().stream().anyMatch(e -> e.getName().equals("REFLEX_LOG_LEVEL")));
  }

  /** Reflex stops on an unknown REFLEX_* variable, so every one the manifests set must name a configuration key. */
  @Test
  void everyReflexVariableInTheManifestsIsAConfigurationKey() throws java.io.IOException {
    java.util.Set<String> known = new java.util.HashSet<>();
    dev.reflex.config.Settings.ALL.forEach(s -> known.add(s.envName()));
    java.util.regex.Pattern variable = java.util.regex.Pattern.compile("name:\\s*(REFLEX_\\w+)");
    java.util.List<String> unknown = new java.util.ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(Manifests.DEPLOY)) {
      // Manifests and charts are text; the backtest's plots beside them are not.
      for (java.nio.file.Path file : files.filter(java.nio.file.Files::isRegularFile)
          .filter(f -> !f.toString().endsWith(".png")).toList()) {
        variable.matcher(java.nio.file.Files.readString(file)).results().map(m -> m.group(1))
            .filter(v -> !known.contains(v)).forEach(v -> unknown.add(file + ": " + v));
      }
    }
    assertEquals(List.of(), unknown);
  }

  @Test
  void webhookInjectsOnlyIntoOptedInPods() {
    MutatingWebhookConfiguration hook = Manifests.documents(Manifests.DEPLOY.resolve("webhook/webhook.yaml"))
        .stream().map(Manifests.Document::parse).filter(MutatingWebhookConfiguration.class::isInstance)
        .map(MutatingWebhookConfiguration.class::cast).findFirst().orElseThrow();
    var webhook = hook.getWebhooks().get(0);
    assertEquals("true",
        webhook.getObjectSelector().getMatchLabels().get("kapacitystack.io/inject-pod-readiness-gate"));
    assertEquals("/mutate-v1-pod", webhook.getClientConfig().getService().getPath());
  }

  @Test
  void helmChartMetadataAndValuesParse() throws IOException {
    Path chart = Manifests.DEPLOY.resolve("helm/reflex");
    var meta = Mappers.YAML.readTree(Files.readString(chart.resolve("Chart.yaml")));
    assertEquals("reflex", meta.path("name").asString());
    var values = Mappers.YAML.readTree(Files.readString(chart.resolve("values.yaml")));
    for (String key : List.of("prometheus", "algorithmJob", "kafka", "logLevel", "webhook", "leaderElection")) {
      assertFalse(values.path(key).isMissingNode(), "values.yaml lacks " + key);
    }
    var metricsConfig =
        Mappers.YAML.readTree(values.path("prometheus").path("metricsConfig").asString());
    assertTrue(metricsConfig.path("resourceRules").has("cpu"), "metrics config is YAML with resource rules");
  }

  /**
   * Helm is not available to the build, so templates get a structural check: every action is closed and every
   * block (if, with, range, define) has its end.
   */
  @Test
  void helmTemplatesAreBalanced() throws IOException {
    java.util.regex.Pattern action = java.util.regex.Pattern.compile("\\{\\{-?\\s*(/\\*.*?\\*/|[^}]*?)\\s*-?}}");
    List<Path> templates = Manifests.yamlFiles(Manifests.DEPLOY.resolve("helm/reflex/templates"));
    assertTrue(templates.size() >= 6, "templates: " + templates);
    for (Path file : Stream.concat(templates.stream(),
        Stream.of(Manifests.DEPLOY.resolve("helm/reflex/templates/_helpers.tpl"))).toList()) {
      String text = Files.readString(file);
      assertEquals(text.split("\\{\\{", -1).length, text.split("}}", -1).length, () -> file + ": unbalanced braces");
      int open = 0;
      var m = action.matcher(text);
      while (m.find()) {
        String body = m.group(1);
        if (body.matches("(if|with|range|define)\\b.*")) {
          open++;
        } else if (body.equals("end")) {
          open--;
        }
        assertTrue(open >= 0, () -> file + ": end without a block");
      }
      assertEquals(0, open, () -> file + ": unclosed block");
    }
  }

  @Test
  void everySampleWorkloadOptsInToTheReadinessGate() {
    // The seeds' own workloads (deploy/samples/seeds/) are copied as the tutorials declare them.
    List<HasMetadata> workloads = Manifests.documents(Manifests.yamlFiles(Manifests.SAMPLES,
            Manifests.SAMPLES.resolve("seeds"))).stream()
        .map(Manifests.Document::parse)
        .filter(o -> o.getKind().equals("StatefulSet") || o.getKind().equals("Deployment")).toList();
    assertEquals(2, workloads.size());
    for (HasMetadata w : workloads) {
      var template = Mappers.JSON.readTree(Mappers.KUBE.asJson(w)).path("spec").path("template");
      assertEquals("true",
          template.path("metadata").path("labels").path("kapacitystack.io/inject-pod-readiness-gate").asString());
      assertEquals("kapacitystack.io/online", template.path("spec").path("readinessGates").path(0)
          .path("conditionType").asString());
    }
  }

  /**
   * The custom-metrics component names the Service Reflex issues its own certificate for, registers the three group
   * versions the HPA controller reads, and lets the HPA controller read them.
   */
  @Test
  void customMetricsComponentRegistersTheMetricsApisForTheHpaController() {
    List<HasMetadata> objects = Manifests.documents(Manifests.yamlFiles(Manifests.DEPLOY.resolve("custom-metrics")))
        .stream().map(Manifests.Document::parse).toList();
    List<String> apiServices = new java.util.ArrayList<>();
    for (HasMetadata o : objects.stream().filter(o -> "APIService".equals(o.getKind())).toList()) {
      var spec = Mappers.JSON.readTree(Mappers.KUBE.asJson(o)).path("spec");
      assertEquals(o.getMetadata().getName(), spec.path("version").asString() + "." + spec.path("group").asString());
      assertEquals(dev.reflex.custommetrics.MetricsApiServing.SERVICE, spec.path("service").path("name").asString());
      assertEquals(dev.reflex.custommetrics.MetricsApiServing.NAMESPACE, spec.path("service").path("namespace")
          .asString());
      assertEquals("reflex-system/reflex-custom-metrics-cert", o.getMetadata().getAnnotations()
          .get("cert-manager.io/inject-ca-from"));
      apiServices.add(o.getMetadata().getName());
    }
    assertEquals(List.of("v1beta2.custom.metrics.k8s.io", "v1beta1.custom.metrics.k8s.io",
        "v1beta1.external.metrics.k8s.io"), apiServices);
    var service = (io.fabric8.kubernetes.api.model.Service) objects.stream()
        .filter(o -> "Service".equals(o.getKind())).findFirst().orElseThrow();
    Deployment patch = objects.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .findFirst().orElseThrow();
    Container reflex = patch.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertTrue(reflex.getPorts().stream().anyMatch(p -> p.getName().equals(service.getSpec().getPorts().get(0)
        .getTargetPort().getStrVal())), "the Service's targetPort is a port of the container");
    var hpaBinding = objects.stream().filter(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class::isInstance)
        .map(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class::cast)
        .filter(b -> b.getSubjects().get(0).getName().equals("horizontal-pod-autoscaler")).findFirst().orElseThrow();
    assertEquals("kube-system", hpaBinding.getSubjects().get(0).getNamespace());
    ClusterRole reader = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
        .filter(r -> r.getMetadata().getName().equals(hpaBinding.getRoleRef().getName())).findFirst().orElseThrow();
    assertEquals(List.of("custom.metrics.k8s.io", "external.metrics.k8s.io"), reader.getRules().get(0)
        .getApiGroups());
    assertEquals(List.of("get", "list"), reader.getRules().get(0).getVerbs());
  }
}
