package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an authorizer is asked about one request, as kube-apiserver's {@code authorizer.Attributes}: the user, the
 * kube verb (list, watch, get, create, update, patch, delete, deletecollection; the lower-case HTTP method for a
 * path that names no resource), and the resource coordinates or the non-resource path. Absent parts are "".
 */
public record RequestAttributes(UserInfo user, String verb, String apiGroup, String apiVersion, String resource,
    String subresource, String namespace, String name, boolean resourceRequest, String path) {

  /** Under /api/v1/namespaces/{ns}, these name a subresource of the namespace rather than a resource inside it. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  public RequestAttributes {
    verb = orEmpty(verb);
    apiGroup = orEmpty(apiGroup);
    apiVersion = orEmpty(apiVersion);
    resource = orEmpty(resource);
    subresource = orEmpty(subresource);
    namespace = orEmpty(namespace);
    name = orEmpty(name);
    path = orEmpty(path);
  }

  public static RequestAttributes resource(UserInfo user, String verb, String apiGroup, String apiVersion,
      String resource, String subresource, String namespace, String name) {
    return new RequestAttributes(user, verb, apiGroup, apiVersion, resource, subresource, namespace, name, true, "");
  }

  public static RequestAttributes nonResource(UserInfo user, String verb, String path) {
    return new RequestAttributes(user, verb, "", "", "", "", "", "", false, path);
  }

  /**
   * The attributes of a request as the router sees it. {@code pathOrNull} is the router's reading; the attributes
   * are read again from {@code rawPath} because kube's reading differs from the router's in corners that matter to
   * authorization: {@code namespaces/{ns}} names the namespace too, {@code namespaces/{ns}/status} is the namespace's
   * status, and {@code /api/v1/watch/...} is a watch.
   */
  public static RequestAttributes of(UserInfo user, String httpMethod, RequestPath pathOrNull, String rawPath,
      Map<String, String> query) {
    return of(user, httpMethod, rawPath, query);
  }

  /** Reads a request as kube's RequestInfoFactory does; {@code rawPath} may carry a query, which is ignored. */
  public static RequestAttributes of(UserInfo user, String httpMethod, String rawPath, Map<String, String> query) {
    String path = rawPath;
    int q = path.indexOf('?');
    if (q >= 0) {
      path = path.substring(0, q);
    }
    String method = httpMethod.toUpperCase(Locale.ROOT);
    RequestAttributes nonResource = nonResource(user, method.toLowerCase(Locale.ROOT), path);
    List<String> parts = segments(path);
    // A resource request needs a prefix, a group/version and a resource at least.
    if (parts.size() < 3 || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
      return nonResource;
    }
    String group = "";
    int i = 1;
    if (parts.get(0).equals("apis")) {
      if (parts.size() < 4) {
        return nonResource;
      }
      group = parts.get(i++);
    }
    String version = parts.get(i++);
    String verb;
    if (parts.get(i).equals("watch") || parts.get(i).equals("proxy")) {
      // The old /watch/ and /proxy/ prefixes carry the verb in the path.
      verb = parts.get(i++);
      if (i >= parts.size()) {
        return nonResource;
      }
    } else {
      verb = switch (method) {
        case "GET", "HEAD" -> "get";
        case "POST" -> "create";
        case "PUT" -> "update";
        case "PATCH" -> "patch";
        case "DELETE" -> "delete";
        default -> "";
      };
    }
    List<String> rest = parts.subList(i, parts.size());
    String namespace = "";
    if (rest.get(0).equals("namespaces")) {
      if (rest.size() > 1) {
        namespace = rest.get(1);
        if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
          rest = rest.subList(2, rest.size());
        }
      }
    }
    String resource = rest.get(0);
    String name = rest.size() >= 2 ? rest.get(1) : "";
    String subresource = rest.size() >= 3 && !verb.equals("proxy") ? rest.get(2) : "";
    if (name.isEmpty() && verb.equals("get")) {
      verb = watchRequested(query) ? "watch" : "list";
      name = nameFromFieldSelector(query.get("fieldSelector"));
    }
    if (name.isEmpty() && verb.equals("delete")) {
      verb = "deletecollection";
    }
    return resource(user, verb, group, version, resource, subresource, namespace, name);
  }

  /** As kube's query conversion of a bool: present and not 0, f or false (any case) means true. */
  private static boolean watchRequested(Map<String, String> query) {
    String value = query.get("watch");
    if (value == null) {
      return false;
    }
    return !(value.equals("0") || value.equalsIgnoreCase("f") || value.equalsIgnoreCase("false"));
  }

  /**
   * A list or watch whose field selector pins {@code metadata.name} is authorized as a request for that name, so a
   * rule with resourceNames can allow {@code kubectl get pod x --watch}.
   */
  private static String nameFromFieldSelector(String selector) {
    if (selector == null || selector.isEmpty()) {
      return "";
    }
    for (String term : selector.split(",")) {
      String value = null;
      if (term.startsWith("metadata.name==")) {
        value = term.substring("metadata.name==".length());
      } else if (term.startsWith("metadata.name=")) {
        value = term.substring("metadata.name=".length());
      }
      if (value != null) {
        boolean validSegment = !value.equals(".") && !value.equals("..") && !value.contains("/")
            && !value.contains("%");
        return validSegment ? value : "";
      }
    }
    return "";
  }

  private static List<String> segments(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(trimmed.split("/", -1)));
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
