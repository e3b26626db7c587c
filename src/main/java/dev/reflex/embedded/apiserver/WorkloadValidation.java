package dev.reflex.embedded.apiserver;

import static dev.reflex.embedded.apiserver.JsonNodes.object;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * apps/v1 workload validation: Deployment, ReplicaSet, DaemonSet and StatefulSet share the selector-versus-template
 * rules and kube's wording, down to ReplicaSet's "empty selector is invalid for deployment".
 */
final class WorkloadValidation {

  static final String SELECTOR_MISMATCH = "`selector` does not match template `labels`";
  static final String NON_NEGATIVE = "must be greater than or equal to 0";
  static final String IMMUTABLE = "field is immutable";
  static final String STATEFULSET_UPDATE = "updates to statefulset spec for fields other than 'replicas', "
      + "'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
      + "forbidden";
  private static final List<String> STATEFULSET_MUTABLE = List.of("replicas", "ordinals", "template",
      "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds");

  private WorkloadValidation() {
  }

  static List<FieldError> deployment(JsonObject deployment) {
    JsonObject spec = spec(deployment);
    List<FieldError> errors = new ArrayList<>();
    nonNegative(spec, "replicas", "spec.replicas", errors);
    selectorAndTemplate(spec, "deployment", "ReplicaSet", errors);
    strategy(object(spec, "strategy"), errors);
    nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
    nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit", errors);
    Object deadline = spec.getValue("progressDeadlineSeconds");
    if (deadline instanceof Number n) {
      nonNegative(spec, "progressDeadlineSeconds", "spec.progressDeadlineSeconds", errors);
      if (n.longValue() <= JsonNodes.longOr(spec, "minReadySeconds", 0)) {
        errors.add(FieldError.invalid("spec.progressDeadlineSeconds", n, "must be greater than minReadySeconds"));
      }
    }
    return errors;
  }

  static List<FieldError> replicaSet(JsonObject replicaSet) {
    JsonObject spec = spec(replicaSet);
    List<FieldError> errors = new ArrayList<>();
    nonNegative(spec, "replicas", "spec.replicas", errors);
    nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
    // kube's ReplicaSet check reuses the Deployment wording
    selectorAndTemplate(spec, "deployment", "ReplicaSet", errors);
    return errors;
  }

  static List<FieldError> daemonSet(JsonObject daemonSet) {
    JsonObject spec = spec(daemonSet);
    List<FieldError> errors = new ArrayList<>();
    selectorAndTemplate(spec, "daemonset", "DaemonSet", errors);
    nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
    nonNegative(spec, "revisionHistoryLimit", "spec.revisionHistoryLimit", errors);
    return errors;
  }

  static List<FieldError> statefulSet(JsonObject statefulSet) {
    JsonObject spec = spec(statefulSet);
    List<FieldError> errors = new ArrayList<>();
    String policy = JsonNodes.string(spec, "podManagementPolicy");
    if (policy.isEmpty()) {
      errors.add(FieldError.required("spec.podManagementPolicy", ""));
    } else if (!policy.equals("OrderedReady") && !policy.equals("Parallel")) {
      errors.add(FieldError.invalid("spec.podManagementPolicy", policy, "must be 'OrderedReady' or 'Parallel'"));
    }
    nonNegative(spec, "replicas", "spec.replicas", errors);
    nonNegative(spec, "minReadySeconds", "spec.minReadySeconds", errors);
    JsonObject selector = object(spec, "selector");
    if (selector == null) {
      errors.add(FieldError.required("spec.selector", ""));
    } else {
      errors.addAll(SelectorChecks.validate(selector, "spec.selector"));
      if (SelectorChecks.isEmpty(selector)) {
        errors.add(FieldError.invalid("spec.selector", GoValues.labelSelector(selector),
            "empty selector is invalid for statefulset"));
      }
    }
    JsonObject template = object(spec, "template");
    templateLabels(selector, template, errors);
    errors.addAll(PodSpecValidation.validate(object(template, "spec"), "spec.template.spec"));
    String restartPolicy = JsonNodes.string(JsonNodes.path(template, "spec"), "restartPolicy");
    if (!restartPolicy.equals("Always")) {
      errors.add(FieldError.notSupported("spec.template.spec.restartPolicy", restartPolicy, List.of("Always")));
    }
    return errors;
  }

  /** Deployment, ReplicaSet and DaemonSet (apps/v1): the selector may never change. */
  static List<FieldError> selectorImmutable(JsonObject updated, JsonObject old, String path) {
    JsonObject selector = JsonNodes.path(updated, "spec", "selector");
    JsonObject oldSelector = JsonNodes.path(old, "spec", "selector");
    if (selector == null ? oldSelector == null : selector.equals(oldSelector)) {
      return List.of();
    }
    return List.of(FieldError.invalid(path, GoValues.labelSelector(selector), IMMUTABLE));
  }

  /** A StatefulSet's spec may only change in the fields kube lets a rolling update touch. */
  static List<FieldError> statefulSetUpdate(JsonObject updated, JsonObject old) {
    JsonObject spec = spec(updated).copy();
    JsonObject oldSpec = spec(old).copy();
    STATEFULSET_MUTABLE.forEach(key -> {
      spec.remove(key);
      oldSpec.remove(key);
    });
    return spec.equals(oldSpec) ? List.of() : List.of(FieldError.forbidden("spec", STATEFULSET_UPDATE));
  }

  private static void selectorAndTemplate(JsonObject spec, String kindWord, String deadlineKind,
      List<FieldError> errors) {
    JsonObject selector = object(spec, "selector");
    if (selector == null) {
      errors.add(FieldError.required("spec.selector", ""));
    } else {
      errors.addAll(SelectorChecks.validate(selector, "spec.selector"));
      if (SelectorChecks.isEmpty(selector)) {
        errors.add(FieldError.invalid("spec.selector", GoValues.labelSelector(selector),
            "empty selector is invalid for " + kindWord));
      }
    }
    JsonObject template = object(spec, "template");
    if (template == null) {
      errors.add(FieldError.required("spec.template", ""));
      return;
    }
    templateLabels(selector, template, errors);
    errors.addAll(PodSpecValidation.validate(object(template, "spec"), "spec.template.spec"));
    String restartPolicy = JsonNodes.string(object(template, "spec"), "restartPolicy");
    if (!restartPolicy.equals("Always")) {
      errors.add(FieldError.notSupported("spec.template.spec.restartPolicy", restartPolicy, List.of("Always")));
    }
    if (JsonNodes.path(template, "spec") != null && template.getJsonObject("spec").getValue("activeDeadlineSeconds")
        instanceof Number n) {
      errors.add(FieldError.invalid("spec.template.spec.activeDeadlineSeconds", n,
          "activeDeadlineSeconds in " + deadlineKind + " is not Supported"));
    }
  }

  /** A missing selector matches nothing, so it fails here too (kube reports both). */
  static void templateLabels(JsonObject selector, JsonObject template, List<FieldError> errors) {
    JsonObject labels = JsonNodes.path(template, "metadata", "labels");
    if (!SelectorChecks.matches(selector, labels)) {
      errors.add(FieldError.invalid("spec.template.metadata.labels", GoValues.stringMap(labels), SELECTOR_MISMATCH));
    }
  }

  private static void strategy(JsonObject strategy, List<FieldError> errors) {
    String type = JsonNodes.string(strategy, "type");
    JsonObject rollingUpdate = object(strategy, "rollingUpdate");
    switch (type) {
      case "Recreate" -> {
        if (rollingUpdate != null) {
          errors.add(FieldError.forbidden("spec.strategy.rollingUpdate",
              "may not be specified when strategy `type` is 'Recreate'"));
        }
      }
      case "RollingUpdate" -> {
        if (rollingUpdate == null) {
          errors.add(FieldError.required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil"));
        } else if (isZero(rollingUpdate.getValue("maxUnavailable")) && isZero(rollingUpdate.getValue("maxSurge"))) {
          errors.add(FieldError.invalid("spec.strategy.rollingUpdate.maxUnavailable",
              intOrString(rollingUpdate.getValue("maxUnavailable")), "may not be 0 when `maxSurge` is 0"));
        }
      }
      default -> errors.add(FieldError.notSupported("spec.strategy.type", type, List.of("Recreate", "RollingUpdate")));
    }
  }

  private static boolean isZero(Object intOrPercent) {
    return intOrPercent instanceof Number n ? n.longValue() == 0
        : "0%".equals(intOrPercent) || "0".equals(intOrPercent);
  }

  /** An intstr.IntOrString as Go's %#v prints it. */
  static GoValues.Rendered intOrString(Object value) {
    if (value instanceof Number n) {
      return new GoValues.Rendered("intstr.IntOrString{Type:0, IntVal:" + n.longValue() + ", StrVal:\"\"}");
    }
    return new GoValues.Rendered("intstr.IntOrString{Type:1, IntVal:0, StrVal:"
        + GoText.quote(value == null ? "" : String.valueOf(value)) + "}");
  }

  static void nonNegative(JsonObject spec, String key, String path, List<FieldError> errors) {
    if (spec.getValue(key) instanceof Number n && n.longValue() < 0) {
      errors.add(FieldError.invalid(path, n, NON_NEGATIVE));
    }
  }

  private static JsonObject spec(JsonObject object) {
    JsonObject spec = object(object, "spec");
    return spec == null ? new JsonObject() : spec;
  }
}
