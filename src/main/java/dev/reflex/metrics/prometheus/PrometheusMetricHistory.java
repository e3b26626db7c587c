package dev.reflex.metrics.prometheus;

import dev.reflex.config.ReflexConfig;
import dev.reflex.metrics.query.GroupKind;
import dev.reflex.metrics.query.MetricHistory;
import dev.reflex.metrics.query.MetricQuery;
import dev.reflex.metrics.query.MetricQueryException;
import dev.reflex.metrics.query.MetricSample;
import dev.reflex.metrics.query.MetricSeries;
import dev.reflex.metrics.query.NoMetricHistory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link MetricHistory} on Prometheus, driven by adapter-style rules. Pods and objects picked by selector are
 * listed through an {@link ObjectLister}; rules whose {@code seriesQuery} does not spell out one series are resolved
 * by listing series from Prometheus (cached for {@link #DISCOVERY_TTL}). Range queries go through
 * {@link PrometheusClient#rangeAll}, which splits what Prometheus would refuse.
 */
public final class PrometheusMetricHistory implements MetricHistory {

  /** How long discovered series names are reused. */
  public static final Duration DISCOVERY_TTL = Duration.ofMinutes(1);
  /** How far back series are looked for when discovering for latest queries. */
  private static final Duration DISCOVERY_LOOKBACK = Duration.ofMinutes(10);

  private static final GroupKind POD = new GroupKind("", "Pod");

  private final PrometheusClient client;
  private final AdapterConfig config;
  private final PromQueryBuilder builder;
  private final ObjectLister lister;
  private final Clock clock;
  private final Map<DiscoveryRule, Discovered> discovered = new ConcurrentHashMap<>();

  private record Discovered(Instant at, Set<String> names) {
  }

  public PrometheusMetricHistory(PrometheusClient client, AdapterConfig config, ObjectLister lister, Clock clock) {
    this.client = client;
    this.config = config;
    this.builder = new PromQueryBuilder(config);
    this.lister = lister;
    this.clock = clock;
  }

  /**
   * The metric source the configuration asks for: Prometheus with the rules file when {@code prometheus.address}
   * is set, otherwise a {@link NoMetricHistory} whose queries fail as unavailable.
   *
   * @throws dev.reflex.config.ConfigException when the rules file cannot be read or is invalid
   */
  public static MetricHistory fromConfig(Vertx vertx, ReflexConfig.Prometheus config, ObjectLister lister,
      Clock clock) {
    if (!config.enabled()) {
      return new NoMetricHistory("prometheus.address is not set");
    }
    AdapterConfig rules = AdapterConfigParser.parseFile(Path.of(config.metricsConfig()));
    return new PrometheusMetricHistory(new PrometheusClient(vertx, config.address(), config.timeout()), rules, lister,
        clock);
  }

  /** The metrics the rules expose, for the metrics APIs' discovery; asks the same Prometheus. */
  public RuleCatalog catalog() {
    return new RuleCatalog(client, config, clock);
  }

  @Override
  public Future<List<MetricSample>> queryLatest(MetricQuery query) {
    Instant now = clock.instant();
    return plan(query, now.minus(DISCOVERY_LOOKBACK), now).compose(built -> {
      if (built.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      BuiltQuery q = built.get();
      return client.instant(q.promql(), Optional.empty()).map(samples -> samples.stream()
          .map(s -> new MetricSample(s.point(), s.labels(), q.window())).toList());
    });
  }

  @Override
  public Future<List<MetricSeries>> query(MetricQuery query, Instant start, Instant end, Duration step) {
    if (step == null || step.isZero() || step.isNegative()) {
      return Future.failedFuture(MetricQueryException.invalid("step: must be positive"));
    }
    if (start == null || end == null || end.isBefore(start)) {
      return Future.failedFuture(MetricQueryException.invalid("start/end: end must not be before start"));
    }
    return plan(query, start, end).compose(built -> {
      if (built.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      BuiltQuery q = built.get();
      return client.rangeAll(q.promql(), start, end, step).map(series -> series.stream()
          .map(s -> new MetricSeries(s.points(), s.labels(), q.window())).toList());
    });
  }

  /** The query as PromQL; empty when it selects nothing (a selector that picks no pods). */
  private Future<Optional<BuiltQuery>> plan(MetricQuery query, Instant from, Instant to) {
    try {
      if (query instanceof MetricQuery.PodResource q) {
        return pods(q.namespace(), q.pods()).map(names -> names.isEmpty() ? Optional.empty()
            : Optional.of(builder.podResource(q.namespace(), names, q.resource(), Optional.empty())));
      }
      if (query instanceof MetricQuery.ContainerResource q) {
        return pods(q.namespace(), q.pods()).map(names -> names.isEmpty() ? Optional.empty()
            : Optional.of(builder.podResource(q.namespace(), names, q.resource(), Optional.of(q.container()))));
      }
      if (query instanceof MetricQuery.WorkloadResource q) {
        return Future.succeededFuture(Optional.of(builder.workloadResource(q.workload(), q.namespace(), q.name(),
            q.resource(), Optional.empty(), q.readyPodsOnly())));
      }
      if (query instanceof MetricQuery.WorkloadContainerResource q) {
        return Future.succeededFuture(Optional.of(builder.workloadResource(q.workload(), q.namespace(), q.name(),
            q.resource(), Optional.of(q.container()), q.readyPodsOnly())));
      }
      if (query instanceof MetricQuery.ObjectMetric q) {
        return rule(builder.config().rules(), q.metric().name(), "object", from, to).compose(match -> {
          Future<List<String>> names = q.name().map(n -> Future.succeededFuture(List.of(n)))
              .orElseGet(() -> lister.names(q.kind(), q.namespace(), q.selector()));
          return names.map(list -> list.isEmpty() ? Optional.<BuiltQuery>empty()
              : Optional.of(builder.object(match, q.kind(), q.namespace(), list, q.metric().selector())));
        });
      }
      if (query instanceof MetricQuery.External q) {
        return rule(builder.config().externalRules(), q.metric().name(), "external", from, to).map(match ->
            Optional.of(builder.external(match, q.namespace(), q.metric().selector(), Optional.empty())));
      }
      MetricQuery.WorkloadExternal q = (MetricQuery.WorkloadExternal) query;
      return rule(builder.config().externalRules(), q.metric().name(), "external", from, to).map(match ->
          Optional.of(builder.external(match, Optional.of(q.namespace()), q.metric().selector(),
              Optional.of(new PromQueryBuilder.PodScope(q.workload(), q.name())))));
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(MetricQueryException.invalid(e.getMessage()));
    }
  }

  private Future<List<String>> pods(String namespace, MetricQuery.PodPick pick) {
    if (pick.name().isPresent()) {
      return Future.succeededFuture(List.of(pick.name().get()));
    }
    return lister.names(POD, Optional.of(namespace), pick.selector());
  }

  private Future<RuleMatch> rule(List<DiscoveryRule> rules, String metric, String what, Instant from, Instant to) {
    // Rules that spell out their series need no discovery; look there first so a Prometheus outage still yields
    // the query's own error and a misspelt name costs no round trip when every rule is literal.
    Optional<RuleMatch> literal = RuleMatch.find(rules, metric, r -> List.of());
    if (literal.isPresent()) {
      return Future.succeededFuture(literal.get());
    }
    List<DiscoveryRule> toDiscover = rules.stream().filter(r -> r.literalSeriesName().isEmpty()).toList();
    if (toDiscover.isEmpty()) {
      return Future.failedFuture(notFound(metric, what));
    }
    List<Future<Set<String>>> lists = new ArrayList<>();
    for (DiscoveryRule r : toDiscover) {
      lists.add(discover(r, from, to));
    }
    return Future.all(lists).compose(all -> {
      Map<DiscoveryRule, Set<String>> byRule = new LinkedHashMap<>();
      for (int i = 0; i < toDiscover.size(); i++) {
        byRule.put(toDiscover.get(i), lists.get(i).result());
      }
      return RuleMatch.find(rules, metric, r -> byRule.getOrDefault(r, Set.of()))
          .map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(metric, what)));
    });
  }

  private static MetricQueryException notFound(String metric, String what) {
    return MetricQueryException.invalid("metric " + metric + " is not served by any " + what + " rule of the "
        + "Prometheus metrics config (check " + ("external".equals(what) ? "externalRules" : "rules")
        + " name/seriesQuery, or that the series exists)");
  }

  private Future<Set<String>> discover(DiscoveryRule rule, Instant from, Instant to) {
    Instant now = clock.instant();
    Discovered cached = discovered.get(rule);
    if (cached != null && cached.at().plus(DISCOVERY_TTL).isAfter(now)) {
      return Future.succeededFuture(cached.names());
    }
    return client.series(rule.seriesQuery(), from, to).map(series -> {
      Set<String> names = new LinkedHashSet<>();
      series.forEach(labels -> Optional.ofNullable(labels.get("__name__")).ifPresent(names::add));
      discovered.put(rule, new Discovered(now, Set.copyOf(names)));
      return names;
    });
  }

}
