package dev.reflex.core.portrait;

import java.util.Objects;

/**
 * One provider's reading inside a merge, kept for status, events and debugging.
 *
 * @param identifier the provider identifier
 * @param type the provider type
 * @param priority the provider priority
 * @param reading what it said at the merge instant
 */
public record ProviderReading(String identifier, ProviderType type, int priority, PortraitReading reading) {

  public ProviderReading {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reading, "reading");
  }
}
