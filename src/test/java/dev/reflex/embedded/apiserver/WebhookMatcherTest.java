package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvk;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvr;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Operation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which webhooks apply to which requests: rules, scopes, selectors, match policies. */
class WebhookMatcherTest {

  private static WebhookSpec.Rule rule(String operations, String groups, String versions, String resources,
      String scope) {
    return new WebhookSpec.Rule(List.of(operations.split(" ")), List.of(groups.split(" ", -1)),
        List.of(versions.split(" ")), List.of(resources.split(" ")), scope);
  }

  @ParameterizedTest(name = "{0} {1}/{2} {3}/{4} ns={5} vs rule [{6}|{7}|{8}|{9}|{10}] -> {11}")
  @CsvSource(delimiter = '|', nullValues = "~", emptyValue = "", value = {
      // operation | group | version | resource | subresource | namespace
      //   || operations | groups | versions | resources | scope || matches
      "CREATE|''|v1|pods|''|default|CREATE|''|v1|pods|*|true",
      "UPDATE|''|v1|pods|''|default|CREATE|''|v1|pods|*|false",
      "UPDATE|''|v1|pods|''|default|*|''|v1|pods|*|true",
      "CONNECT|''|v1|pods|exec|default|CONNECT|''|v1|pods/exec|*|true",
      "CREATE|apps|v1|deployments|''|default|CREATE|''|v1|deployments|*|false",
      "CREATE|apps|v1|deployments|''|default|CREATE|*|*|deployments|*|true",
      "CREATE|apps|v1beta1|deployments|''|default|CREATE|apps|v1|deployments|*|false",
      // a plain resource is the main resource only; subresources need naming
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|pods|*|false",
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|pods/status|*|true",
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|pods/*|*|true",
      // as kube's matcher has it, a wildcard subresource also matches the main resource
      "UPDATE|''|v1|pods|''|default|UPDATE|''|v1|pods/*|*|true",
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|*|*|false",
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|*/status|*|true",
      "UPDATE|''|v1|pods|scale|default|UPDATE|''|v1|*/status|*|false",
      "UPDATE|''|v1|pods|status|default|UPDATE|''|v1|*/*|*|true",
      "UPDATE|''|v1|pods|''|default|UPDATE|''|v1|*/*|*|true",
      // scopes: a Namespace object is cluster-scoped although its namespace attribute is its own name
      "CREATE|''|v1|pods|''|default|CREATE|''|v1|*|Namespaced|true",
      "CREATE|''|v1|nodes|''|''|CREATE|''|v1|*|Namespaced|false",
      "CREATE|''|v1|nodes|''|''|CREATE|''|v1|*|Cluster|true",
      "CREATE|''|v1|pods|''|default|CREATE|''|v1|*|Cluster|false",
      "CREATE|''|v1|namespaces|''|team-a|CREATE|''|v1|*|Cluster|true",
      "CREATE|''|v1|namespaces|''|team-a|CREATE|''|v1|*|Namespaced|false",
  })
  void rulesMatchAsKubeMatchesThem(String operation, String group, String version, String resource,
      String subresource, String namespace, String operations, String groups, String versions, String resources,
      String scope, boolean matches) {
    assertEquals(matches, WebhookMatcher.ruleMatches(rule(operations, groups, versions, resources, scope),
        Operation.valueOf(operation), new Gvr(group, version, resource), subresource, namespace));
  }

  private static AdmissionAttributes attributes(Gvk kind, Gvr resource, String namespace, Operation operation) {
    return new AdmissionAttributes(kind, resource, "", "x", namespace, operation, UserInfo.ADMIN, false, null);
  }

  private static final AdmissionAttributes POD_CREATE = attributes(new Gvk("", "v1", "Pod"),
      new Gvr("", "v1", "pods"), "team-a", Operation.CREATE);

  private static JsonObject labelled(String key, String value) {
    return new JsonObject().put("metadata", new JsonObject().put("name", "x")
        .put("labels", new JsonObject().put(key, value)));
  }

  private static WebhookSpec hook(JsonObject extra) {
    JsonObject json = new JsonObject().put("name", "h.example.com")
        .put("rules", new JsonArray().add(new JsonObject().put("operations", new JsonArray().add("*"))
            .put("apiGroups", new JsonArray().add("*")).put("apiVersions", new JsonArray().add("*"))
            .put("resources", new JsonArray().add("*"))));
    return WebhookSpec.of("config", 0, json.mergeIn(extra));
  }

  private static JsonObject selector(String key, String value) {
    return new JsonObject().put("matchLabels", new JsonObject().put(key, value));
  }

  private static final Function<String, JsonObject> NAMESPACES = name -> "team-a".equals(name)
      ? labelled("env", "prod") : null;

  private static boolean matches(WebhookSpec hook, AdmissionAttributes attributes, JsonObject object,
      JsonObject oldObject) {
    return WebhookMatcher.match(hook, attributes, object, oldObject, NAMESPACES, ResourceVersions.NONE).isPresent();
  }

  @Test
  void theNamespaceSelectorReadsTheNamespacesLabelsOrANewNamespacesOwn() {
    WebhookSpec prod = hook(new JsonObject().put("namespaceSelector", selector("env", "prod")));
    WebhookSpec dev = hook(new JsonObject().put("namespaceSelector", selector("env", "dev")));
    AdmissionAttributes node = attributes(new Gvk("", "v1", "Node"), new Gvr("", "v1", "nodes"), "",
        Operation.CREATE);
    AdmissionAttributes namespaceCreate = attributes(new Gvk("", "v1", "Namespace"),
        new Gvr("", "v1", "namespaces"), "team-b", Operation.CREATE);
    assertEquals(List.of(true, false, true, true, false), List.of(
        matches(prod, POD_CREATE, labelled("app", "web"), null),
        matches(dev, POD_CREATE, labelled("app", "web"), null),
        // cluster-scoped objects other than namespaces are never exempted by a namespace selector
        matches(dev, node, labelled("app", "web"), null),
        matches(dev, namespaceCreate, labelled("env", "dev"), null),
        matches(prod, namespaceCreate, labelled("env", "dev"), null)));
  }

  @Test
  void aMissingNamespaceFailsOnlyAWebhookWhoseRulesMatch() {
    AdmissionAttributes elsewhere = attributes(new Gvk("", "v1", "Pod"), new Gvr("", "v1", "pods"), "gone",
        Operation.CREATE);
    WebhookSpec selective = hook(new JsonObject().put("namespaceSelector", selector("env", "prod")));
    ApiError error = assertThrows(ApiError.class, () -> matches(selective, elsewhere, labelled("a", "b"), null));
    assertEquals(404, error.code());
    assertEquals("namespaces \"gone\" not found", error.getMessage());
    WebhookSpec otherRules = hook(new JsonObject().put("namespaceSelector", selector("env", "prod"))
        .put("rules", new JsonArray().add(new JsonObject().put("operations", new JsonArray().add("DELETE"))
            .put("apiGroups", new JsonArray().add("")).put("apiVersions", new JsonArray().add("v1"))
            .put("resources", new JsonArray().add("pods")))));
    assertEquals(false, matches(otherRules, elsewhere, labelled("a", "b"), null));
  }

  @Test
  void theObjectSelectorHoldsForTheNewOrTheOldObject() {
    WebhookSpec web = hook(new JsonObject().put("objectSelector", selector("app", "web")));
    AdmissionAttributes delete = attributes(new Gvk("", "v1", "Pod"), new Gvr("", "v1", "pods"), "team-a",
        Operation.DELETE);
    assertEquals(List.of(true, false, true, true, false), List.of(
        matches(web, POD_CREATE, labelled("app", "web"), null),
        matches(web, POD_CREATE, labelled("app", "db"), null),
        matches(web, delete, null, labelled("app", "web")),
        matches(web, POD_CREATE, labelled("app", "db"), labelled("app", "web")),
        matches(web, delete, null, null)));
  }

  @Test
  void webhookConfigurationsAreNeverSentToWebhooks() {
    assertEquals(List.of(true, true, false), List.of(
        WebhookMatcher.exempt(attributes(new Gvk("admissionregistration.k8s.io", "v1",
            "MutatingWebhookConfiguration"), new Gvr("admissionregistration.k8s.io", "v1",
            "mutatingwebhookconfigurations"), "", Operation.CREATE)),
        WebhookMatcher.exempt(attributes(new Gvk("admissionregistration.k8s.io", "v1",
            "ValidatingAdmissionPolicyBinding"), new Gvr("admissionregistration.k8s.io", "v1",
            "validatingadmissionpolicybindings"), "", Operation.DELETE)),
        WebhookMatcher.exempt(POD_CREATE)));
  }

  @Test
  void equivalentMatchingCallsAWebhookInTheVersionItRegisteredFor() {
    Gvr v1 = new Gvr("autoscaling", "v1", "horizontalpodautoscalers");
    Gvr v2 = new Gvr("autoscaling", "v2", "horizontalpodautoscalers");
    Gvk v2Kind = new Gvk("autoscaling", "v2", "HorizontalPodAutoscaler");
    ResourceVersions versions = new ResourceVersions() {
      @Override
      public List<Equivalent> equivalents(Gvr resource, String subresource) {
        return List.of(new Equivalent(v1, new Gvk("autoscaling", "v1", "HorizontalPodAutoscaler")),
            new Equivalent(v2, v2Kind));
      }

      @Override
      public JsonObject convert(JsonObject object, String apiVersion) {
        return object;
      }
    };
    JsonObject v2Rules = new JsonObject().put("rules", new JsonArray().add(new JsonObject()
        .put("operations", new JsonArray().add("CREATE")).put("apiGroups", new JsonArray().add("autoscaling"))
        .put("apiVersions", new JsonArray().add("v2"))
        .put("resources", new JsonArray().add("horizontalpodautoscalers"))));
    AdmissionAttributes viaV1 = attributes(new Gvk("autoscaling", "v1", "HorizontalPodAutoscaler"), v1, "team-a",
        Operation.CREATE);
    Optional<WebhookMatcher.Invocation> equivalent = WebhookMatcher.match(hook(v2Rules.copy()), viaV1,
        labelled("a", "b"), null, NAMESPACES, versions);
    assertEquals(Optional.of(v2Kind), equivalent.map(WebhookMatcher.Invocation::kind));
    assertEquals(Optional.of(v2), equivalent.map(WebhookMatcher.Invocation::resource));
    assertEquals(Optional.empty(), WebhookMatcher.match(hook(v2Rules.copy().put("matchPolicy", "Exact")), viaV1,
        labelled("a", "b"), null, NAMESPACES, versions));
  }

  @Test
  void configurationsRunByNameAndTheirWebhooksAsListed() {
    JsonObject b = new JsonObject().put("metadata", new JsonObject().put("name", "b"))
        .put("webhooks", new JsonArray().add(new JsonObject().put("name", "b1")).add(new JsonObject()
            .put("name", "b2")));
    JsonObject a = new JsonObject().put("metadata", new JsonObject().put("name", "a"))
        .put("webhooks", new JsonArray().add(new JsonObject().put("name", "a1")));
    List<WebhookSpec> hooks = WebhookSpec.of(List.of(b, a));
    assertEquals(List.of("a/0 a1", "b/0 b1", "b/1 b2"), hooks.stream().map(h -> h.id() + " " + h.name()).toList());
    WebhookSpec defaults = hooks.get(0);
    assertEquals(List.of(false, false, 10, false, List.of("v1")), List.of(defaults.ignoreFailures(),
        defaults.exactMatch(), defaults.timeoutSeconds(), defaults.reinvokeIfNeeded(),
        defaults.admissionReviewVersions()));
  }
}
