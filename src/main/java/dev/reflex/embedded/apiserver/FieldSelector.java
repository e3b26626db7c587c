package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Field selectors ({@code involvedObject.name=web,type!=Normal}) on the fields each kind supports, as
 * kube-apiserver supports them: every kind has {@code metadata.name} and {@code metadata.namespace}; the others are
 * per kind, and any other field is refused with 400, as a real server refuses it.
 */
final class FieldSelector {

  private static final Set<String> ALWAYS = Set.of("metadata.name", "metadata.namespace");
  private static final Map<String, Set<String>> BY_KIND = Map.of(
      "/Pod", Set.of("spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
          "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"),
      "/Event", Set.of("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
          "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
          "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"),
      "events.k8s.io/Event", Set.of("regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid",
          "regarding.apiVersion", "regarding.resourceVersion", "regarding.fieldPath", "reason",
          "reportingController", "type"),
      "/Secret", Set.of("type"),
      "/Namespace", Set.of("status.phase"),
      "/Node", Set.of("spec.unschedulable"),
      "apps/ReplicaSet", Set.of("status.replicas"),
      "batch/Job", Set.of("status.successful"));

  private record Clause(String field, String value, boolean equal) {
  }

  private FieldSelector() {
  }

  /**
   * Parses a selector for a type.
   *
   * @throws ApiError 400 for a malformed selector or a field the type does not support
   */
  static Predicate<JsonObject> parse(String selector, ResourceType type) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    Set<String> supported = BY_KIND.getOrDefault(type.group() + "/" + type.kind(), Set.of());
    List<Clause> clauses = new ArrayList<>();
    for (String part : selector.split(",")) {
      String clause = part.trim();
      if (clause.isEmpty()) {
        continue;
      }
      int ne = clause.indexOf("!=");
      int eq = clause.indexOf('=');
      Clause parsed;
      if (ne >= 0) {
        parsed = new Clause(clause.substring(0, ne).trim(), clause.substring(ne + 2).trim(), false);
      } else if (eq >= 0) {
        String value = clause.substring(eq + 1);
        parsed = new Clause(clause.substring(0, eq).trim(), (value.startsWith("=") ? value.substring(1) : value)
            .trim(), true);
      } else {
        throw ApiError.badRequest("invalid field selector: '" + clause + "': no operator");
      }
      if (!ALWAYS.contains(parsed.field()) && !supported.contains(parsed.field())) {
        throw ApiError.badRequest(!supported.isEmpty() ? "field label not supported: " + parsed.field()
            : "\"" + parsed.field() + "\" is not a known field selector: only \"metadata.name\", "
                + "\"metadata.namespace\"");
      }
      clauses.add(parsed);
    }
    boolean eventsV1 = type.builtIn() && "events.k8s.io".equals(type.group());
    return object -> clauses.stream().allMatch(c -> c.value().equals(value(object,
        eventsV1 ? EventConversion.storedField(c.field()) : c.field())) == c.equal());
  }

  private static String value(JsonObject object, String dottedPath) {
    Object current = object;
    for (String part : dottedPath.split("\\.")) {
      if (!(current instanceof JsonObject o)) {
        return "";
      }
      current = o.getValue(part);
    }
    if (current instanceof io.vertx.core.json.JsonArray array) {
      // status.podIPs: matched on the first address, as the pod field selector does
      return array.isEmpty() ? "" : String.valueOf(array.getValue(0) instanceof JsonObject ip
          ? ip.getString("ip") : array.getValue(0));
    }
    return current == null ? "" : String.valueOf(current);
  }
}
