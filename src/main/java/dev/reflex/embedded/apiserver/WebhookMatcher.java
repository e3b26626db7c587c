package dev.reflex.embedded.apiserver;

import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvk;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Gvr;
import dev.reflex.embedded.apiserver.AdmissionAttributes.Operation;
import dev.reflex.labels.LabelSelector;
import dev.reflex.labels.LabelSelectorException;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether one webhook is called for one request, decided as kube's {@code ShouldCallHook} decides it: the
 * namespace selector, then the object selector, then the rules (then, under matchPolicy Equivalent, the rules
 * against the other versions of the same resource). A selector error or a missing namespace only counts when the
 * rules match, so a webhook that does not apply never fails a request.
 */
final class WebhookMatcher {

  private static final Set<String> EXEMPT_KINDS = Set.of("ValidatingWebhookConfiguration",
      "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
      "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding");

  private static final Gvr NAMESPACES = new Gvr("", "v1", "namespaces");

  /** The version a matched webhook sees the request in: the request's own, or an equivalent one. */
  record Invocation(WebhookSpec hook, Gvk kind, Gvr resource) {
  }

  private WebhookMatcher() {
  }

  /**
   * Webhooks never see writes of webhook configurations and admission policies, so that a broken webhook can
   * always be removed.
   */
  static boolean exempt(AdmissionAttributes attributes) {
    return "admissionregistration.k8s.io".equals(attributes.kind().group())
        && EXEMPT_KINDS.contains(attributes.kind().kind());
  }

  /**
   * The invocation of {@code hook} for this request, or empty when it does not apply.
   *
   * @param namespaces a namespace object by name, null when there is none
   * @throws ApiError 404 for a namespace that does not exist, 500 for a selector that does not parse, when the
   *     rules match
   */
  static Optional<Invocation> match(WebhookSpec hook, AdmissionAttributes attributes, JsonObject object,
      JsonObject oldObject, Function<String, JsonObject> namespaces, ResourceVersions versions) {
    ApiError deferred = null;
    try {
      if (!namespaceSelected(hook, attributes, object, namespaces)) {
        return Optional.empty();
      }
    } catch (ApiError e) {
      deferred = e;
    }
    try {
      if (!objectSelected(hook, object, oldObject)) {
        return Optional.empty();
      }
    } catch (ApiError e) {
      deferred = deferred == null ? e : deferred;
    }
    Optional<Invocation> invocation = byRules(hook, attributes, versions);
    if (invocation.isPresent() && deferred != null) {
      throw deferred;
    }
    return invocation;
  }

  private static Optional<Invocation> byRules(WebhookSpec hook, AdmissionAttributes attributes,
      ResourceVersions versions) {
    for (WebhookSpec.Rule rule : hook.rules()) {
      if (ruleMatches(rule, attributes.operation(), attributes.resource(), attributes.subresource(),
          attributes.namespace())) {
        return Optional.of(new Invocation(hook, attributes.kind(), attributes.resource()));
      }
    }
    if (hook.exactMatch()) {
      return Optional.empty();
    }
    // Earlier rules first, as kube: the first rule that any equivalent version satisfies decides the version.
    List<ResourceVersions.Equivalent> equivalents = versions.equivalents(attributes.resource(),
        attributes.subresource());
    for (WebhookSpec.Rule rule : hook.rules()) {
      for (ResourceVersions.Equivalent equivalent : equivalents) {
        if (equivalent.resource().equals(attributes.resource())) {
          continue;
        }
        if (ruleMatches(rule, attributes.operation(), equivalent.resource(), attributes.subresource(),
            attributes.namespace())) {
          return Optional.of(new Invocation(hook, equivalent.kind(), equivalent.resource()));
        }
      }
    }
    return Optional.empty();
  }

  /** One rule against one request: scope, operation, group, version and resource/subresource must all match. */
  static boolean ruleMatches(WebhookSpec.Rule rule, Operation operation, Gvr resource, String subresource,
      String namespace) {
    return scopeMatches(rule.scope(), resource, namespace)
        && (rule.operations().contains("*") || rule.operations().contains(operation.name()))
        && exactOrWildcard(rule.apiGroups(), resource.group())
        && exactOrWildcard(rule.apiVersions(), resource.version())
        && resourceMatches(rule.resources(), resource.resource(), subresource);
  }

  private static boolean scopeMatches(String scope, Gvr resource, String namespace) {
    boolean namespaceObject = resource.equals(NAMESPACES);
    return switch (scope) {
      case "*" -> true;
      // Namespace objects are cluster-scoped even though their requests carry a namespace (their own name).
      case "Namespaced" -> !namespaceObject && !namespace.isEmpty();
      case "Cluster" -> namespaceObject || namespace.isEmpty();
      default -> false;
    };
  }

  private static boolean exactOrWildcard(List<String> items, String requested) {
    return items.contains("*") || items.contains(requested);
  }

  /**
   * {@code pods} is the main resource only, {@code pods/status} one subresource, {@code pods/*} the pod and every
   * subresource (a wildcard subresource matches the empty one too, as in kube's matcher), {@code *} every main
   * resource, {@code *}{@code /status} that subresource of anything, {@code *}{@code /*} everything.
   */
  static boolean resourceMatches(List<String> resources, String resource, String subresource) {
    for (String entry : resources) {
      int slash = entry.indexOf('/');
      String res = slash < 0 ? entry : entry.substring(0, slash);
      String sub = slash < 0 ? "" : entry.substring(slash + 1);
      if ((res.equals("*") || res.equals(resource)) && (sub.equals("*") || sub.equals(subresource))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Cluster-scoped objects other than namespaces are never exempted by a namespace selector; a Namespace being
   * created or updated is matched on its own new labels; everything else on its namespace's stored labels.
   */
  private static boolean namespaceSelected(WebhookSpec hook, AdmissionAttributes attributes, JsonObject object,
      Function<String, JsonObject> namespaces) {
    if (attributes.namespace().isEmpty() && !"namespaces".equals(attributes.resource().resource())) {
      return true;
    }
    LabelSelector selector = selector(hook.namespaceSelector());
    if (selector.isEmpty()) {
      return true;
    }
    Map<String, String> labels;
    if ("namespaces".equals(attributes.resource().resource()) && attributes.subresource().isEmpty()
        && (attributes.operation() == Operation.CREATE || attributes.operation() == Operation.UPDATE)) {
      labels = labels(object);
    } else {
      JsonObject namespace = namespaces.apply(attributes.namespace());
      if (namespace == null) {
        throw ApiError.namespaceNotFound(attributes.namespace());
      }
      labels = labels(namespace);
    }
    return selector.matches(labels);
  }

  /** The object selector holds when either the new or the old object's labels satisfy it. */
  private static boolean objectSelected(WebhookSpec hook, JsonObject object, JsonObject oldObject) {
    LabelSelector selector = selector(hook.objectSelector());
    if (selector.isEmpty()) {
      return true;
    }
    return object != null && selector.matches(labels(object))
        || oldObject != null && selector.matches(labels(oldObject));
  }

  private static LabelSelector selector(JsonObject json) {
    try {
      return LabelSelector.fromLabelSelectorJson(json);
    } catch (LabelSelectorException e) {
      throw ApiError.internal(e.getMessage());
    }
  }

  static Map<String, String> labels(JsonObject object) {
    Map<String, String> labels = new HashMap<>();
    if (object == null) {
      return labels;
    }
    JsonObject json = object.getJsonObject("metadata", new JsonObject()).getJsonObject("labels", new JsonObject());
    json.forEach(entry -> labels.put(entry.getKey(), String.valueOf(entry.getValue())));
    return labels;
  }
}
