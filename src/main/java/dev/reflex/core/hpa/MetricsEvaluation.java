package dev.reflex.core.hpa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every metric spec and combines the proposals: the maximum over the metrics that could be computed.
 * A failing metric emits a Warning event with its reason; the first failure's condition and the error text are
 * kept so the caller can apply the invalid-metric rule (all failed, or some failed and the rest would scale down
 * → abort).
 */
final class MetricsEvaluation {

  /** The largest proposal, or -1 when none could be computed. */
  int replicas = -1;
  /** The name of the metric that produced {@link #replicas}, as used in messages. */
  String metricName = "";
  final List<MetricStatus> statuses = new ArrayList<>();
  final List<HpaEvent> events = new ArrayList<>();
  int invalidCount;
  HpaReason firstFailureReason;
  String firstFailureMessage;

  private MetricsEvaluation() {
  }

  static MetricsEvaluation evaluate(HpaInput in, Tolerances tolerances, java.time.Instant now) {
    MetricsEvaluation result = new MetricsEvaluation();
    ReplicaCalculator calculator = new ReplicaCalculator(in.pods(), in.config(), tolerances, now);
    int specReplicas = in.scale().specReplicas();
    int statusReplicas = in.scale().statusReplicas();
    for (MetricSpec spec : in.spec().metrics()) {
      try {
        Computed computed = compute(in, spec, calculator, specReplicas, statusReplicas);
        result.statuses.add(computed.status);
        // Upstream replaces a zero maximum by any later proposal, so a later 0 also names the metric.
        if (result.replicas <= 0 || computed.replicas > result.replicas) {
          result.replicas = computed.replicas;
          result.metricName = computed.name;
        }
      } catch (MetricFailure failure) {
        HpaReason reason = failureReason(spec);
        result.statuses.add(MetricStatus.FAILED);
        result.events.add(new HpaEvent(true, reason, failure.getMessage()));
        if (result.invalidCount == 0) {
          result.firstFailureReason = reason;
          result.firstFailureMessage = failure.getMessage();
        }
        result.invalidCount++;
      }
    }
    return result;
  }

  /** The error text upstream returns when some metrics failed. */
  String invalidMetricsError(int specCount) {
    return "invalid metrics (" + invalidCount + " invalid out of " + specCount + "), first error is: "
        + firstFailureMessage;
  }

  private record Computed(int replicas, String name, MetricStatus status) {
  }

  private static HpaReason failureReason(MetricSpec spec) {
    if (spec instanceof MetricSpec.ResourceMetric) {
      return HpaReason.FAILED_GET_RESOURCE_METRIC;
    } else if (spec instanceof MetricSpec.ContainerResourceMetric) {
      return HpaReason.FAILED_GET_CONTAINER_RESOURCE_METRIC;
    } else if (spec instanceof MetricSpec.PodsMetric) {
      return HpaReason.FAILED_GET_PODS_METRIC;
    } else if (spec instanceof MetricSpec.ObjectMetric) {
      return HpaReason.FAILED_GET_OBJECT_METRIC;
    } else if (spec instanceof MetricSpec.ExternalMetric) {
      return HpaReason.FAILED_GET_EXTERNAL_METRIC;
    }
    return HpaReason.INVALID_METRIC_SOURCE_TYPE;
  }

  private static Computed compute(HpaInput in, MetricSpec spec, ReplicaCalculator calculator, int specReplicas,
      int statusReplicas) throws MetricFailure {
    if (spec instanceof MetricSpec.ResourceMetric resource) {
      return resource(in, spec, resource.resource(), null, resource.target(), calculator, specReplicas,
          resource.resource() + " resource utilization (percentage of request)");
    } else if (spec instanceof MetricSpec.ContainerResourceMetric container) {
      return resource(in, spec, container.resource(), container.container(), container.target(), calculator,
          specReplicas, container.resource() + " container resource utilization (percentage of request)");
    } else if (spec instanceof MetricSpec.PodsMetric pods) {
      return pods(in, pods, calculator, specReplicas);
    } else if (spec instanceof MetricSpec.ObjectMetric object) {
      return object(in, object, calculator, specReplicas, statusReplicas);
    } else if (spec instanceof MetricSpec.ExternalMetric external) {
      return external(in, external, calculator, specReplicas, statusReplicas);
    }
    throw new MetricFailure("unknown metric source type \"" + ((MetricSpec.UnknownMetric) spec).type() + "\"");
  }

  private static Computed resource(HpaInput in, MetricSpec spec, String resource, String container,
      MetricTarget target, ReplicaCalculator calculator, int specReplicas, String utilizationName)
      throws MetricFailure {
    if (target.averageValue() != null) {
      try {
        Map<String, Sample> samples = ReplicaCalculator.resourceSamples(in.podMetrics(), resource, container);
        ReplicaCalculator.Proposal proposal =
            calculator.plain(samples, specReplicas, target.averageValue(), resource);
        return new Computed(proposal.replicas(), resource + " resource",
            new MetricStatus(spec, null, proposal.usage(), null));
      } catch (MetricFailure failure) {
        throw failure.wrap("failed to get " + resource + " usage: ");
      }
    }
    if (target.averageUtilization() == null) {
      throw new MetricFailure("invalid resource metric source: neither an average utilization target nor an "
          + "average value (usage) target was set");
    }
    try {
      ReplicaCalculator.Proposal proposal = calculator.resourceUtilization(
          specReplicas, target.averageUtilization(), resource, container, in.podMetrics());
      return new Computed(proposal.replicas(), utilizationName,
          new MetricStatus(spec, proposal.utilization(), proposal.usage(), null));
    } catch (MetricFailure failure) {
      throw failure.wrap("failed to get " + resource + " utilization: ");
    }
  }

  private static Computed pods(HpaInput in, MetricSpec.PodsMetric spec, ReplicaCalculator calculator,
      int specReplicas) throws MetricFailure {
    String name = spec.metric().name();
    try {
      Map<String, Sample> samples = new HashMap<>();
      boolean any = false;
      for (MetricValue value : in.metricValues()) {
        if (!value.appliesTo(MetricSourceType.PODS, spec.metric(), null)) {
          continue;
        }
        if (value.error() != null) {
          throw new MetricFailure("unable to get metric " + name + ": " + value.error());
        }
        any = true;
        if (value.pod() != null) {
          samples.put(value.pod(), new Sample(value.value(), null, null));
        }
      }
      if (!any) {
        throw new MetricFailure("unable to get metric " + name + ": no metrics returned from custom metrics API");
      }
      if (spec.target().averageValue() == null) {
        throw new MetricFailure("invalid pods metric source: no average value target was set");
      }
      ReplicaCalculator.Proposal proposal = calculator.plain(samples, specReplicas, spec.target().averageValue(), "");
      return new Computed(proposal.replicas(), "pods metric " + name,
          new MetricStatus(spec, null, proposal.usage(), null));
    } catch (MetricFailure failure) {
      throw failure.wrap("failed to get pods metric value: ");
    }
  }

  private static Computed object(HpaInput in, MetricSpec.ObjectMetric spec, ReplicaCalculator calculator,
      int specReplicas, int statusReplicas) throws MetricFailure {
    MetricTarget target = spec.target();
    boolean valueTarget = target.type() == MetricTargetType.VALUE && target.value() != null;
    boolean averageTarget = target.type() == MetricTargetType.AVERAGE_VALUE && target.averageValue() != null;
    if (!valueTarget && !averageTarget) {
      throw new MetricFailure(
          "invalid object metric source: neither a value target nor an average value target was set");
    }
    try {
      long usage = objectValue(in, spec);
      if (valueTarget) {
        ReplicaCalculator.Proposal proposal = calculator.valueTarget(specReplicas, usage, target.value());
        return new Computed(proposal.replicas(),
            spec.describedObject().kind() + " metric " + spec.metric().name(),
            new MetricStatus(spec, null, null, proposal.usage()));
      }
      ReplicaCalculator.Proposal proposal =
          calculator.averageValueTarget(statusReplicas, usage, target.averageValue());
      // Upstream names an AverageValue object metric like an external one.
      return new Computed(proposal.replicas(),
          "external metric " + spec.metric().name() + "(" + spec.metric().selectorText() + ")",
          new MetricStatus(spec, null, proposal.usage(), null));
    } catch (MetricFailure failure) {
      throw failure.wrap("failed to get object metric value: ");
    }
  }

  private static long objectValue(HpaInput in, MetricSpec.ObjectMetric spec) throws MetricFailure {
    ObjectReference object = spec.describedObject();
    String prefix = "unable to get metric " + spec.metric().name() + " on " + object.kind() + " "
        + in.spec().namespace() + "/" + object.name() + ": ";
    for (MetricValue value : in.metricValues()) {
      if (value.appliesTo(MetricSourceType.OBJECT, spec.metric(), object)) {
        if (value.error() != null) {
          throw new MetricFailure(prefix + value.error());
        }
        return value.value();
      }
    }
    throw new MetricFailure(prefix + "no metrics returned from custom metrics API");
  }

  private static Computed external(HpaInput in, MetricSpec.ExternalMetric spec, ReplicaCalculator calculator,
      int specReplicas, int statusReplicas) throws MetricFailure {
    MetricTarget target = spec.target();
    String name = spec.metric().name();
    if (target.averageValue() == null && target.value() == null) {
      throw new MetricFailure(
          "invalid external metric source: neither a value target nor an average value target was set");
    }
    try {
      long usage = externalSum(in, spec);
      String metricName = "external metric " + name + "(" + spec.metric().selectorText() + ")";
      if (target.averageValue() != null) {
        ReplicaCalculator.Proposal proposal =
            calculator.averageValueTarget(statusReplicas, usage, target.averageValue());
        return new Computed(proposal.replicas(), metricName, new MetricStatus(spec, null, proposal.usage(), null));
      }
      ReplicaCalculator.Proposal proposal = calculator.valueTarget(specReplicas, usage, target.value());
      return new Computed(proposal.replicas(), metricName, new MetricStatus(spec, null, null, proposal.usage()));
    } catch (MetricFailure failure) {
      throw failure.wrap("failed to get " + name + " external metric: ");
    }
  }

  /** Σ of all matching series, saturating at the long range instead of wrapping. */
  private static long externalSum(HpaInput in, MetricSpec.ExternalMetric spec) throws MetricFailure {
    String prefix = "unable to get external metric " + in.spec().namespace() + "/" + spec.metric().name() + "/"
        + spec.metric().selectorText() + ": ";
    long sum = 0;
    boolean any = false;
    for (MetricValue value : in.metricValues()) {
      if (!value.appliesTo(MetricSourceType.EXTERNAL, spec.metric(), null)) {
        continue;
      }
      if (value.error() != null) {
        throw new MetricFailure(prefix + value.error());
      }
      any = true;
      long next = sum + value.value();
      if (((sum ^ next) & (value.value() ^ next)) < 0) {
        next = value.value() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
      }
      sum = next;
    }
    if (!any) {
      throw new MetricFailure(prefix + "no metrics returned from external metrics API");
    }
    return sum;
  }
}
