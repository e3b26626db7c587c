package dev.reflex.metrics.hpa;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** autoscaling/v2 MetricSpec objects as a HorizontalPortrait's {@code spec.metrics} holds them. */
final class Specs {

  private Specs() {
  }

  static JsonObject resource(String name, int utilization) {
    return new JsonObject().put("type", "Resource").put("resource", new JsonObject().put("name", name)
        .put("target", new JsonObject().put("type", "Utilization").put("averageUtilization", utilization)));
  }

  static JsonObject resourceAverage(String name, String averageValue) {
    return new JsonObject().put("type", "Resource").put("resource", new JsonObject().put("name", name)
        .put("target", new JsonObject().put("type", "AverageValue").put("averageValue", averageValue)));
  }

  static JsonObject containerResource(String name, String container, int utilization) {
    return new JsonObject().put("type", "ContainerResource").put("containerResource", new JsonObject()
        .put("name", name).put("container", container)
        .put("target", new JsonObject().put("type", "Utilization").put("averageUtilization", utilization)));
  }

  static JsonObject pods(String metric, JsonObject selector, String averageValue) {
    return new JsonObject().put("type", "Pods").put("pods", new JsonObject().put("metric", metric(metric, selector))
        .put("target", new JsonObject().put("type", "AverageValue").put("averageValue", averageValue)));
  }

  static JsonObject object(String metric, String apiVersion, String kind, String name, String value) {
    return new JsonObject().put("type", "Object").put("object", new JsonObject().put("metric", metric(metric, null))
        .put("describedObject", new JsonObject().put("apiVersion", apiVersion).put("kind", kind).put("name", name))
        .put("target", new JsonObject().put("type", "Value").put("value", value)));
  }

  static JsonObject external(String metric, JsonObject selector, String value) {
    return new JsonObject().put("type", "External").put("external", new JsonObject()
        .put("metric", metric(metric, selector))
        .put("target", new JsonObject().put("type", "Value").put("value", value)));
  }

  static JsonObject matchLabels(String key, String value) {
    return new JsonObject().put("matchLabels", new JsonObject().put(key, value));
  }

  static JsonArray of(JsonObject... specs) {
    JsonArray array = new JsonArray();
    for (JsonObject spec : specs) {
      array.add(spec);
    }
    return array;
  }

  private static JsonObject metric(String name, JsonObject selector) {
    JsonObject metric = new JsonObject().put("name", name);
    return selector == null ? metric : metric.put("selector", selector);
  }
}
