package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.MetricSourceType;
import dev.reflex.api.v1alpha1.MetricSpec;
import dev.reflex.api.v1alpha1.MetricTarget;
import dev.reflex.api.v1alpha1.PortraitAlgorithm;
import dev.reflex.api.v1alpha1.PortraitSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules for a portrait spec (the Dynamic provider of an IHPA, or a HorizontalPortrait): a known portrait type, an
 * algorithm that generates that type with its parameters and nothing else, and metrics that fit the algorithm.
 *
 * <p>Predictive algorithms (ExternalJob and Forecast on a Predictive portrait) follow the conventions of
 * traffic-driven replica prediction: metrics[0] is the resource target (Resource or ContainerResource, with a real
 * target), metrics[1] the ready pods (Pods, history only, so NA is allowed), metrics[2] onwards named traffic
 * metrics of any other type. A portrait left to an external generator is only checked for its required fields.
 */
final class PortraitRules {

  static final String REACTIVE = "Reactive";
  static final String PREDICTIVE = "Predictive";
  static final String KUBE_HPA = "KubeHPA";
  static final String KPA = "KPA";
  static final String EXTERNAL_JOB = "ExternalJob";
  static final String FORECAST = "Forecast";

  private PortraitRules() {
  }

  static void check(Checks checks, String path, PortraitSpec spec) {
    String portraitType = spec.portraitType();
    boolean external = spec.externalGeneratorName() != null && !spec.externalGeneratorName().isEmpty();
    boolean typeKnown = checks.required(path + ".portraitType", portraitType);
    if (typeKnown && !external && !portraitType.equals(REACTIVE) && !portraitType.equals(PREDICTIVE)) {
      checks.add(path + ".portraitType", "must be Reactive or Predictive, got \"" + portraitType + "\"");
      typeKnown = false;
    }
    PortraitAlgorithm algorithm = spec.algorithm();
    String algorithmType = null;
    if (checks.required(path + ".algorithm", algorithm)
        && checks.required(path + ".algorithm.type", algorithm.type())) {
      algorithmType = algorithm.type();
    }
    if (external || algorithmType == null) {
      metrics(checks, path + ".metrics", spec.metrics(), true);
      return;
    }
    String at = path + ".algorithm";
    String forType = "algorithm type " + algorithmType;
    switch (algorithmType) {
      case KUBE_HPA, KPA -> {
        if (typeKnown && !portraitType.equals(REACTIVE)) {
          checks.add(at + ".type", algorithmType + " generates Reactive portraits, not " + portraitType);
        }
      }
      case FORECAST -> {
        if (typeKnown && !portraitType.equals(PREDICTIVE)) {
          checks.add(at + ".type", "Forecast generates Predictive portraits, not " + portraitType);
        }
      }
      case EXTERNAL_JOB -> { }
      default -> {
        checks.add(at + ".type", "must be KubeHPA, KPA, ExternalJob or Forecast, got \"" + algorithmType + "\"");
        metrics(checks, path + ".metrics", spec.metrics(), true);
        return;
      }
    }
    if (!algorithmType.equals(KUBE_HPA)) {
      checks.absent(at + ".kubeHPA", algorithm.kubeHPA(), forType);
    }
    if (!algorithmType.equals(KPA)) {
      checks.absent(at + ".kpa", algorithm.kpa(), forType);
    }
    if (!algorithmType.equals(EXTERNAL_JOB)) {
      checks.absent(at + ".externalJob", algorithm.externalJob(), forType);
    }
    if (!algorithmType.equals(FORECAST)) {
      checks.absent(at + ".forecast", algorithm.forecast(), forType);
    }
    boolean predictive = typeKnown && portraitType.equals(PREDICTIVE)
        && (algorithmType.equals(EXTERNAL_JOB) || algorithmType.equals(FORECAST));
    switch (algorithmType) {
      case KUBE_HPA -> {
        AlgorithmRules.kubeHpa(checks, at + ".kubeHPA", algorithm.kubeHPA());
        atLeastOneMetric(checks, path + ".metrics", spec.metrics(), "KubeHPA");
      }
      case KPA -> {
        AlgorithmRules.kpa(checks, at + ".kpa", algorithm.kpa());
        if (atLeastOneMetric(checks, path + ".metrics", spec.metrics(), "KPA")
            && (algorithm.kpa() == null || algorithm.kpa().target() == null)) {
          kpaTargetFromMetric(checks, path + ".metrics[0]", spec.metrics().get(0));
        }
      }
      case FORECAST -> AlgorithmRules.forecast(checks, at + ".forecast", algorithm.forecast());
      default -> AlgorithmRules.externalJob(checks, at + ".externalJob", algorithm.externalJob());
    }
    if (predictive) {
      predictiveMetrics(checks, path + ".metrics", spec.metrics());
    } else {
      metrics(checks, path + ".metrics", spec.metrics(), false);
    }
  }

  private static boolean atLeastOneMetric(Checks checks, String path, List<MetricSpec> metrics, String algorithm) {
    if (metrics == null || metrics.isEmpty()) {
      checks.add(path, "the " + algorithm + " algorithm needs at least one metric");
      return false;
    }
    return true;
  }

  /** KPA without an explicit target takes the per-pod target of metrics[0]. */
  private static void kpaTargetFromMetric(Checks checks, String path, MetricSpec metric) {
    MetricTarget target = MetricRules.targetOf(metric);
    if (target == null || target.type() == null) {
      return;
    }
    // Only a Value target on an Object or External metric is a valid target that is not per pod; every other
    // non-per-pod target is already reported by the metric rules.
    boolean totalValue = "Value".equals(target.type())
        && (metric.type() == MetricSourceType.Object || metric.type() == MetricSourceType.External);
    if (totalValue) {
      checks.add(MetricRules.targetPath(path, metric) + ".type",
          "KPA needs a per-pod target: AverageValue or Utilization here, or algorithm.kpa.target");
    }
  }

  private static void metrics(Checks checks, String path, List<MetricSpec> metrics, boolean historyOnly) {
    if (metrics == null) {
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      MetricRules.check(checks, path + "[" + i + "]", metrics.get(i), historyOnly);
      uniqueName(checks, path + "[" + i + "]", metrics.get(i), names);
    }
  }

  private static void predictiveMetrics(Checks checks, String path, List<MetricSpec> metrics) {
    if (metrics == null || metrics.size() < 3) {
      checks.add(path, "a Predictive portrait needs at least three metrics: the resource target, the ready pods and"
          + " one or more traffic metrics");
      metrics(checks, path, metrics, true);
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      String at = path + "[" + i + "]";
      MetricSpec metric = metrics.get(i);
      MetricSourceType type = metric == null ? null : metric.type();
      boolean resource = type == MetricSourceType.Resource || type == MetricSourceType.ContainerResource;
      if (i == 0 && type != null && !resource) {
        checks.add(at + ".type", "the first metric of a Predictive portrait is the resource target and must be"
            + " Resource or ContainerResource, got " + type);
      } else if (i == 1 && type != null && type != MetricSourceType.Pods) {
        checks.add(at + ".type", "the second metric of a Predictive portrait counts ready pods and must be Pods, got "
            + type);
      } else if (i >= 2 && resource) {
        checks.add(at + ".type", "metrics after the second are traffic metrics and must not be " + type);
      }
      if (i >= 2 && metric != null && (metric.name() == null || metric.name().isBlank())) {
        checks.add(at + ".name", "traffic metrics must be named, with the names used in training");
      }
      MetricRules.check(checks, at, metric, i > 0);
      uniqueName(checks, at, metric, names);
    }
  }

  private static void uniqueName(Checks checks, String path, MetricSpec metric, Set<String> names) {
    if (metric != null && metric.name() != null && !metric.name().isBlank() && !names.add(metric.name())) {
      checks.add(path + ".name", "duplicate metric name \"" + metric.name() + "\"");
    }
  }
}
