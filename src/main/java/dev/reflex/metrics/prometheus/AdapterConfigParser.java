package dev.reflex.metrics.prometheus;

import dev.reflex.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a prometheus-adapter style metrics config strictly: unknown keys, wrong types and invalid regexes are
 * errors naming the path of the offending field (e.g. {@code rules[0].name.matches}), so a typo never silently
 * disables a rule.
 */
public final class AdapterConfigParser {

  private AdapterConfigParser() {
  }

  /** Reads and parses a file. */
  public static AdapterConfig parseFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read Prometheus metrics config " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /** Parses YAML text; {@code source} names it in messages. */
  public static AdapterConfig parse(String text, String source) {
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
    }
    try {
      if (root == null) {
        return AdapterConfig.EMPTY;
      }
      Map<String, Object> map = map(root, "");
      known(map, "", Set.of("resourceRules", "rules", "externalRules", "workloadPodNamePatterns"));
      return new AdapterConfig(
          resourceRules(map.get("resourceRules")),
          discoveryRules(map.get("rules"), "rules"),
          discoveryRules(map.get("externalRules"), "externalRules"),
          podNamePatterns(map.get("workloadPodNamePatterns")));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }

  private static ResourceRules resourceRules(Object node) {
    if (node == null) {
      return ResourceRules.NONE;
    }
    Map<String, Object> map = map(node, "resourceRules");
    known(map, "resourceRules", Set.of("cpu", "memory", "window"));
    Optional<Duration> window = Optional.ofNullable(map.get("window"))
        .map(w -> PromDurations.parse(string(w, "resourceRules.window"), "resourceRules.window"));
    return new ResourceRules(resourceRule(map.get("cpu"), "resourceRules.cpu"),
        resourceRule(map.get("memory"), "resourceRules.memory"), window);
  }

  private static Optional<ResourceRule> resourceRule(Object node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    Map<String, Object> map = map(node, path);
    known(map, path, Set.of("containerQuery", "nodeQuery", "readyPodsOnlyContainerQuery", "resources",
        "containerLabel"));
    String containerQuery = optString(map, "containerQuery", path)
        .orElseThrow(() -> new IllegalArgumentException(path + ".containerQuery: must be set"));
    return Optional.of(new ResourceRule(containerQuery, optString(map, "nodeQuery", path),
        optString(map, "readyPodsOnlyContainerQuery", path), mapping(map.get("resources"), path + ".resources"),
        optString(map, "containerLabel", path).orElse("container")));
  }

  private static List<DiscoveryRule> discoveryRules(Object node, String path) {
    List<DiscoveryRule> rules = new ArrayList<>();
    List<Object> list = list(node, path);
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      Map<String, Object> map = map(list.get(i), at);
      known(map, at, Set.of("seriesQuery", "seriesFilters", "resources", "name", "metricsQuery"));
      String seriesQuery = optString(map, "seriesQuery", at)
          .orElseThrow(() -> new IllegalArgumentException(at + ".seriesQuery: must be set"));
      String metricsQuery = optString(map, "metricsQuery", at)
          .orElseThrow(() -> new IllegalArgumentException(at + ".metricsQuery: must be set"));
      rules.add(new DiscoveryRule(seriesQuery, filters(map.get("seriesFilters"), at + ".seriesFilters"),
          mapping(map.get("resources"), at + ".resources"), nameRule(map.get("name"), at + ".name"), metricsQuery));
    }
    return rules;
  }

  private static List<SeriesFilter> filters(Object node, String path) {
    List<SeriesFilter> filters = new ArrayList<>();
    List<Object> list = list(node, path);
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      Map<String, Object> map = map(list.get(i), at);
      known(map, at, Set.of("is", "isNot"));
      filters.add(new SeriesFilter(optString(map, "is", at).map(r -> regex(r, at + ".is")),
          optString(map, "isNot", at).map(r -> regex(r, at + ".isNot"))));
    }
    return filters;
  }

  private static NameRule nameRule(Object node, String path) {
    if (node == null) {
      return NameRule.NONE;
    }
    Map<String, Object> map = map(node, path);
    known(map, path, Set.of("matches", "as"));
    return new NameRule(optString(map, "matches", path).filter(s -> !s.isEmpty()).map(r -> regex(r,
        path + ".matches")), optString(map, "as", path));
  }

  private static ResourceMapping mapping(Object node, String path) {
    if (node == null) {
      return ResourceMapping.NONE;
    }
    Map<String, Object> map = map(node, path);
    known(map, path, Set.of("template", "overrides", "namespaced"));
    Map<String, GroupResource> overrides = new LinkedHashMap<>();
    Object o = map.get("overrides");
    if (o != null) {
      for (Map.Entry<String, Object> e : map(o, path + ".overrides").entrySet()) {
        String at = path + ".overrides." + e.getKey();
        Map<String, Object> gr = map(e.getValue(), at);
        known(gr, at, Set.of("group", "resource"));
        overrides.put(e.getKey(), new GroupResource(optString(gr, "group", at).orElse(""),
            optString(gr, "resource", at).orElseThrow(() -> new IllegalArgumentException(at
                + ".resource: must be set"))));
      }
    }
    Optional<Boolean> namespaced = Optional.empty();
    if (map.get("namespaced") != null) {
      if (!(map.get("namespaced") instanceof Boolean b)) {
        throw new IllegalArgumentException(path + ".namespaced: must be true or false");
      }
      namespaced = Optional.of(b);
    }
    return new ResourceMapping(optString(map, "template", path), overrides, namespaced);
  }

  private static List<WorkloadPodNamePattern> podNamePatterns(Object node) {
    List<WorkloadPodNamePattern> patterns = new ArrayList<>();
    List<Object> list = list(node, "workloadPodNamePatterns");
    for (int i = 0; i < list.size(); i++) {
      String at = "workloadPodNamePatterns[" + i + "]";
      Map<String, Object> map = map(list.get(i), at);
      known(map, at, Set.of("group", "kind", "pattern"));
      patterns.add(new WorkloadPodNamePattern(optString(map, "group", at).orElse(""),
          optString(map, "kind", at).orElse(null), optString(map, "pattern", at).orElse(null)));
    }
    return patterns;
  }

  private static Pattern regex(String text, String path) {
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(path + ": invalid regex \"" + text + "\": " + e.getDescription());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String path) {
    if (!(node instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException((path.isEmpty() ? "top level" : path) + ": must be a mapping");
    }
    return (Map<String, Object>) m;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node, String path) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> l)) {
      throw new IllegalArgumentException(path + ": must be a list");
    }
    return (List<Object>) l;
  }

  private static void known(Map<String, Object> map, String path, Set<String> keys) {
    for (Object key : map.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        throw new IllegalArgumentException((path.isEmpty() ? "" : path + ".") + key + ": unknown key (known: "
            + String.join(", ", new java.util.TreeSet<>(keys)) + ")");
      }
    }
  }

  private static Optional<String> optString(Map<String, Object> map, String key, String path) {
    Object v = map.get(key);
    return v == null ? Optional.empty() : Optional.of(string(v, path + "." + key));
  }

  private static String string(Object v, String path) {
    if (v instanceof Map || v instanceof List) {
      throw new IllegalArgumentException(path + ": must be a string");
    }
    return String.valueOf(v);
  }
}
