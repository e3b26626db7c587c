package dev.reflex.embedded.apiserver;

import dev.reflex.labels.LabelSelector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What kube's ClusterRole aggregation controller writes into a ClusterRole with an {@code aggregationRule}: the
 * rules of every other ClusterRole its {@code clusterRoleSelectors} select, selector by selector, each selector's
 * roles in name order, a rule already taken not taken twice. The server stores the result as the role's rules; the
 * authorizer reads stored rules only, as kube's does.
 */
final class ClusterRoleAggregation {

  private static final List<String> RULE_FIELDS = List.of("verbs", "apiGroups", "resources", "resourceNames",
      "nonResourceURLs");

  private ClusterRoleAggregation() {
  }

  /**
   * The rules {@code clusterRole} should hold given {@code all} ClusterRoles (which may include it), or its own
   * rules when it aggregates nothing. Roles selected are read as they are now, so a chain of aggregated roles settles
   * when the server reruns this on every ClusterRole change until nothing moves, as the controller does.
   */
  static JsonArray aggregatedRules(JsonObject clusterRole, List<JsonObject> all) {
    JsonObject aggregationRule = clusterRole.getJsonObject("aggregationRule");
    if (aggregationRule == null) {
      return clusterRole.getJsonArray("rules", new JsonArray()).copy();
    }
    String self = RbacObjects.nameOf(clusterRole);
    List<JsonObject> byName = new ArrayList<>(all);
    byName.sort(Comparator.comparing(RbacObjects::nameOf));
    JsonArray rules = new JsonArray();
    List<JsonObject> taken = new ArrayList<>();
    JsonArray selectors = aggregationRule.getJsonArray("clusterRoleSelectors", new JsonArray());
    for (int i = 0; i < selectors.size(); i++) {
      JsonObject selectorJson = selectors.getJsonObject(i);
      // A null selector selects nothing; {} selects every ClusterRole (kube's LabelSelectorAsSelector).
      if (selectorJson == null) {
        continue;
      }
      LabelSelector selector = LabelSelector.fromLabelSelectorJson(selectorJson,
          "aggregationRule.clusterRoleSelectors[" + i + "]");
      for (JsonObject candidate : byName) {
        if (RbacObjects.nameOf(candidate).equals(self) || !selector.matches(labels(candidate))) {
          continue;
        }
        JsonArray candidateRules = candidate.getJsonArray("rules", new JsonArray());
        for (int j = 0; j < candidateRules.size(); j++) {
          JsonObject rule = candidateRules.getJsonObject(j);
          JsonObject normal = normalized(rule);
          if (!taken.contains(normal)) {
            taken.add(normal);
            rules.add(rule.copy());
          }
        }
      }
    }
    return rules;
  }

  /** A rule with its absent lists read as empty ones: kube's semantic equality does not tell nil from empty. */
  private static JsonObject normalized(JsonObject rule) {
    JsonObject normal = new JsonObject();
    for (String field : RULE_FIELDS) {
      normal.put(field, new JsonArray(new ArrayList<>(RbacRules.strings(rule, field))));
    }
    return normal;
  }

  private static Map<String, String> labels(JsonObject object) {
    Map<String, String> labels = new LinkedHashMap<>();
    JsonObject metadata = object.getJsonObject("metadata");
    JsonObject json = metadata == null ? null : metadata.getJsonObject("labels");
    if (json != null) {
      json.forEach(e -> labels.put(e.getKey(), String.valueOf(e.getValue())));
    }
    return labels;
  }
}
