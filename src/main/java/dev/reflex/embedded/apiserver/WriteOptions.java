package dev.reflex.embedded.apiserver;

import java.util.Map;

/**
 * The query parameters every write takes: {@code dryRun=All} (everything but the store), {@code fieldManager},
 * {@code fieldValidation} (Strict, Warn, Ignore) and {@code force} (server-side apply).
 */
record WriteOptions(boolean dryRun, String fieldManager, FieldValidation fieldValidation, boolean force,
    String userAgent, boolean apply) {

  /** How unknown fields in a request body are treated. */
  enum FieldValidation {
    STRICT, WARN, IGNORE
  }

  static final WriteOptions INTERNAL = new WriteOptions(false, "kube-controller-manager", FieldValidation.IGNORE,
      false, "kube-controller-manager", false);

  /** The manager a write is recorded under: the one named, else the one kube derives from the user agent. */
  String manager() {
    return fieldManager != null && !fieldManager.isEmpty() ? fieldManager
        : ServerSideApply.defaultManager(userAgent);
  }

  /** These options as a dry run: everything a write would do, nothing stored. */
  WriteOptions asDryRun() {
    return new WriteOptions(true, fieldManager, fieldValidation, force, userAgent, apply);
  }

  /** These options for the write that carries out a server-side apply (its managed fields are already set). */
  WriteOptions applying() {
    return new WriteOptions(dryRun, fieldManager, fieldValidation, force, userAgent, true);
  }

  static WriteOptions from(Map<String, String> query, String userAgent) {
    String dryRun = query.get("dryRun");
    if (dryRun != null && !dryRun.isEmpty() && !"All".equals(dryRun)) {
      throw ApiError.badRequest("Invalid dry run value: " + dryRun + " (supported: All)");
    }
    String validation = query.getOrDefault("fieldValidation", "");
    FieldValidation mode = switch (validation) {
      case "Strict" -> FieldValidation.STRICT;
      case "Ignore" -> FieldValidation.IGNORE;
      case "", "Warn" -> FieldValidation.WARN;
      default -> throw ApiError.badRequest("fieldValidation must be one of Ignore, Warn or Strict, not "
          + validation);
    };
    return new WriteOptions("All".equals(dryRun), query.get("fieldManager"), mode,
        "true".equals(query.get("force")), userAgent == null ? "" : userAgent, false);
  }
}
