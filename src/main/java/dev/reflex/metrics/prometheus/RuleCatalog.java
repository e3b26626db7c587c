package dev.reflex.metrics.prometheus;

import io.vertx.core.Future;
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
import java.util.function.Function;

/**
 * The metrics the adapter rules expose, as prometheus-adapter lists them for metric discovery: the series each
 * rule's {@code seriesQuery} selects in the last ten minutes, named by its {@code name} rule, each with the
 * resources its labels name ({@code resources}). Listed again at most once per {@link #TTL}.
 */
public final class RuleCatalog {

  /** How long a listing is reused, as prometheus-adapter's discovery interval. */
  public static final Duration TTL = Duration.ofMinutes(1);
  private static final Duration LOOKBACK = Duration.ofMinutes(10);

  /**
   * A custom metric a rule exposes.
   *
   * @param resources the resources its series' labels name (a namespace label included)
   */
  public record ExposedMetric(String name, Set<ResourceMapping.LabelledResource> resources) {
    public ExposedMetric {
      resources = Set.copyOf(resources);
    }
  }

  private record Listing(Instant at, List<ExposedMetric> custom, List<String> external) {
  }

  private final PrometheusClient client;
  private final AdapterConfig config;
  private final Clock clock;
  private volatile Listing last;

  RuleCatalog(PrometheusClient client, AdapterConfig config, Clock clock) {
    this.client = client;
    this.config = config;
    this.clock = clock;
  }

  /** The custom metrics of {@code rules}. */
  public Future<List<ExposedMetric>> custom() {
    return listing().map(Listing::custom);
  }

  /** The external metric names of {@code externalRules}. */
  public Future<List<String>> external() {
    return listing().map(Listing::external);
  }

  private Future<Listing> listing() {
    Instant now = clock.instant();
    Listing cached = last;
    if (cached != null && cached.at().plus(TTL).isAfter(now)) {
      return Future.succeededFuture(cached);
    }
    List<DiscoveryRule> all = new ArrayList<>(config.rules());
    all.addAll(config.externalRules());
    List<Future<List<Map<String, String>>>> listed = new ArrayList<>();
    for (DiscoveryRule rule : all) {
      listed.add(client.series(rule.seriesQuery(), now.minus(LOOKBACK), now));
    }
    return Future.all(listed).map(done -> {
      Map<DiscoveryRule, List<Map<String, String>>> byRule = new LinkedHashMap<>();
      for (int i = 0; i < all.size(); i++) {
        byRule.put(all.get(i), listed.get(i).result());
      }
      Function<DiscoveryRule, List<Map<String, String>>> series = r -> byRule.getOrDefault(r, List.of());
      Listing fresh = new Listing(now, expose(config.rules(), series), names(config.externalRules(), series));
      last = fresh;
      return fresh;
    });
  }

  /** Each metric name the rules give their series, with the resources of every series so named (first rule wins). */
  static List<ExposedMetric> expose(List<DiscoveryRule> rules,
      Function<DiscoveryRule, List<Map<String, String>>> series) {
    Map<String, Set<ResourceMapping.LabelledResource>> byName = new LinkedHashMap<>();
    Map<String, DiscoveryRule> owner = new LinkedHashMap<>();
    for (DiscoveryRule rule : rules) {
      for (Map<String, String> labels : series.apply(rule)) {
        Optional<String> name = Optional.ofNullable(labels.get("__name__")).flatMap(rule::metricName);
        if (name.isEmpty() || owner.getOrDefault(name.get(), rule) != rule) {
          continue;
        }
        owner.put(name.get(), rule);
        Set<ResourceMapping.LabelledResource> resources = byName.computeIfAbsent(name.get(),
            n -> new LinkedHashSet<>());
        for (String label : labels.keySet()) {
          rule.resources().resourceNamedBy(label).ifPresent(resources::add);
        }
      }
    }
    List<ExposedMetric> exposed = new ArrayList<>();
    byName.forEach((name, resources) -> exposed.add(new ExposedMetric(name, resources)));
    return exposed;
  }

  private static List<String> names(List<DiscoveryRule> rules,
      Function<DiscoveryRule, List<Map<String, String>>> series) {
    Set<String> names = new LinkedHashSet<>();
    for (DiscoveryRule rule : rules) {
      for (Map<String, String> labels : series.apply(rule)) {
        Optional.ofNullable(labels.get("__name__")).flatMap(rule::metricName).ifPresent(names::add);
      }
    }
    return List.copyOf(names);
  }
}
