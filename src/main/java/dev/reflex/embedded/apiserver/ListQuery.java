package dev.reflex.embedded.apiserver;

import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.LabelSelectorException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The options of a list or watch, parsed and checked: label and field selectors, {@code limit} and
 * {@code continue}, {@code resourceVersion} and {@code resourceVersionMatch}, and the watch's own
 * ({@code allowWatchBookmarks}, {@code sendInitialEvents}, {@code timeoutSeconds}).
 */
record ListQuery(Predicate<StoredObject> filter, boolean selective, long limit, Continue continueFrom,
    String resourceVersion, String resourceVersionMatch, boolean bookmarks, boolean sendInitialEvents,
    long timeoutSeconds) {

  /** Where a paged list goes on: the snapshot's resourceVersion and the last key sent. */
  record Continue(long resourceVersion, String startAfter) {

    String encode() {
      String json = new JsonObject().put("v", "meta.k8s.io/v1").put("rv", resourceVersion).put("start", startAfter)
          .encode();
      return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Continue decode(String token) {
      try {
        JsonObject json = new JsonObject(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        return new Continue(json.getLong("rv"), json.getString("start"));
      } catch (RuntimeException e) {
        throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
      }
    }
  }

  static ListQuery parse(Map<String, String> query, ResourceType type) {
    return parse(query, type, false);
  }

  /** @param watch whether these are a watch's options (a watch-list may name a match without a version) */
  static ListQuery parse(Map<String, String> query, ResourceType type, boolean watch) {
    String labels = query.get("labelSelector");
    LabelSelector selector;
    try {
      selector = LabelSelector.parse(labels);
    } catch (LabelSelectorException e) {
      throw ApiError.badRequest(e.reason());
    }
    Predicate<Map<String, String>> labelPredicate = selector::matches;
    Predicate<JsonObject> fields = FieldSelector.parse(query.get("fieldSelector"), type);
    Predicate<StoredObject> filter;
    if (selector.isEmpty()) {
      filter = fieldsOnly(fields, query.get("fieldSelector"));
    } else {
      Predicate<StoredObject> byFields = fieldsOnly(fields, query.get("fieldSelector"));
      filter = object -> labelPredicate.test(object.labels()) && byFields.test(object);
    }
    boolean selective = (labels != null && !labels.isBlank())
        || (query.get("fieldSelector") != null && !query.get("fieldSelector").isBlank());
    long limit = number(query.get("limit"), "limit");
    String token = query.get("continue");
    String rv = query.get("resourceVersion");
    String match = query.get("resourceVersionMatch");
    if (match != null && !match.isEmpty() && !match.equals("NotOlderThan") && !match.equals("Exact")) {
      throw ApiError.badRequest("resourceVersionMatch: Unsupported value: \"" + match
          + "\": supported values: \"Exact\", \"NotOlderThan\"");
    }
    boolean watchList = watch && "true".equals(query.get("sendInitialEvents"));
    if (match != null && !match.isEmpty() && (rv == null || rv.isEmpty()) && !watchList) {
      throw ApiError.invalid("ListOptions.meta.k8s.io", "", List.of(FieldError.forbidden("resourceVersionMatch",
          "resourceVersionMatch is forbidden unless resourceVersion is provided")));
    }
    if (token != null && !token.isEmpty() && rv != null && !rv.isEmpty() && !"0".equals(rv)) {
      throw ApiError.badRequest("specifying resource version is not allowed when using continue");
    }
    return new ListQuery(filter, selective, limit, token == null || token.isEmpty() ? null : Continue.decode(token),
        rv, match, "true".equals(query.get("allowWatchBookmarks")), "true".equals(query.get("sendInitialEvents")),
        number(query.get("timeoutSeconds"), "timeoutSeconds"));
  }

  private static Predicate<StoredObject> fieldsOnly(Predicate<JsonObject> fields, String selector) {
    return selector == null || selector.isBlank() ? object -> true : object -> fields.test(object.object());
  }

  /** A specific resourceVersion asked for, or -1 for "the latest" (absent or "0"). */
  long requestedVersion() {
    if (resourceVersion == null || resourceVersion.isEmpty() || "0".equals(resourceVersion)) {
      return -1;
    }
    try {
      return Long.parseLong(resourceVersion);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("resourceVersion: Invalid value: \"" + resourceVersion
          + "\": must be an unsigned integer");
    }
  }

  private static long number(String value, String name) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest(name + ": Invalid value: \"" + value + "\": must be an integer");
    }
  }

  static Map<String, String> labelsOf(JsonObject object) {
    JsonObject labels = object.getJsonObject("metadata", new JsonObject()).getJsonObject("labels");
    if (labels == null || labels.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new HashMap<>(labels.size() * 2);
    labels.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    return map;
  }
}
