package dev.reflex.custommetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.reflex.labels.LabelSelector;
import dev.reflex.metrics.query.GroupKind;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answers' JSON: quantities in canonical form, and the fields that differ between v1beta1 and v1beta2. */
class MetricsApiJsonTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00.750Z");

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"715.7, 715700m", "2000, 2k", "1200, 1200", "0.5, 500m", "0, 0", "100, 100", "1500000, 1500k"})
  void valuesAreCanonicalQuantities(double value, String quantity) {
    assertEquals(quantity, MetricsApiJson.quantity(value));
  }

  @Test
  void v1beta2NamesTheMetricWithItsSelector() {
    JsonObject list = MetricsApiJson.objectList("v1beta2", List.of(podValue(LabelSelector.parse("verb=GET"))));
    assertEquals("custom.metrics.k8s.io/v1beta2", list.getString("apiVersion"));
    assertEquals("MetricValueList", list.getString("kind"));
    JsonObject item = list.getJsonArray("items").getJsonObject(0);
    assertEquals(new JsonObject().put("kind", "Pod").put("namespace", "default").put("name", "web-0")
        .put("apiVersion", "/v1"), item.getJsonObject("describedObject"));
    assertEquals(new JsonObject().put("name", "http_requests").put("selector", new JsonObject()
        .put("matchLabels", new JsonObject().put("verb", "GET"))), item.getJsonObject("metric"));
    assertFalse(item.containsKey("metricName"));
    assertEquals("2026-12-03T10:00:00Z", item.getString("timestamp"));
    assertEquals("715700m", item.getString("value"));
  }

  @Test
  void v1beta1HasMetricNameAndSelectorBesideTheValue() {
    JsonObject item = MetricsApiJson.objectList("v1beta1", List.of(podValue(LabelSelector.EVERYTHING)))
        .getJsonArray("items").getJsonObject(0);
    assertEquals("http_requests", item.getString("metricName"));
    assertFalse(item.containsKey("metric"));
    assertNull(item.getValue("selector"));
    assertEquals("custom.metrics.k8s.io/v1beta1", MetricsApiJson.objectList("v1beta1", List.of())
        .getString("apiVersion"));
  }

  @Test
  void setSelectorsBecomeMatchExpressions() {
    JsonObject selector = MetricsApiJson.objectList("v1beta2", List.of(podValue(LabelSelector.parse(
        "code in (500,503),!canary")))).getJsonArray("items").getJsonObject(0).getJsonObject("metric")
        .getJsonObject("selector");
    assertEquals(2, selector.getJsonArray("matchExpressions").size());
    assertEquals("In", selector.getJsonArray("matchExpressions").getJsonObject(0).getString("operator"));
    assertEquals("DoesNotExist", selector.getJsonArray("matchExpressions").getJsonObject(1).getString("operator"));
  }

  @Test
  void clusterScopedObjectsHaveNoNamespaceAndGroupedKindsTheirGroup() {
    JsonObject described = MetricsApiJson.objectList("v1beta2", List.of(new MetricsApiJson.ObjectValue(
        new GroupKind("networking.k8s.io", "Ingress"), "", "main", "requests", LabelSelector.EVERYTHING, AT,
        Optional.of(60L), 3))).getJsonArray("items").getJsonObject(0).getJsonObject("describedObject");
    assertFalse(described.containsKey("namespace"));
    assertEquals("networking.k8s.io/v1", described.getString("apiVersion"));
  }

  @Test
  void externalValuesCarryTheirSeriesLabels() {
    JsonObject list = MetricsApiJson.externalList(List.of(new MetricsApiJson.ExternalValue("queue_messages_ready",
        Map.of("queue", "worker_tasks"), AT, Optional.empty(), 1200)));
    assertEquals("external.metrics.k8s.io/v1beta1", list.getString("apiVersion"));
    assertEquals("ExternalMetricValueList", list.getString("kind"));
    JsonObject item = list.getJsonArray("items").getJsonObject(0);
    assertEquals("queue_messages_ready", item.getString("metricName"));
    assertEquals(new JsonObject().put("queue", "worker_tasks"), item.getJsonObject("metricLabels"));
    assertEquals("1200", item.getString("value"));
  }

  @Test
  void resourceListsNameTheirKind() {
    JsonObject custom = MetricsApiJson.resourceList("custom.metrics.k8s.io", "v1beta2",
        List.of(new MetricsApiJson.Listed("pods/http_requests", true)));
    assertEquals("MetricValueList", custom.getJsonArray("resources").getJsonObject(0).getString("kind"));
    JsonObject external = MetricsApiJson.resourceList("external.metrics.k8s.io", "v1beta1",
        List.of(new MetricsApiJson.Listed("queue", true)));
    assertEquals("ExternalMetricValueList", external.getJsonArray("resources").getJsonObject(0).getString("kind"));
    assertEquals("external.metrics.k8s.io/v1beta1", external.getString("groupVersion"));
  }

  private static MetricsApiJson.ObjectValue podValue(LabelSelector selector) {
    return new MetricsApiJson.ObjectValue(new GroupKind("", "Pod"), "default", "web-0", "http_requests", selector,
        AT, Optional.empty(), 715.7);
  }
}
