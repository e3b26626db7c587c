package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;

/**
 * What admission webhooks are told about one request besides the objects: kube's {@code admission.Attributes}.
 *
 * @param kind the kind of the request's object, in the request's version
 * @param resource the resource the request names, in the request's version
 * @param subresource {@code status}, {@code scale}, ... or empty
 * @param name the object's name (empty on a create with {@code generateName})
 * @param namespace the request's namespace; for the namespaces resource itself, the namespace's own name (kube's
 *     request info sets it so, and scope matching depends on it)
 * @param options the operation's options object ({@code CreateOptions}, {@code UpdateOptions}, {@code
 *     DeleteOptions}, meta.k8s.io/v1), or null; see {@link #options(Operation, boolean, String)}
 */
public record AdmissionAttributes(Gvk kind, Gvr resource, String subresource, String name, String namespace,
    Operation operation, UserInfo user, boolean dryRun, JsonObject options) {

  /** A group, version and kind, as AdmissionRequest's {@code kind} and {@code requestKind} carry it. */
  public record Gvk(String group, String version, String kind) {

    public JsonObject toJson() {
      return new JsonObject().put("group", group).put("version", version).put("kind", kind);
    }

    public String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }
  }

  /** A group, version and resource, as AdmissionRequest's {@code resource} and {@code requestResource} carry it. */
  public record Gvr(String group, String version, String resource) {

    public JsonObject toJson() {
      return new JsonObject().put("group", group).put("version", version).put("resource", resource);
    }
  }

  /** The operations webhook rules name (CONNECT: exec, attach, port-forward, proxy). */
  public enum Operation {
    CREATE, UPDATE, DELETE, CONNECT;

    static Operation of(Admission.Operation operation) {
      return valueOf(operation.name());
    }
  }

  public AdmissionAttributes {
    subresource = subresource == null ? "" : subresource;
    name = name == null ? "" : name;
    namespace = namespace == null ? "" : namespace;
    user = user == null ? UserInfo.ADMIN : user;
  }

  /** The attributes of a write to {@code type} (its request version); {@code namespace} as the record says. */
  public static AdmissionAttributes of(ResourceType type, String subresource, String namespace, String name,
      Operation operation, UserInfo user, boolean dryRun, String fieldManager) {
    String ns = namespace;
    if (type.group().isEmpty() && "namespaces".equals(type.plural())) {
      ns = name;
    }
    return new AdmissionAttributes(new Gvk(type.group(), type.version(), type.kind()),
        new Gvr(type.group(), type.version(), type.plural()), subresource, name, ns, operation, user, dryRun,
        options(operation, dryRun, fieldManager));
  }

  /** The options object kube puts in {@code request.options}: empty members left out, as Go writes them. */
  public static JsonObject options(Operation operation, boolean dryRun, String fieldManager) {
    String kind = switch (operation) {
      case CREATE -> "CreateOptions";
      case UPDATE -> "UpdateOptions";
      case DELETE -> "DeleteOptions";
      case CONNECT -> null;
    };
    if (kind == null) {
      return null;
    }
    JsonObject options = new JsonObject().put("kind", kind).put("apiVersion", "meta.k8s.io/v1");
    if (dryRun) {
      options.put("dryRun", new io.vertx.core.json.JsonArray().add("All"));
    }
    if (fieldManager != null && !fieldManager.isEmpty() && operation != Operation.DELETE) {
      options.put("fieldManager", fieldManager);
    }
    return options;
  }
}
