package dev.reflex.metrics.prometheus;

import dev.reflex.objects.ResourceNames;
import java.util.LinkedHashMap;
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
    String singular = ResourceNames.singular(resource);
    for (Map.Entry<String, GroupResource> e : overrides.entrySet()) {
      GroupResource gr = e.getValue();
      if (ResourceNames.singular(gr.resource()).equals(singular)
          && (gr.group().isEmpty() || gr.group().equals(group))) {
        return Optional.of(e.getKey());
      }
    }
    return template.map(t -> QueryTemplate.render(t, Map.of("Resource", singular, "Group", group),
        "resources.template"));
  }

  /**
   * The resource a series label names, the reverse of {@link #labelFor}: an override's resource, else the part of
   * the label the template puts the resource in ({@code kube_<<.Resource>>} reads {@code kube_ingress} as
   * {@code ingress}). A template as wide as {@code <<.Resource>>} reads every label as a resource; the caller
   * keeps those naming a kind it knows ({@link LabelledResource#explicit()} tells overrides apart).
   */
  public Optional<LabelledResource> resourceNamedBy(String label) {
    GroupResource override = overrides.get(label);
    if (override != null) {
      return Optional.of(new LabelledResource(override, true));
    }
    if (template.isEmpty() || label.startsWith("__")) {
      return Optional.empty();
    }
    String marker = "\u0001";
    String rendered = QueryTemplate.render(template.get(), Map.of("Resource", marker, "Group", ""),
        "resources.template");
    int at = rendered.indexOf(marker);
    if (at < 0) {
      return Optional.empty();
    }
    String prefix = rendered.substring(0, at);
    String suffix = rendered.substring(at + marker.length());
    if (label.length() <= prefix.length() + suffix.length() || !label.startsWith(prefix) || !label.endsWith(suffix)) {
      return Optional.empty();
    }
    String resource = label.substring(prefix.length(), label.length() - suffix.length());
    return Optional.of(new LabelledResource(new GroupResource("", resource), false));
  }

  /**
   * A resource a label names.
   *
   * @param explicit whether an override names it (else the template)
   */
  public record LabelledResource(GroupResource resource, boolean explicit) {
  }
}
