package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;

import io.vertx.core.json.JsonObject;

/**
 * One metric between its autoscaling/v2 form and the autoscaling/v1 form kube keeps in the round-trip annotations
 * (the v2beta1-shaped {@code MetricSpec}/{@code MetricStatus} of autoscaling/v1). Keys are written in the Go
 * structs' field order, so the annotation text matches kube-apiserver's byte for byte. A few v1 quantities are not
 * pointers and are written as "0" when v2 has none, and read back as such (kube does the same).
 */
final class HpaV1Metrics {

  private static final String ZERO = "0";

  private HpaV1Metrics() {
  }

  static JsonObject specToV1(JsonObject metric) {
    String type = JsonNodes.string(metric, "type");
    JsonObject out = new JsonObject().put("type", type);
    JsonObject object = object(metric, "object");
    if (object != null) {
      JsonObject target = target(object);
      JsonObject v1 = new JsonObject().put("target", reference(object(object, "describedObject")))
          .put("metricName", metricName(object)).put("targetValue", quantity(target, "value"));
      putIfSet(v1, "selector", metricSelector(object));
      putIfSet(v1, "averageValue", target.getValue("averageValue"));
      out.put("object", v1);
    }
    JsonObject pods = object(metric, "pods");
    if (pods != null) {
      JsonObject v1 = new JsonObject().put("metricName", metricName(pods))
          .put("targetAverageValue", quantity(target(pods), "averageValue"));
      putIfSet(v1, "selector", metricSelector(pods));
      out.put("pods", v1);
    }
    JsonObject resource = object(metric, "resource");
    if (resource != null) {
      out.put("resource", resourceSpecToV1(resource));
    }
    JsonObject containerResource = object(metric, "containerResource");
    if (containerResource != null) {
      out.put("containerResource",
          resourceSpecToV1(containerResource).put("container", JsonNodes.string(containerResource, "container")));
    }
    JsonObject external = object(metric, "external");
    if (external != null) {
      JsonObject target = target(external);
      JsonObject v1 = new JsonObject().put("metricName", metricName(external));
      putIfSet(v1, "metricSelector", metricSelector(external));
      putIfSet(v1, "targetValue", target.getValue("value"));
      putIfSet(v1, "targetAverageValue", target.getValue("averageValue"));
      out.put("external", v1);
    }
    return out;
  }

  static JsonObject specToV2(JsonObject metric) {
    JsonObject out = new JsonObject().put("type", JsonNodes.string(metric, "type"));
    JsonObject object = object(metric, "object");
    if (object != null) {
      // v1's targetValue is always present, so it comes back even beside an averageValue
      JsonObject target = new JsonObject()
          .put("type", object.getValue("averageValue") == null ? "Value" : "AverageValue")
          .put("value", quantity(object, "targetValue"));
      putIfSet(target, "averageValue", object.getValue("averageValue"));
      out.put("object", new JsonObject().put("describedObject", reference(object(object, "target")))
          .put("target", target).put("metric", identifier(object, "metricName", "selector")));
    }
    JsonObject pods = object(metric, "pods");
    if (pods != null) {
      out.put("pods", new JsonObject().put("metric", identifier(pods, "metricName", "selector"))
          .put("target", new JsonObject().put("type", "AverageValue")
              .put("averageValue", quantity(pods, "targetAverageValue"))));
    }
    JsonObject resource = object(metric, "resource");
    if (resource != null) {
      out.put("resource", resourceSpecToV2(resource));
    }
    JsonObject containerResource = object(metric, "containerResource");
    if (containerResource != null) {
      out.put("containerResource",
          resourceSpecToV2(containerResource).put("container", JsonNodes.string(containerResource, "container")));
    }
    JsonObject external = object(metric, "external");
    if (external != null) {
      JsonObject target = new JsonObject()
          .put("type", external.getValue("targetValue") == null ? "AverageValue" : "Value");
      putIfSet(target, "value", external.getValue("targetValue"));
      putIfSet(target, "averageValue", external.getValue("targetAverageValue"));
      out.put("external", new JsonObject().put("metric", identifier(external, "metricName", "metricSelector"))
          .put("target", target));
    }
    return out;
  }

  static JsonObject statusToV1(JsonObject metric) {
    JsonObject out = new JsonObject().put("type", JsonNodes.string(metric, "type"));
    JsonObject object = object(metric, "object");
    if (object != null) {
      JsonObject current = current(object);
      JsonObject v1 = new JsonObject().put("target", reference(object(object, "describedObject")))
          .put("metricName", metricName(object)).put("currentValue", quantity(current, "value"));
      putIfSet(v1, "selector", metricSelector(object));
      putIfSet(v1, "averageValue", current.getValue("averageValue"));
      out.put("object", v1);
    }
    JsonObject pods = object(metric, "pods");
    if (pods != null) {
      JsonObject v1 = new JsonObject().put("metricName", metricName(pods))
          .put("currentAverageValue", quantity(current(pods), "averageValue"));
      putIfSet(v1, "selector", metricSelector(pods));
      out.put("pods", v1);
    }
    JsonObject resource = object(metric, "resource");
    if (resource != null) {
      out.put("resource", resourceStatusToV1(resource));
    }
    JsonObject containerResource = object(metric, "containerResource");
    if (containerResource != null) {
      out.put("containerResource",
          resourceStatusToV1(containerResource).put("container", JsonNodes.string(containerResource, "container")));
    }
    JsonObject external = object(metric, "external");
    if (external != null) {
      JsonObject current = current(external);
      JsonObject v1 = new JsonObject().put("metricName", metricName(external));
      putIfSet(v1, "metricSelector", metricSelector(external));
      v1.put("currentValue", quantity(current, "value"));
      putIfSet(v1, "currentAverageValue", current.getValue("averageValue"));
      out.put("external", v1);
    }
    return out;
  }

  static JsonObject statusToV2(JsonObject metric) {
    JsonObject out = new JsonObject().put("type", JsonNodes.string(metric, "type"));
    JsonObject object = object(metric, "object");
    if (object != null) {
      JsonObject current = new JsonObject().put("value", quantity(object, "currentValue"));
      putIfSet(current, "averageValue", object.getValue("averageValue"));
      out.put("object", new JsonObject().put("metric", identifier(object, "metricName", "selector"))
          .put("current", current).put("describedObject", reference(object(object, "target"))));
    }
    JsonObject pods = object(metric, "pods");
    if (pods != null) {
      out.put("pods", new JsonObject().put("metric", identifier(pods, "metricName", "selector"))
          .put("current", new JsonObject().put("averageValue", quantity(pods, "currentAverageValue"))));
    }
    JsonObject resource = object(metric, "resource");
    if (resource != null) {
      out.put("resource", resourceStatusToV2(resource));
    }
    JsonObject containerResource = object(metric, "containerResource");
    if (containerResource != null) {
      out.put("containerResource",
          resourceStatusToV2(containerResource).put("container", JsonNodes.string(containerResource, "container")));
    }
    JsonObject external = object(metric, "external");
    if (external != null) {
      JsonObject current = new JsonObject().put("value", quantity(external, "currentValue"));
      putIfSet(current, "averageValue", external.getValue("currentAverageValue"));
      out.put("external", new JsonObject().put("metric", identifier(external, "metricName", "metricSelector"))
          .put("current", current));
    }
    return out;
  }

  private static JsonObject resourceSpecToV1(JsonObject source) {
    JsonObject target = target(source);
    JsonObject v1 = new JsonObject().put("name", JsonNodes.string(source, "name"));
    putIfSet(v1, "targetAverageUtilization", target.getValue("averageUtilization"));
    putIfSet(v1, "targetAverageValue", target.getValue("averageValue"));
    return v1;
  }

  private static JsonObject resourceSpecToV2(JsonObject source) {
    Object utilization = source.getValue("targetAverageUtilization");
    JsonObject target = new JsonObject().put("type", utilization == null ? "AverageValue" : "Utilization");
    putIfSet(target, "averageUtilization", utilization);
    putIfSet(target, "averageValue", source.getValue("targetAverageValue"));
    return new JsonObject().put("name", JsonNodes.string(source, "name")).put("target", target);
  }

  private static JsonObject resourceStatusToV1(JsonObject source) {
    JsonObject current = current(source);
    JsonObject v1 = new JsonObject().put("name", JsonNodes.string(source, "name"));
    putIfSet(v1, "currentAverageUtilization", current.getValue("averageUtilization"));
    return v1.put("currentAverageValue", quantity(current, "averageValue"));
  }

  private static JsonObject resourceStatusToV2(JsonObject source) {
    JsonObject current = new JsonObject().put("averageValue", quantity(source, "currentAverageValue"));
    putIfSet(current, "averageUtilization", source.getValue("currentAverageUtilization"));
    return new JsonObject().put("name", JsonNodes.string(source, "name")).put("current", current);
  }

  private static JsonObject target(JsonObject source) {
    JsonObject target = object(source, "target");
    return target == null ? new JsonObject() : target;
  }

  private static JsonObject current(JsonObject source) {
    JsonObject current = object(source, "current");
    return current == null ? new JsonObject() : current;
  }

  private static String metricName(JsonObject source) {
    return JsonNodes.string(object(source, "metric"), "name");
  }

  private static Object metricSelector(JsonObject source) {
    JsonObject metric = object(source, "metric");
    return metric == null ? null : metric.getValue("selector");
  }

  private static JsonObject identifier(JsonObject v1, String nameKey, String selectorKey) {
    JsonObject id = new JsonObject().put("name", JsonNodes.string(v1, nameKey));
    putIfSet(id, "selector", v1.getValue(selectorKey));
    return id;
  }

  /** A CrossVersionObjectReference: kind and name always, apiVersion when set. */
  static JsonObject reference(JsonObject ref) {
    JsonObject out = new JsonObject().put("kind", JsonNodes.string(ref, "kind"))
        .put("name", JsonNodes.string(ref, "name"));
    if (!JsonNodes.string(ref, "apiVersion").isEmpty()) {
      out.put("apiVersion", ref.getString("apiVersion"));
    }
    return out;
  }

  /** A non-pointer quantity: its value, or "0" (a zero Quantity's text) when unset. */
  private static Object quantity(JsonObject source, String key) {
    Object value = source == null ? null : source.getValue(key);
    return value == null ? ZERO : value;
  }

  private static void putIfSet(JsonObject out, String key, Object value) {
    if (value != null) {
      out.put(key, value instanceof JsonObject o ? o.copy() : value);
    }
  }
}
