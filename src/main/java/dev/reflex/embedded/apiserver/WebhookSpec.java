package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One webhook of a stored Mutating- or ValidatingWebhookConfiguration (admissionregistration.k8s.io/v1), with v1's
 * defaults filled in for members a stored object may lack: failurePolicy Fail, matchPolicy Equivalent,
 * timeoutSeconds 10, reinvocationPolicy Never, rule scope {@code *}, service port 443.
 *
 * @param id unique within one dispatch: configuration name and position, what kube's webhook UID is
 * @param sideEffects null when the object has none (a v1beta1-era object); dry runs then fail the call
 */
record WebhookSpec(String id, String configurationName, String name, List<Rule> rules, JsonObject namespaceSelector,
    JsonObject objectSelector, boolean exactMatch, boolean ignoreFailures, int timeoutSeconds, boolean reinvokeIfNeeded,
    String sideEffects, List<String> admissionReviewVersions, JsonObject clientConfig) {

  /** One {@code rules} entry. */
  record Rule(List<String> operations, List<String> apiGroups, List<String> apiVersions, List<String> resources,
      String scope) {

    static Rule of(JsonObject json) {
      return new Rule(strings(json.getJsonArray("operations")), strings(json.getJsonArray("apiGroups")),
          strings(json.getJsonArray("apiVersions")), strings(json.getJsonArray("resources")),
          json.getString("scope", "*"));
    }
  }

  /**
   * Every webhook of {@code configurations}, in the order kube calls them: configurations by name, webhooks in the
   * order each lists them.
   */
  static List<WebhookSpec> of(List<JsonObject> configurations) {
    List<JsonObject> sorted = new ArrayList<>(configurations);
    sorted.sort(Comparator.comparing(WebhookSpec::configurationName));
    List<WebhookSpec> hooks = new ArrayList<>();
    for (JsonObject configuration : sorted) {
      JsonArray webhooks = configuration.getJsonArray("webhooks", new JsonArray());
      for (int i = 0; i < webhooks.size(); i++) {
        hooks.add(of(configurationName(configuration), i, webhooks.getJsonObject(i)));
      }
    }
    return hooks;
  }

  static WebhookSpec of(String configurationName, int index, JsonObject json) {
    List<Rule> rules = new ArrayList<>();
    for (Object rule : json.getJsonArray("rules", new JsonArray())) {
      rules.add(Rule.of((JsonObject) rule));
    }
    JsonArray versions = json.getJsonArray("admissionReviewVersions");
    return new WebhookSpec(configurationName + "/" + index, configurationName, json.getString("name", ""), rules,
        json.getJsonObject("namespaceSelector"), json.getJsonObject("objectSelector"),
        "Exact".equals(json.getString("matchPolicy")), "Ignore".equals(json.getString("failurePolicy")),
        json.getInteger("timeoutSeconds", 10), "IfNeeded".equals(json.getString("reinvocationPolicy")),
        json.getString("sideEffects"), versions == null ? List.of("v1") : strings(versions),
        json.getJsonObject("clientConfig", new JsonObject()));
  }

  private static String configurationName(JsonObject configuration) {
    return configuration.getJsonObject("metadata", new JsonObject()).getString("name", "");
  }

  private static List<String> strings(JsonArray array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(value -> values.add(String.valueOf(value)));
    }
    return values;
  }

  /** Whether the webhook may be called for a dry run: only when it declares it has no side effects then. */
  boolean dryRunSafe() {
    return "None".equals(sideEffects) || "NoneOnDryRun".equals(sideEffects);
  }
}
