package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class LeanInformersTest {

  @Test
  void anObjectEnteringTheCacheLosesItsManagedFieldsAndKeepsTheRest() {
    Pod pod = new PodBuilder().withNewMetadata().withNamespace("shop").withName("web-0")
        .addToLabels("app", "web").withResourceVersion("42")
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Update").build())
        .endMetadata().build();
    LeanInformers.StrippingStore<Pod> store = new LeanInformers.StrippingStore<>();
    store.put(store.getKey(pod), pod);
    Pod cached = store.get("shop/web-0");
    assertNull(cached.getMetadata().getManagedFields());
    assertEquals("web", cached.getMetadata().getLabels().get("app"));
    assertEquals("42", cached.getMetadata().getResourceVersion());
  }
}
