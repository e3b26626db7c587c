package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated CRDs carry what users and kubectl rely on: names, status subresource, columns and schema rules. */
class CrdSchemaTest {

  private static CustomResourceDefinition crd(String plural) throws IOException {
    String yaml = Files.readString(Manifests.CRDS.resolve(plural + ".autoscaling.kapacitystack.io-v1.yml"));
    return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
  }

  private static CustomResourceDefinitionVersion version(CustomResourceDefinition crd) {
    assertEquals(1, crd.getSpec().getVersions().size());
    CustomResourceDefinitionVersion v = crd.getSpec().getVersions().get(0);
    assertEquals("v1alpha1", v.getName());
    assertTrue(v.getServed() && v.getStorage());
    assertNotNull(v.getSubresources().getStatus(), "status subresource");
    return v;
  }

  private static JSONSchemaProps at(CustomResourceDefinitionVersion v, String... path) {
    JSONSchemaProps p = v.getSchema().getOpenAPIV3Schema();
    for (String step : path) {
      p = step.equals("[]") ? p.getItems().getSchema() : p.getProperties().get(step);
      assertNotNull(p, () -> "no schema at " + String.join(".", path));
    }
    return p;
  }

  private static List<String> columns(CustomResourceDefinitionVersion v) {
    return v.getAdditionalPrinterColumns().stream().map(CustomResourceColumnDefinition::getName).sorted().toList();
  }

  @Test
  void ihpaCrdKeepsKapacityNamesAndAddsColumns() throws IOException {
    CustomResourceDefinition crd = crd("intelligenthorizontalpodautoscalers");
    assertEquals("autoscaling.kapacitystack.io", crd.getSpec().getGroup());
    assertEquals("Namespaced", crd.getSpec().getScope());
    assertEquals(List.of("ihpa"), crd.getSpec().getNames().getShortNames());
    CustomResourceDefinitionVersion v = version(crd);
    assertEquals(List.of("Age", "Desired", "Max", "Min", "Provider", "Reference"), columns(v));
    JSONSchemaProps spec = at(v, "spec");
    assertEquals(List.of("maxReplicas", "minReplicas", "portraitProviders", "scaleTargetRef"),
        spec.getRequired().stream().sorted().toList());
    assertEquals(0.0, at(v, "spec", "minReplicas").getMinimum());
    assertEquals("\"Auto\"", Serialization.asJson(at(v, "spec", "scaleMode").getDefault()));
    assertEquals(2, at(v, "spec", "scaleMode").getEnum().size());
    JSONSchemaProps gray = at(v, "spec", "behavior", "scaleDown", "grayStrategy");
    assertEquals(List.of("changeIntervalSeconds", "changePercent", "grayState"),
        gray.getRequired().stream().sorted().toList());
    assertEquals(100.0, gray.getProperties().get("changePercent").getMaximum());
    assertEquals(4, gray.getProperties().get("grayState").getEnum().size());
    JSONSchemaProps cron = at(v, "spec", "portraitProviders", "[]", "cron", "crons");
    assertEquals(1L, cron.getMinItems());
    assertEquals("\"UTC\"", Serialization.asJson(at(v, "spec", "portraitProviders", "[]", "cron", "crons", "[]",
        "timeZone").getDefault()));
    JSONSchemaProps algorithm = at(v, "spec", "portraitProviders", "[]", "dynamic", "algorithm");
    assertTrue(algorithm.getProperties().keySet().containsAll(List.of("kubeHPA", "kpa", "externalJob", "forecast")));
    assertEquals("\"15s\"", Serialization.asJson(algorithm.getProperties().get("kubeHPA").getProperties()
        .get("syncPeriod").getDefault()));
    assertTrue(algorithm.getProperties().get("config").getXKubernetesPreserveUnknownFields());
  }

  @Test
  void replicaProfileCrdHasDirectionDefaultAndCountColumns() throws IOException {
    CustomResourceDefinition crd = crd("replicaprofiles");
    assertEquals(List.of("rp"), crd.getSpec().getNames().getShortNames());
    CustomResourceDefinitionVersion v = version(crd);
    assertEquals(List.of("Age", "Cutoff", "Online", "Standby"), columns(v));
    assertEquals("\"Both\"", Serialization.asJson(at(v, "spec", "allowedScalingDirection").getDefault()));
    assertEquals("\"WorkloadDefault\"", Serialization.asJson(at(v, "spec", "behavior", "podSorter", "type")
        .getDefault()));
  }

  @Test
  void horizontalPortraitCrdHasDataTypesAndColumns() throws IOException {
    CustomResourceDefinition crd = crd("horizontalportraits");
    assertEquals(List.of("hp"), crd.getSpec().getNames().getShortNames());
    CustomResourceDefinitionVersion v = version(crd);
    assertEquals(List.of("Age", "Expire Time", "Generated", "Type"), columns(v));
    assertEquals(3, at(v, "status", "portraitData", "type").getEnum().size());
    assertEquals(List.of("algorithm", "portraitType", "scaleTargetRef"),
        at(v, "spec").getRequired().stream().sorted().toList());
  }
}
