package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kube's validation of an autoscaling/v2 HPA spec (a v1 object is validated after {@link HpaConversion#toV2}, as
 * kube validates the internal form). Scale to zero is off, as its feature gate is by default.
 */
final class HpaValidation {

  static final int MAX_PERIOD_SECONDS = 1800;
  static final int MAX_STABILIZATION_WINDOW_SECONDS = 3600;
  private static final List<String> METRIC_TYPES = List.of("ContainerResource", "External", "Object", "Pods",
      "Resource");
  private static final List<String> SELECT_POLICIES = List.of("Disabled", "Max", "Min");
  private static final List<String> POLICY_TYPES = List.of("Percent", "Pods");
  private static final Pattern QUANTITY_NUMBER = Pattern.compile("([+-]?)([0-9]*\\.?[0-9]*)(.*)");

  private HpaValidation() {
  }

  static List<FieldError> validateSpec(JsonObject spec) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject s = spec == null ? new JsonObject() : spec;
    Object min = s.getValue("minReplicas");
    long max = JsonNodes.longOr(s, "maxReplicas", 0);
    if (min instanceof Number n && n.longValue() < 1) {
      errors.add(FieldError.invalid("spec.minReplicas", n, "must be greater than or equal to 1"));
    }
    if (max < 1) {
      errors.add(FieldError.invalid("spec.maxReplicas", JsonNodes.number(s, "maxReplicas"), "must be greater than 0"));
    }
    if (min instanceof Number n && max < n.longValue()) {
      errors.add(FieldError.invalid("spec.maxReplicas", JsonNodes.number(s, "maxReplicas"),
          "must be greater than or equal to `minReplicas`"));
    }
    List<FieldError> refErrors = reference(object(s, "scaleTargetRef"), "spec.scaleTargetRef");
    if (!refErrors.isEmpty()) {
      // kube checks the metrics only once the target is sound
      errors.addAll(refErrors);
    } else {
      List<JsonObject> metrics = JsonNodes.objects(s, "metrics");
      for (int i = 0; i < metrics.size(); i++) {
        errors.addAll(metric(metrics.get(i), "spec.metrics[" + i + "]"));
      }
    }
    JsonObject behavior = object(s, "behavior");
    if (behavior != null) {
      errors.addAll(rules(object(behavior, "scaleUp"), "spec.behavior.scaleUp"));
      errors.addAll(rules(object(behavior, "scaleDown"), "spec.behavior.scaleDown"));
    }
    return errors;
  }

  static List<FieldError> reference(JsonObject ref, String path) {
    List<FieldError> errors = new ArrayList<>();
    for (String key : List.of("kind", "name")) {
      String value = JsonNodes.string(ref, key);
      if (value.isEmpty()) {
        errors.add(FieldError.required(path + "." + key, ""));
      } else {
        NameChecks.pathSegmentName(value).forEach(m -> errors.add(FieldError.invalid(path + "." + key, value, m)));
      }
    }
    return errors;
  }

  private static List<FieldError> metric(JsonObject metric, String path) {
    List<FieldError> errors = new ArrayList<>();
    String type = JsonNodes.string(metric, "type");
    if (type.isEmpty()) {
      errors.add(FieldError.required(path + ".type", "must specify a metric source type"));
    }
    Set<String> present = new LinkedHashSet<>();
    for (String source : List.of("object", "external", "pods", "resource", "containerResource")) {
      JsonObject s = object(metric, source);
      if (s != null) {
        present.add(source);
        if (present.size() == 1) {
          errors.addAll(source(source, s, path + "." + source));
        }
      }
    }
    String expected = switch (type) {
      case "Object" -> "object";
      case "Pods" -> "pods";
      case "Resource" -> "resource";
      case "External" -> "external";
      case "ContainerResource" -> "containerResource";
      default -> null;
    };
    if (expected == null) {
      errors.add(FieldError.notSupported(path + ".type", type, METRIC_TYPES));
    } else if (object(metric, expected) == null) {
      errors.add(FieldError.required(path + "." + expected, "must populate information for the given metric source"));
    }
    if (present.size() != 1) {
      present.remove(expected);
      present.forEach(p -> errors.add(FieldError.forbidden(path + "." + p,
          "must populate the given metric source only")));
    }
    return errors;
  }

  private static List<FieldError> source(String kind, JsonObject source, String path) {
    List<FieldError> errors = new ArrayList<>();
    JsonObject target = object(source, "target") == null ? new JsonObject() : source.getJsonObject("target");
    String targetPath = path + ".target";
    switch (kind) {
      case "object" -> {
        errors.addAll(reference(object(source, "describedObject"), path + ".describedObject"));
        errors.addAll(identifier(object(source, "metric"), path + ".metric"));
        errors.addAll(target(target, targetPath));
        if (target.getValue("value") == null && target.getValue("averageValue") == null) {
          errors.add(FieldError.required(targetPath + ".averageValue",
              "must set either a target value or averageValue"));
        }
      }
      case "external" -> {
        errors.addAll(identifier(object(source, "metric"), path + ".metric"));
        errors.addAll(target(target, targetPath));
        if (target.getValue("value") == null && target.getValue("averageValue") == null) {
          errors.add(FieldError.required(targetPath + ".averageValue",
              "must set either a target value for metric or a per-pod target"));
        }
        if (target.getValue("value") != null && target.getValue("averageValue") != null) {
          errors.add(FieldError.forbidden(targetPath + ".value",
              "may not set both a target value for metric and a per-pod target"));
        }
      }
      case "pods" -> {
        errors.addAll(identifier(object(source, "metric"), path + ".metric"));
        errors.addAll(target(target, targetPath));
        if (target.getValue("averageValue") == null) {
          errors.add(FieldError.required(targetPath + ".averageValue", "must specify a positive target averageValue"));
        }
      }
      default -> {
        if (JsonNodes.string(source, "name").isEmpty()) {
          errors.add(FieldError.required(path + ".name", "must specify a resource name"));
        }
        if (kind.equals("containerResource")) {
          String container = JsonNodes.string(source, "container");
          if (container.isEmpty()) {
            errors.add(FieldError.required(path + ".container", "must specify a container"));
          } else {
            NameChecks.dns1123Label(container)
                .forEach(m -> errors.add(FieldError.invalid(path + ".container", container, m)));
          }
        }
        errors.addAll(target(target, targetPath));
        if (target.getValue("averageUtilization") == null && target.getValue("averageValue") == null) {
          errors.add(FieldError.required(targetPath + ".averageUtilization",
              "must set either a target raw value or a target utilization"));
        }
        if (target.getValue("averageUtilization") != null && target.getValue("averageValue") != null) {
          errors.add(FieldError.forbidden(targetPath + ".averageValue",
              "may not set both a target raw value and a target utilization"));
        }
      }
    }
    return errors;
  }

  private static List<FieldError> identifier(JsonObject metric, String path) {
    List<FieldError> errors = new ArrayList<>();
    String name = JsonNodes.string(metric, "name");
    if (name.isEmpty()) {
      errors.add(FieldError.required(path + ".name", "must specify a metric name"));
    } else {
      NameChecks.pathSegmentName(name).forEach(m -> errors.add(FieldError.invalid(path + ".name", name, m)));
    }
    return errors;
  }

  private static List<FieldError> target(JsonObject target, String path) {
    List<FieldError> errors = new ArrayList<>();
    String type = JsonNodes.string(target, "type");
    if (type.isEmpty()) {
      errors.add(FieldError.required(path + ".type", "must specify a metric target type"));
    }
    if (!List.of("Utilization", "Value", "AverageValue").contains(type)) {
      errors.add(FieldError.invalid(path + ".type", type, "must be either Utilization, Value, or AverageValue"));
    }
    for (String key : List.of("value", "averageValue")) {
      Object quantity = target.getValue(key);
      if (quantity != null && quantitySign(String.valueOf(quantity)) != 1) {
        errors.add(FieldError.invalid(path + "." + key, new GoValues.Rendered(String.valueOf(quantity)),
            "must be positive"));
      }
    }
    Object utilization = target.getValue("averageUtilization");
    if (utilization instanceof Number n && n.longValue() < 1) {
      errors.add(FieldError.invalid(path + ".averageUtilization", n, "must be greater than 0"));
    }
    return errors;
  }

  private static List<FieldError> rules(JsonObject rules, String path) {
    List<FieldError> errors = new ArrayList<>();
    if (rules == null) {
      return errors;
    }
    Object window = rules.getValue("stabilizationWindowSeconds");
    if (window instanceof Number n && n.longValue() < 0) {
      errors.add(FieldError.invalid(path + ".stabilizationWindowSeconds", n, "must be greater than or equal to zero"));
    }
    if (window instanceof Number n && n.longValue() > MAX_STABILIZATION_WINDOW_SECONDS) {
      errors.add(FieldError.invalid(path + ".stabilizationWindowSeconds", n,
          "must be less than or equal to " + MAX_STABILIZATION_WINDOW_SECONDS));
    }
    Object select = rules.getValue("selectPolicy");
    if (select != null && !SELECT_POLICIES.contains(String.valueOf(select))) {
      errors.add(FieldError.notSupported(path + ".selectPolicy", String.valueOf(select), SELECT_POLICIES));
    }
    List<JsonObject> policies = JsonNodes.objects(rules, "policies");
    if (policies.isEmpty()) {
      errors.add(FieldError.required(path + ".policies", "must specify at least one Policy"));
    }
    for (int i = 0; i < policies.size(); i++) {
      JsonObject policy = policies.get(i);
      String at = path + ".policies[" + i + "]";
      String type = JsonNodes.string(policy, "type");
      if (!POLICY_TYPES.contains(type)) {
        errors.add(FieldError.notSupported(at + ".type", type, POLICY_TYPES));
      }
      Number value = JsonNodes.number(policy, "value");
      if (value.longValue() <= 0) {
        errors.add(FieldError.invalid(at + ".value", value, "must be greater than zero"));
      }
      Number period = JsonNodes.number(policy, "periodSeconds");
      if (period.longValue() <= 0) {
        errors.add(FieldError.invalid(at + ".periodSeconds", period, "must be greater than zero"));
      }
      if (period.longValue() > MAX_PERIOD_SECONDS) {
        errors.add(FieldError.invalid(at + ".periodSeconds", period,
            "must be less than or equal to " + MAX_PERIOD_SECONDS));
      }
    }
    return errors;
  }

  /** -1, 0 or 1 for a quantity's sign; 1 for text that is not a number (decoding already refused it). */
  static int quantitySign(String quantity) {
    Matcher m = QUANTITY_NUMBER.matcher(quantity.trim());
    if (!m.matches() || m.group(2).isEmpty() || m.group(2).equals(".")) {
      return 1;
    }
    int sign = new BigDecimal(m.group(2).startsWith(".") ? "0" + m.group(2) : m.group(2)).signum();
    return m.group(1).equals("-") ? -sign : sign;
  }
}
