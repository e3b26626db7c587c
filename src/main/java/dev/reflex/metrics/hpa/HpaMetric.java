package dev.reflex.metrics.hpa;

import dev.reflex.metrics.query.GroupKind;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What one autoscaling/v2 MetricSpec asks to be read: the source and the metric's identity, not its target. Two specs
 * that read the same thing (cpu with a Utilization and with an AverageValue target) are equal, so it is read once.
 */
sealed interface HpaMetric {

  /** Usage of a resource by whole pods ({@code Resource}) or by one named container ({@code ContainerResource}). */
  record Resource(String resource, Optional<String> container) implements HpaMetric {
  }

  /** A {@code Pods} metric; {@code selector} is the spec's metric selector object, or {@code null}. */
  record Pods(String name, JsonObject selector) implements HpaMetric {
  }

  /** An {@code Object} metric of {@code describedObject} ({@code apiVersion}, {@code kind}, {@code name}). */
  record ObjectMetric(JsonObject describedObject, String name, JsonObject selector) implements HpaMetric {

    GroupKind kind() {
      return GroupKind.ofApiVersion(describedObject.getString("apiVersion"), describedObject.getString("kind"));
    }

    String objectName() {
      return describedObject.getString("name");
    }
  }

  /** An {@code External} metric; Prometheus may answer several series, which the decision sums. */
  record External(String name, JsonObject selector) implements HpaMetric {
  }

  /**
   * The metric a spec reads, or empty for an unknown type or a malformed spec: the spec reader
   * ({@link dev.reflex.objects.HpaObjects}) rejects those with the offending field named, so there is nothing useful
   * to read for them.
   */
  static Optional<HpaMetric> of(Object spec) {
    if (!(spec instanceof JsonObject json) || !(json.getValue("type") instanceof String type)) {
      return Optional.empty();
    }
    return switch (type) {
      case "Resource" -> source(json, "resource").flatMap(s -> text(s, "name"))
          .map(name -> new Resource(name, Optional.empty()));
      case "ContainerResource" -> source(json, "containerResource").flatMap(s -> text(s, "name")
          .flatMap(name -> text(s, "container").map(c -> new Resource(name, Optional.of(c)))));
      case "Pods" -> identified(json, "pods").map(m -> new Pods(m.name(), m.selector()));
      case "External" -> identified(json, "external").map(m -> new External(m.name(), m.selector()));
      case "Object" -> source(json, "object").flatMap(s -> s.getValue("describedObject") instanceof JsonObject d
          && text(d, "kind").isPresent() && text(d, "name").isPresent()
          ? identified(json, "object").map(m -> new ObjectMetric(d.copy(), m.name(), m.selector()))
          : Optional.empty());
      default -> Optional.empty();
    };
  }

  /** A metric name and its selector object. */
  record Identity(String name, JsonObject selector) {
  }

  private static Optional<Identity> identified(JsonObject spec, String key) {
    return source(spec, key).flatMap(s -> s.getValue("metric") instanceof JsonObject m ? Optional.of(m)
        : Optional.empty()).flatMap(m -> {
          Object selector = m.getValue("selector");
          if (selector != null && !(selector instanceof JsonObject)) {
            return Optional.empty();
          }
          return text(m, "name").map(name -> new Identity(name, selector == null ? null : ((JsonObject) selector)
              .copy()));
        });
  }

  private static Optional<JsonObject> source(JsonObject spec, String key) {
    return spec.getValue(key) instanceof JsonObject s ? Optional.of(s) : Optional.empty();
  }

  private static Optional<String> text(JsonObject json, String key) {
    return json.getValue(key) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
  }
}
