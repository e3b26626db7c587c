package dev.reflex.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The embedded API server (fabric8's mock server in CRUD mode) accepts the CRDs and then every object of the
 * samples, and hands them back unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MockApiServerAcceptanceTest {

  private KubernetesMockServer server;
  private KubernetesClient client;

  @BeforeAll
  void start() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(Collections.emptyList()), false);
    server.init();
    client = server.createClient();
  }

  @AfterAll
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void crdsAndEverySampleAreAcceptedAndReadBack() {
    for (Manifests.Document doc : Manifests.documents(Manifests.yamlFiles(Manifests.CRDS))) {
      CustomResourceDefinition crd = Serialization.unmarshal(doc.yaml(), CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
    }
    assertEquals(3, client.apiextensions().v1().customResourceDefinitions().list().getItems().size());

    List<Manifests.Document> samples = Manifests.documents(Manifests.yamlFiles(Manifests.SAMPLES));
    assertTrue(samples.size() >= 12, "samples: " + samples.size());
    for (Manifests.Document doc : samples) {
      HasMetadata object = doc.parse();
      if (object.getMetadata().getNamespace() == null) {
        object.getMetadata().setNamespace("default");
      }
      HasMetadata created = client.resource(object).create();
      assertNotNull(created.getMetadata().getUid(), () -> doc + " was not stored");
      HasMetadata read = client.resource(object).get();
      assertNotNull(read, () -> doc + " cannot be read back");
      JsonNode sent = Serialization.jsonMapper().valueToTree(object).path("spec");
      JsonNode back = Serialization.jsonMapper().valueToTree(read).path("spec");
      assertTrue(Manifests.sameTree(sent, back), () -> doc + " changed on the server:\n" + sent + "\n" + back);
    }
  }
}
