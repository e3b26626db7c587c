package dev.reflex.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Builds the effective configuration: code defaults, then the YAML file, then {@code REFLEX_*} environment variables,
 * each layer overriding the one before. Every error names the key (or the file) so the user can fix it at once.
 */
public final class ConfigLoader {

  private ConfigLoader() {
  }

  /**
   * Loads the configuration.
   *
   * @param file the YAML file given with {@code --config}, or {@code null} for none
   * @param env the process environment (only {@code REFLEX_*} entries are read)
   */
  public static ReflexConfig load(Path file, Map<String, String> env) {
    Map<String, String> values = Settings.defaults();
    if (file != null) {
      values.putAll(readFile(file));
    }
    values.putAll(fromEnvironment(env));
    return fromValues(values);
  }

  /** Flattened {@code key → text} pairs of a YAML file, every key checked against {@link Settings}. */
  public static Map<String, String> readFile(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
    Object root;
    try {
      root = new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (YamlEngineException e) {
      throw new ConfigException("configuration file " + file + " is not valid YAML: "
          + e.getMessage().replace('\n', ' '), e);
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null) {
      return flat;
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException("configuration file " + file + " must hold a YAML mapping at the top");
    }
    flatten("", map, flat, file);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out, Path file) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix + e.getKey();
      Object value = e.getValue();
      if (value instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, out, file);
        continue;
      }
      if (Settings.byKey(key).isEmpty()) {
        throw new ConfigException("unknown configuration key '" + key + "' in " + file);
      }
      out.put(key, render(key, value));
    }
  }

  private static String render(String key, Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof List<?> list) {
      return String.join(",", list.stream().map(String::valueOf).toList());
    }
    if (value instanceof Map<?, ?>) {
      throw new ConfigException("configuration key '" + key + "' must be a plain value");
    }
    return String.valueOf(value);
  }

  private static Map<String, String> fromEnvironment(Map<String, String> env) {
    Map<String, String> byEnvName = new TreeMap<>();
    Settings.ALL.forEach(s -> byEnvName.put(s.envName(), s.key()));
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (!e.getKey().startsWith("REFLEX_")) {
        continue;
      }
      String key = byEnvName.get(e.getKey());
      if (key == null) {
        throw new ConfigException("unknown environment variable " + e.getKey()
            + " (REFLEX_* variables must name a configuration key, e.g. REFLEX_HTTP_PORT)");
      }
      values.put(key, e.getValue());
    }
    return values;
  }

  /** Checks and converts raw values (every key must be present) into the record tree. */
  static ReflexConfig fromValues(Map<String, String> raw) {
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Setting setting : Settings.ALL) {
      String text = raw.getOrDefault(setting.key(), setting.defaultValue());
      try {
        typed.put(setting.key(), setting.kind().convert(text));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("invalid value '" + text + "' for configuration key '" + setting.key() + "': "
            + e.getMessage());
      }
    }
    return ReflexConfig.fromTyped(typed);
  }
}
