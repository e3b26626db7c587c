package dev.reflex.metrics.prometheus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rule and Prometheus series that serve an exposed metric name.
 *
 * @param rule the rule
 * @param series the Prometheus series name, the value of {@code <<.Series>>}
 */
public record RuleMatch(DiscoveryRule rule, String series) {

  /**
   * Finds the first rule that names a series {@code metric}. A rule whose {@code seriesQuery} spells out its series
   * is checked without discovery; other rules are checked against {@code discovered(rule)} (series names Prometheus
   * listed for its {@code seriesQuery}).
   */
  public static Optional<RuleMatch> find(List<DiscoveryRule> rules, String metric,
      Function<DiscoveryRule, Collection<String>> discovered) {
    for (DiscoveryRule rule : rules) {
      Collection<String> candidates = rule.literalSeriesName().<Collection<String>>map(List::of)
          .orElseGet(() -> discovered.apply(rule));
      for (String series : candidates) {
        if (rule.metricName(series).filter(metric::equals).isPresent()) {
          return Optional.of(new RuleMatch(rule, series));
        }
      }
    }
    return Optional.empty();
  }
}
