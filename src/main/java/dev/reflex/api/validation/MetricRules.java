package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.api.v1alpha1.MetricIdentifier;
import dev.reflex.api.v1alpha1.MetricSourceType;
import dev.reflex.api.v1alpha1.MetricSpec;
import dev.reflex.api.v1alpha1.MetricTarget;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Set;

/**
 * Rules for one metric spec: the member for its type present and complete, the other members absent, and a target
 * whose type fits the source (Utilization only for resources, Pods only AverageValue) with the matching value set.
 */
final class MetricRules {

  /** Placeholder target type of history-only metrics in predictive portraits. */
  static final String PLACEHOLDER = "NA";

  private static final Set<String> TARGET_TYPES = Set.of("Utilization", "Value", "AverageValue");

  private MetricRules() {
  }

  /**
   * Checks a metric.
   *
   * @param historyOnly true where the metric only feeds history queries, so the NA placeholder target is allowed
   */
  static void check(Checks checks, String path, MetricSpec metric, boolean historyOnly) {
    if (metric == null) {
      checks.add(path, "is required");
      return;
    }
    MetricSourceType type = metric.type();
    if (type == null) {
      checks.add(path + ".type", "is required (Resource, ContainerResource, Pods, Object or External)");
      return;
    }
    String forType = "type " + type;
    if (type != MetricSourceType.Resource) {
      checks.absent(path + ".resource", metric.resource(), forType);
    }
    if (type != MetricSourceType.ContainerResource) {
      checks.absent(path + ".containerResource", metric.containerResource(), forType);
    }
    if (type != MetricSourceType.Pods) {
      checks.absent(path + ".pods", metric.pods(), forType);
    }
    if (type != MetricSourceType.Object) {
      checks.absent(path + ".object", metric.object(), forType);
    }
    if (type != MetricSourceType.External) {
      checks.absent(path + ".external", metric.external(), forType);
    }
    switch (type) {
      case Resource -> {
        String at = path + ".resource";
        if (required(checks, at, metric.resource(), forType)) {
          checks.required(at + ".name", metric.resource().name());
          target(checks, at + ".target", metric.resource().target(), type, historyOnly);
        }
      }
      case ContainerResource -> {
        String at = path + ".containerResource";
        if (required(checks, at, metric.containerResource(), forType)) {
          checks.required(at + ".name", metric.containerResource().name());
          checks.required(at + ".container", metric.containerResource().container());
          target(checks, at + ".target", metric.containerResource().target(), type, historyOnly);
        }
      }
      case Pods -> {
        String at = path + ".pods";
        if (required(checks, at, metric.pods(), forType)) {
          identifier(checks, at + ".metric", metric.pods().metric());
          target(checks, at + ".target", metric.pods().target(), type, historyOnly);
        }
      }
      case Object -> {
        String at = path + ".object";
        if (required(checks, at, metric.object(), forType)) {
          reference(checks, at + ".describedObject", metric.object().describedObject());
          identifier(checks, at + ".metric", metric.object().metric());
          target(checks, at + ".target", metric.object().target(), type, historyOnly);
        }
      }
      case External -> {
        String at = path + ".external";
        if (required(checks, at, metric.external(), forType)) {
          identifier(checks, at + ".metric", metric.external().metric());
          target(checks, at + ".target", metric.external().target(), type, historyOnly);
        }
      }
      default -> throw new IllegalStateException("unhandled metric type " + type);
    }
  }

  /** The target of a metric, or null when the member for its type or the target is missing. */
  static MetricTarget targetOf(MetricSpec metric) {
    if (metric == null || metric.type() == null) {
      return null;
    }
    return switch (metric.type()) {
      case Resource -> metric.resource() == null ? null : metric.resource().target();
      case ContainerResource ->
          metric.containerResource() == null ? null : metric.containerResource().target();
      case Pods -> metric.pods() == null ? null : metric.pods().target();
      case Object -> metric.object() == null ? null : metric.object().target();
      case External -> metric.external() == null ? null : metric.external().target();
    };
  }

  /** Path of the target of a metric whose type is set. */
  static String targetPath(String path, MetricSpec metric) {
    String member = switch (metric.type()) {
      case Resource -> "resource";
      case ContainerResource -> "containerResource";
      case Pods -> "pods";
      case Object -> "object";
      case External -> "external";
    };
    return path + "." + member + ".target";
  }

  static void reference(Checks checks, String path, CrossVersionObjectReference ref) {
    if (!checks.required(path, ref)) {
      return;
    }
    checks.required(path + ".kind", ref.kind());
    checks.required(path + ".name", ref.name());
    String apiVersion = ref.apiVersion();
    if (apiVersion != null && !apiVersion.matches("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?v[0-9]+[a-z0-9]*")) {
      checks.add(path + ".apiVersion", "\"" + apiVersion + "\" is not an API version such as apps/v1");
    }
  }

  private static boolean required(Checks checks, String path, Object member, String forType) {
    if (member == null) {
      checks.add(path, "is required for " + forType);
      return false;
    }
    return true;
  }

  private static void identifier(Checks checks, String path, MetricIdentifier id) {
    if (checks.required(path, id)) {
      checks.required(path + ".name", id.name());
    }
  }

  private static void target(Checks checks, String path, MetricTarget target, MetricSourceType source,
      boolean historyOnly) {
    if (!checks.required(path, target) || !checks.required(path + ".type", target.type())) {
      return;
    }
    String type = target.type();
    if (type.equals(PLACEHOLDER)) {
      if (!historyOnly) {
        checks.add(path + ".type", "the placeholder NA is only allowed for history metrics of Predictive portraits");
      }
      return;
    }
    if (!TARGET_TYPES.contains(type)) {
      checks.add(path + ".type", "must be Utilization, Value or AverageValue, got \"" + type + "\"");
      return;
    }
    boolean resource = source == MetricSourceType.Resource || source == MetricSourceType.ContainerResource;
    if (type.equals("Utilization") && !resource) {
      checks.add(path + ".type", "Utilization applies only to Resource and ContainerResource metrics");
      return;
    }
    if (type.equals("Value") && (resource || source == MetricSourceType.Pods)) {
      checks.add(path + ".type", "Value does not apply to " + source + " metrics; use AverageValue"
          + (resource ? " or Utilization" : ""));
      return;
    }
    String forType = "target type " + type;
    switch (type) {
      case "Utilization" -> {
        if (checks.required(path + ".averageUtilization", target.averageUtilization())) {
          checks.atLeast(path + ".averageUtilization", target.averageUtilization(), 1);
        }
        checks.absent(path + ".value", target.value(), forType);
        checks.absent(path + ".averageValue", target.averageValue(), forType);
      }
      case "Value" -> {
        positiveQuantity(checks, path + ".value", target.value());
        checks.absent(path + ".averageValue", target.averageValue(), forType);
        checks.absent(path + ".averageUtilization", target.averageUtilization(), forType);
      }
      default -> {
        positiveQuantity(checks, path + ".averageValue", target.averageValue());
        checks.absent(path + ".value", target.value(), forType);
        checks.absent(path + ".averageUtilization", target.averageUtilization(), forType);
      }
    }
  }

  private static void positiveQuantity(Checks checks, String field, Quantity quantity) {
    if (!checks.required(field, quantity)) {
      return;
    }
    BigDecimal amount;
    try {
      amount = quantity.getNumericalAmount();
    } catch (IllegalArgumentException | ArithmeticException e) {
      checks.add(field, "\"" + quantity + "\" is not a quantity such as 500m, 2 or 1Gi");
      return;
    }
    if (amount.signum() <= 0) {
      checks.add(field, "must be positive, got " + quantity);
    }
  }
}
