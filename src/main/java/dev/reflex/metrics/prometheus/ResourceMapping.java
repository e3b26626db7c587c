package dev.reflex.metrics.prometheus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a rule's series labels name Kubernetes objects ({@code resources:} in prometheus-adapter): explicit
 * {@code overrides} (label to resource) and a {@code template} that turns a resource into a label name, e.g.
 * {@code <<.Resource>>} maps resource {@code ingress} to label {@code ingress} and {@code kube_<<.Resource>>} to
 * {@code kube_ingress}.
 *
 * @param template the label template, if any
 * @param overrides label name to resource, in file order
 * @param namespaced for external rules: false means the namespace of a query is not used as a matcher
 */
public record ResourceMapping(Optional<String> template, Map<String, GroupResource> overrides,
    Optional<Boolean> namespaced) {

  /** No template, no overrides. */
  public static final ResourceMapping NONE = new ResourceMapping(Optional.empty(), Map.of(), Optional.empty());

  public ResourceMapping {
    overrides = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /**
   * The label that carries the name of objects of {@code resource} (lower-case kind or resource, singular or
   * plural): an override naming that resource wins, then the template rendered with the singular name.
   *
   * @return empty when the rule has neither
   */
  public Optional<String> labelFor(String group, String resource) {
    String singular = singular(resource);
    for (Map.Entry<String, GroupResource> e : overrides.entrySet()) {
      GroupResource gr = e.getValue();
      if (singular(gr.resource()).equals(singular) && (gr.group().isEmpty() || gr.group().equals(group))) {
        return Optional.of(e.getKey());
      }
    }
    return template.map(t -> QueryTemplate.render(t, Map.of("Resource", singular, "Group", group),
        "resources.template"));
  }

  /**
   * A rough singular form: the lower-cased kind is already singular ({@code Ingress} to {@code ingress}); plural
   * resource names lose their suffix ({@code ingresses} to {@code ingress}, {@code policies} to {@code policy},
   * {@code pods} to {@code pod}).
   */
  static String singular(String resource) {
    String r = resource.toLowerCase(Locale.ROOT);
    if (r.endsWith("sses") || r.endsWith("xes") || r.endsWith("ches") || r.endsWith("shes")) {
      return r.substring(0, r.length() - 2);
    }
    if (r.endsWith("ies")) {
      return r.substring(0, r.length() - 3) + "y";
    }
    if (r.endsWith("s") && !r.endsWith("ss") && !r.equals("status")) {
      return r.substring(0, r.length() - 1);
    }
    return r;
  }
}
