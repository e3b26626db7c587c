package dev.reflex.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Named readiness checks; Reflex is ready when all of them pass. */
public final class Readiness {

  private final Map<String, BooleanSupplier> checks = new ConcurrentHashMap<>();

  public void add(String name, BooleanSupplier check) {
    checks.put(name, check);
  }

  /** Names of the checks that do not pass yet, sorted; empty when ready. */
  public List<String> failing() {
    return checks.entrySet().stream().filter(e -> !e.getValue().getAsBoolean()).map(Map.Entry::getKey).sorted()
        .toList();
  }

  public boolean ready() {
    return failing().isEmpty();
  }
}
