package dev.reflex.metrics.prometheus;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of {@code rules} (object and pods metrics) or {@code externalRules}: which series it covers
 * ({@code seriesQuery}, {@code seriesFilters}), how they are named ({@code name}), how their labels name objects
 * ({@code resources}) and the PromQL template that computes values ({@code metricsQuery}).
 *
 * @param seriesQuery a Prometheus series selector, e.g. {@code {__name__="nginx_ingress_controller_requests"}}
 * @param seriesFilters extra filters on series names
 * @param resources label to object mapping
 * @param name the naming rule
 * @param metricsQuery the PromQL template
 */
public record DiscoveryRule(String seriesQuery, List<SeriesFilter> seriesFilters, ResourceMapping resources,
    NameRule name, String metricsQuery) {

  // A bare metric name, or {__name__="x"} optionally followed by more matchers: the series name is known
  // without asking Prometheus.
  private static final Pattern BARE_NAME = Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{.*\\})?\\s*$");
  private static final Pattern NAME_MATCHER =
      Pattern.compile("^\\s*\\{\\s*__name__\\s*=\\s*\"([a-zA-Z_:][a-zA-Z0-9_:]*)\"\\s*(,.*)?\\}\\s*$");

  public DiscoveryRule {
    if (seriesQuery == null || seriesQuery.isBlank()) {
      throw new IllegalArgumentException("seriesQuery: must not be empty");
    }
    if (metricsQuery == null || metricsQuery.isBlank()) {
      throw new IllegalArgumentException("metricsQuery: must not be empty");
    }
    seriesFilters = List.copyOf(seriesFilters);
  }

  /**
   * The one series name {@code seriesQuery} selects when it spells it out ({@code http_requests_total},
   * {@code {__name__="x",job="y"}}); empty when series must be discovered (e.g. {@code {__name__=~"^container_.*"}}).
   */
  public Optional<String> literalSeriesName() {
    Matcher bare = BARE_NAME.matcher(seriesQuery);
    if (bare.matches()) {
      return Optional.of(bare.group(1));
    }
    Matcher named = NAME_MATCHER.matcher(seriesQuery);
    return named.matches() ? Optional.of(named.group(1)) : Optional.empty();
  }

  /** The exposed metric name of a series, or empty when the filters or the name regex reject it. */
  public Optional<String> metricName(String series) {
    for (SeriesFilter f : seriesFilters) {
      if (!f.accepts(series)) {
        return Optional.empty();
      }
    }
    return name.metricName(series);
  }
}
