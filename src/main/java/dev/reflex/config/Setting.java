package dev.reflex.config;

import java.util.Locale;

/**
 * One configuration key.
 *
 * @param key dotted YAML path, e.g. {@code http.port}
 * @param defaultValue the default, written as it would appear in the YAML file
 * @param kind how the value is checked and converted
 * @param doc one sentence for the reference documentation
 */
public record Setting(String key, String defaultValue, ValueKind kind, String doc) {

  /** The environment variable that overrides this key: {@code http.port} becomes {@code REFLEX_HTTP_PORT}. */
  public String envName() {
    return "REFLEX_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
