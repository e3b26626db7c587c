package dev.reflex.embedded.apiserver;

import java.util.Optional;

/**
 * A resource request's path taken apart: {@code /api/v1/namespaces/default/pods/web-0/status} is group "",
 * version v1, namespace default, resource pods, name web-0, subresource status. Paths that name no resource
 * (discovery, OpenAPI, {@code /version}) do not parse.
 */
public record RequestPath(String group, String version, String namespace, String resource, String name,
    String subresource) {

  /** Parses {@code /api/v1/...} and {@code /apis/{group}/{version}/...}; empty when the path names no resource. */
  public static Optional<RequestPath> parse(String path) {
    String[] parts = path.split("/", -1);
    // parts[0] is "" because the path starts with '/'.
    int i;
    String group;
    if (parts.length >= 4 && "api".equals(parts[1])) {
      group = "";
      i = 2;
    } else if (parts.length >= 5 && "apis".equals(parts[1])) {
      group = parts[2];
      i = 3;
    } else {
      return Optional.empty();
    }
    String version = parts[i++];
    String namespace = null;
    int remaining = parts.length - i;
    // "namespaces/{ns}/{resource}..." names a namespaced resource; "namespaces" or "namespaces/{ns}" the namespaces.
    if (remaining >= 3 && "namespaces".equals(parts[i])) {
      namespace = parts[i + 1];
      i += 2;
      remaining -= 2;
    }
    if (remaining < 1 || remaining > 3 || parts[i].isEmpty()) {
      return Optional.empty();
    }
    String resource = parts[i];
    String name = remaining >= 2 ? parts[i + 1] : null;
    String subresource = remaining == 3 ? parts[i + 2] : null;
    if ((name != null && name.isEmpty()) || (subresource != null && subresource.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new RequestPath(group, version, namespace, resource, name, subresource));
  }

  public String groupVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
