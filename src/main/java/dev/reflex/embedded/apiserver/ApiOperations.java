package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTTP operations kube-apiserver documents for one resource, independent of the OpenAPI version they are
 * written in: the collection and item paths (namespaced and, for lists, across namespaces), the status and scale
 * subresources, with the query parameters each verb takes. {@link OpenApiDocuments} renders them as v3,
 * {@link OpenApiV2} as Swagger 2.0.
 */
final class ApiOperations {

  static final String DELETE_OPTIONS = KubeModelNames.META + "DeleteOptions";
  static final String STATUS = KubeModelNames.META + "Status";
  static final String PATCH = KubeModelNames.META + "Patch";
  static final String SCALE = "io.k8s.api.autoscaling.v1.Scale";

  static final List<String> BUILT_IN_PATCH_TYPES = List.of("application/apply-patch+yaml",
      "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json");
  /** Custom resources take no strategic merge patch: they have no Go struct to read patch strategies from. */
  static final List<String> CUSTOM_PATCH_TYPES = List.of("application/apply-patch+yaml",
      "application/json-patch+json", "application/merge-patch+json");

  /** A query or path parameter; {@code type} is {@code string}, {@code integer} or {@code boolean}. */
  record Parameter(String name, String in, String type, boolean required, String description) {
  }

  /** A request body: the schema it is read as and the media types accepted. */
  record Body(String schema, List<String> mediaTypes, boolean required) {
  }

  /**
   * One operation.
   *
   * @param responses status code to the component name of the body, null for a response without one
   */
  record Operation(String method, String action, String operationId, String description, String gvkGroup,
      String gvkVersion, String gvkKind, List<Parameter> parameters, Body body, Map<String, String> responses) {
  }

  /** The operations of one path and the parameters they all share. */
  record PathItem(List<Parameter> parameters, List<Operation> operations) {
  }

  private static final Parameter PRETTY = query("pretty", "string",
      "If 'true', the output is pretty printed.");
  private static final Parameter DRY_RUN = query("dryRun", "string",
      "When present, the request is validated and processed but nothing is persisted. 'All' is the only value.");
  private static final Parameter FIELD_MANAGER = query("fieldManager", "string",
      "The name of the actor making the change, recorded in managedFields.");
  private static final Parameter FIELD_VALIDATION = query("fieldValidation", "string",
      "How unknown or duplicate fields in the request are handled: Ignore, Warn (the default) or Strict.");
  private static final Parameter FORCE = query("force", "boolean",
      "Apply requests only: take over the fields other managers own instead of failing with a conflict.");
  private static final Parameter GRACE_PERIOD = query("gracePeriodSeconds", "integer",
      "Seconds to wait before the object is deleted; zero deletes at once.");
  private static final Parameter IGNORE_STORE_READ_ERROR = query(
      "ignoreStoreReadErrorWithClusterBreakingPotential", "boolean",
      "Deletes an object that cannot be read from storage. Unsafe; off by default.");
  private static final Parameter ORPHAN = query("orphanDependents", "boolean",
      "Deprecated, use propagationPolicy: whether dependents are orphaned.");
  private static final Parameter PROPAGATION = query("propagationPolicy", "string",
      "How dependents are garbage collected: Orphan, Background or Foreground.");
  private static final Parameter ALLOW_BOOKMARKS = query("allowWatchBookmarks", "boolean",
      "Watch only: ask for BOOKMARK events.");
  private static final Parameter CONTINUE = query("continue", "string",
      "The continue token of the previous page of a paginated list.");
  private static final Parameter FIELD_SELECTOR = query("fieldSelector", "string",
      "Restricts the list to objects whose fields match.");
  private static final Parameter LABEL_SELECTOR = query("labelSelector", "string",
      "Restricts the list to objects whose labels match.");
  private static final Parameter LIMIT = query("limit", "integer", "The most items to return in one page.");
  private static final Parameter RESOURCE_VERSION = query("resourceVersion", "string",
      "The resource version the list or watch starts from.");
  private static final Parameter RESOURCE_VERSION_MATCH = query("resourceVersionMatch", "string",
      "How resourceVersion is compared: Exact or NotOlderThan.");
  private static final Parameter SEND_INITIAL_EVENTS = query("sendInitialEvents", "boolean",
      "Watch only: begin with synthetic ADDED events for the current state.");
  private static final Parameter TIMEOUT = query("timeoutSeconds", "integer",
      "How long the list or watch call may last.");
  private static final Parameter WATCH = query("watch", "boolean", "Watch for changes instead of listing.");
  private static final List<Parameter> LIST = List.of(ALLOW_BOOKMARKS, CONTINUE, FIELD_SELECTOR, LABEL_SELECTOR,
      LIMIT, RESOURCE_VERSION, RESOURCE_VERSION_MATCH, SEND_INITIAL_EVENTS, TIMEOUT, WATCH);
  private static final List<Parameter> DELETE_COLLECTION = List.of(CONTINUE, DRY_RUN, FIELD_SELECTOR, GRACE_PERIOD,
      IGNORE_STORE_READ_ERROR, LABEL_SELECTOR, LIMIT, ORPHAN, PROPAGATION, RESOURCE_VERSION, RESOURCE_VERSION_MATCH,
      SEND_INITIAL_EVENTS, TIMEOUT);

  private ApiOperations() {
  }

  /**
   * The paths of one resource, by path.
   *
   * @param kindSchema the component name of the resource's kind
   * @param listSchema the component name of its list kind
   */
  static Map<String, PathItem> pathsOf(ResourceType type, String kindSchema, String listSchema) {
    Map<String, PathItem> paths = new LinkedHashMap<>();
    String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
    String scope = type.namespaced() ? prefix + "/namespaces/{namespace}" : prefix;
    String idBase = friendlyName(type.group()) + capitalize(type.version());
    String scoped = (type.namespaced() ? "Namespaced" : "") + type.kind();
    Parameter name = new Parameter("name", "path", "string", true, "name of the " + type.kind());
    Parameter namespace = new Parameter("namespace", "path", "string", true,
        "object name and auth scope, such as for teams and projects");
    List<Parameter> collectionParameters = type.namespaced() ? List.of(namespace, PRETTY) : List.of(PRETTY);
    List<Parameter> itemParameters = type.namespaced() ? List.of(name, namespace, PRETTY) : List.of(name, PRETTY);
    boolean builtIn = type.builtIn();
    List<String> patchTypes = builtIn ? BUILT_IN_PATCH_TYPES : CUSTOM_PATCH_TYPES;
    Gvk gvk = new Gvk(type.group(), type.version(), type.kind());

    List<Operation> collection = new ArrayList<>();
    if (type.verbs().contains("list")) {
      collection.add(op("get", "list", "list" + idBase + scoped, "list or watch objects of kind " + type.kind(),
          gvk, LIST, null, Map.of("200", listSchema)));
    }
    if (type.verbs().contains("create")) {
      collection.add(op("post", "post", "create" + idBase + scoped, "create a " + type.kind(), gvk,
          List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION), new Body(kindSchema, List.of("*/*"), true),
          created(kindSchema, true)));
    }
    if (type.verbs().contains("deletecollection")) {
      collection.add(op("delete", "deletecollection", "delete" + idBase + "Collection" + scoped,
          "delete collection of " + type.kind(), gvk, DELETE_COLLECTION,
          new Body(DELETE_OPTIONS, List.of("*/*"), false), Map.of("200", STATUS)));
    }
    if (!collection.isEmpty()) {
      paths.put(scope + "/" + type.plural(), new PathItem(collectionParameters, collection));
    }
    if (type.namespaced() && type.verbs().contains("list")) {
      paths.put(prefix + "/" + type.plural(), new PathItem(List.of(PRETTY), List.of(op("get", "list",
          "list" + idBase + type.kind() + "ForAllNamespaces", "list or watch objects of kind " + type.kind(),
          gvk, LIST, null, Map.of("200", listSchema)))));
    }

    List<Operation> item = new ArrayList<>();
    if (type.verbs().contains("get")) {
      item.add(op("get", "get", "read" + idBase + scoped, "read the specified " + type.kind(), gvk, List.of(),
          null, Map.of("200", kindSchema)));
    }
    if (type.verbs().contains("update")) {
      item.add(op("put", "put", "replace" + idBase + scoped, "replace the specified " + type.kind(), gvk,
          List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION), new Body(kindSchema, List.of("*/*"), true),
          created(kindSchema, false)));
    }
    if (type.verbs().contains("delete")) {
      item.add(op("delete", "delete", "delete" + idBase + scoped, "delete a " + type.kind(), gvk,
          List.of(DRY_RUN, GRACE_PERIOD, IGNORE_STORE_READ_ERROR, ORPHAN, PROPAGATION),
          new Body(DELETE_OPTIONS, List.of("*/*"), false), Map.of("200", STATUS, "202", STATUS)));
    }
    if (type.verbs().contains("patch")) {
      item.add(patch("patch" + idBase + scoped, "partially update the specified " + type.kind(), gvk, kindSchema,
          patchTypes));
    }
    if (!item.isEmpty()) {
      paths.put(scope + "/" + type.plural() + "/{name}", new PathItem(itemParameters, item));
    }

    if (type.statusSubresource()) {
      paths.put(scope + "/" + type.plural() + "/{name}/status", new PathItem(itemParameters,
          subresource(idBase + scoped + "Status", "status of the specified " + type.kind(), gvk, kindSchema,
              patchTypes)));
    }
    if (type.hasScale()) {
      paths.put(scope + "/" + type.plural() + "/{name}/scale", new PathItem(itemParameters,
          subresource(idBase + scoped + "Scale", "scale of the specified " + type.kind(),
              new Gvk("autoscaling", "v1", "Scale"), SCALE, patchTypes)));
    }
    return paths;
  }

  /** {@code Core}, {@code Apps}, {@code RbacAuthorization}, {@code AutoscalingKapacitystackIo}: as in operation ids. */
  static String friendlyName(String group) {
    if (group.isEmpty()) {
      return "Core";
    }
    String trimmed = group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
    StringBuilder name = new StringBuilder();
    for (String part : trimmed.split("[.-]")) {
      name.append(capitalize(part));
    }
    return name.toString();
  }

  /** {@code core_v1}, {@code apps_v1}, {@code rbacAuthorization_v1}: the tag operations are grouped under. */
  static String tag(String group, String version) {
    String friendly = friendlyName(group);
    return Character.toLowerCase(friendly.charAt(0)) + friendly.substring(1) + "_" + version;
  }

  private record Gvk(String group, String version, String kind) {
  }

  private static List<Operation> subresource(String idSuffix, String what, Gvk gvk, String schema,
      List<String> patchTypes) {
    return List.of(
        op("get", "get", "read" + idSuffix, "read " + what, gvk, List.of(), null, Map.of("200", schema)),
        op("put", "put", "replace" + idSuffix, "replace " + what, gvk,
            List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION), new Body(schema, List.of("*/*"), true),
            created(schema, false)),
        patch("patch" + idSuffix, "partially update " + what, gvk, schema, patchTypes));
  }

  private static Operation patch(String operationId, String description, Gvk gvk, String schema,
      List<String> patchTypes) {
    // kubectl decides whether the server validates fields from this list: fieldValidation must be on every PATCH.
    return op("patch", "patch", operationId, description, gvk,
        List.of(DRY_RUN, FIELD_MANAGER, FIELD_VALIDATION, FORCE), new Body(PATCH, patchTypes, true),
        created(schema, false));
  }

  private static Map<String, String> created(String schema, boolean accepted) {
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put("200", schema);
    responses.put("201", schema);
    if (accepted) {
      responses.put("202", schema);
    }
    return responses;
  }

  private static Operation op(String method, String action, String operationId, String description, Gvk gvk,
      List<Parameter> parameters, Body body, Map<String, String> responses) {
    Map<String, String> withUnauthorized = new LinkedHashMap<>(new TreeMap<>(responses));
    withUnauthorized.put("401", null);
    return new Operation(method, action, operationId, description, gvk.group(), gvk.version(), gvk.kind(),
        parameters, body, withUnauthorized);
  }

  private static Parameter query(String name, String type, String description) {
    return new Parameter(name, "query", type, false, description);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
