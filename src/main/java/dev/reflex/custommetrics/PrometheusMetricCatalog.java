package dev.reflex.custommetrics;

import dev.reflex.custommetrics.MetricsApiJson.Listed;
import dev.reflex.metrics.prometheus.ResourceMapping.LabelledResource;
import dev.reflex.metrics.prometheus.RuleCatalog;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Metric discovery of what only Prometheus has: each custom metric of the adapter rules listed once per resource
 * its series name ({@code pods/http_requests}, {@code namespaces/http_requests}), each external rule's metric by
 * name, as prometheus-adapter lists them.
 */
final class PrometheusMetricCatalog implements MetricCatalog {

  private final RuleCatalog rules;

  PrometheusMetricCatalog(RuleCatalog rules) {
    this.rules = rules;
  }

  @Override
  public Future<List<Listed>> custom() {
    return rules.custom().map(metrics -> {
      List<Listed> listed = new ArrayList<>();
      for (RuleCatalog.ExposedMetric metric : metrics) {
        for (LabelledResource labelled : metric.resources()) {
          Optional<String> resource = ObjectKinds.listedResource(labelled.resource().group(),
              labelled.resource().resource(), labelled.explicit());
          resource.ifPresent(r -> listed.add(new Listed(r + "/" + metric.name(), ObjectKinds.namespaced(r))));
        }
      }
      listed.sort(Comparator.comparing(Listed::name));
      return listed;
    });
  }

  @Override
  public Future<List<Listed>> external() {
    return rules.external().map(names -> names.stream().map(n -> new Listed(n, true)).toList());
  }
}
