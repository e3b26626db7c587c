package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A request the server refuses, carried to the HTTP layer as a {@code Status} object worded as kube-apiserver
 * words it: code, reason, message and details (name, group, kind, causes). Every refusal the server makes is one of
 * these; anything else thrown while serving becomes a 500 {@link #internal}.
 */
public final class ApiError extends RuntimeException {

  private final int code;
  private final String reason;
  private final JsonObject details;

  public ApiError(int code, String reason, String message, JsonObject details) {
    super(message, null, false, false);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** The Status object of this error. */
  public JsonObject status() {
    JsonObject status = new JsonObject().put("kind", "Status").put("apiVersion", "v1").put("metadata", new JsonObject())
        .put("status", "Failure").put("message", getMessage());
    if (reason != null && !reason.isEmpty()) {
      status.put("reason", reason);
    }
    if (details != null && !details.isEmpty()) {
      status.put("details", details);
    }
    return status.put("code", code);
  }

  private static JsonObject details(ResourceType type, String name) {
    JsonObject details = new JsonObject();
    if (name != null && !name.isEmpty()) {
      details.put("name", name);
    }
    if (type != null) {
      if (!type.group().isEmpty()) {
        details.put("group", type.group());
      }
      details.put("kind", type.plural());
    }
    return details;
  }

  /** An error whose Status another piece (server-side apply) has already worded. */
  public static ApiError fromStatus(JsonObject status) {
    return new ApiError(status.getInteger("code", 500), status.getString("reason", ""),
        status.getString("message", ""), status.getJsonObject("details"));
  }

  /** A patch that could not be applied, with the status the patch code chose. */
  public static ApiError of(PatchException e) {
    JsonObject status = e.status();
    return new ApiError(e.code(), status.getString("reason", ""), status.getString("message", e.getMessage()),
        status.getJsonObject("details"));
  }

  public static ApiError notFound(ResourceType type, String name) {
    return new ApiError(404, "NotFound", type.qualifiedResource() + " \"" + name + "\" not found",
        details(type, name));
  }

  public static ApiError namespaceNotFound(String namespace) {
    return new ApiError(404, "NotFound", "namespaces \"" + namespace + "\" not found",
        new JsonObject().put("name", namespace).put("kind", "namespaces"));
  }

  public static ApiError pathNotFound() {
    return new ApiError(404, "NotFound", "the server could not find the requested resource", new JsonObject());
  }

  public static ApiError alreadyExists(ResourceType type, String name) {
    return new ApiError(409, "AlreadyExists", type.qualifiedResource() + " \"" + name + "\" already exists",
        details(type, name));
  }

  public static ApiError conflict(ResourceType type, String name, String why) {
    return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedResource() + " \""
        + name + "\": " + why, details(type, name));
  }

  /** A delete whose preconditions do not hold: kube names the Kind here, not the resource. */
  public static ApiError preconditionFailed(ResourceType type, String name, String why) {
    JsonObject details = new JsonObject().put("name", name);
    if (!type.group().isEmpty()) {
      details.put("group", type.group());
    }
    details.put("kind", type.kind());
    return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + type.kind() + " \"" + name + "\": "
        + why, details);
  }

  /** The optimistic-concurrency conflict of an update carrying an old resourceVersion. */
  public static ApiError modified(ResourceType type, String name) {
    return conflict(type, name, "the object has been modified; please apply your changes to the latest version "
        + "and try again");
  }

  /** 422 Invalid with one cause per field error; the message names each distinct error once, as kube's does. */
  public static ApiError invalid(String qualifiedKind, String name, List<FieldError> errors) {
    JsonArray causes = new JsonArray();
    errors.forEach(e -> causes.add(e.cause()));
    String[] kindAndGroup = qualifiedKind.split("\\.", 2);
    JsonObject details = new JsonObject().put("name", name);
    if (kindAndGroup.length > 1) {
      details.put("group", kindAndGroup[1]);
    }
    details.put("kind", kindAndGroup[0]).put("causes", causes);
    return new ApiError(422, "Invalid", SchemaValidator.invalidMessage(qualifiedKind, name, errors), details);
  }

  public static ApiError invalid(ResourceType type, String name, List<FieldError> errors) {
    return invalid(type.qualifiedKind(), name, errors);
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "BadRequest", message, null);
  }

  public static ApiError methodNotAllowed(String message) {
    return new ApiError(405, "MethodNotAllowed", message, null);
  }

  public static ApiError unsupportedMediaType(String contentType) {
    return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted "
        + "media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf", null);
  }

  public static ApiError unsupportedPatch(String contentType, List<String> supported) {
    return new ApiError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted "
        + "media types include: " + String.join(", ", supported), null);
  }

  public static ApiError notAcceptable(String message) {
    return new ApiError(406, "NotAcceptable", message, null);
  }

  /** 410 Gone for a resourceVersion older than the watch cache holds. */
  public static ApiError expired(String message) {
    return new ApiError(410, "Expired", message, null);
  }

  /** What the NamespaceLifecycle admission plugin answers for new content in a namespace being deleted. */
  public static ApiError namespaceTerminating(ResourceType type, String name, String namespace) {
    JsonObject details = details(type, name).put("causes", new JsonArray().add(new JsonObject()
        .put("reason", "NamespaceTerminating").put("message", "namespace " + namespace + " is being terminated")
        .put("field", "metadata.namespace")));
    String subject = name == null || name.isEmpty() ? type.qualifiedResource() + " is forbidden"
        : type.qualifiedResource() + " \"" + name + "\" is forbidden";
    return new ApiError(403, "Forbidden", subject + ": unable to create new content in namespace " + namespace
        + " because it is being terminated", details);
  }

  public static ApiError unauthorized() {
    return new ApiError(401, "Unauthorized", "Unauthorized", null);
  }

  public static ApiError tooLarge(String message) {
    return new ApiError(413, "RequestEntityTooLarge", message, null);
  }

  public static ApiError timeout(String message) {
    return new ApiError(504, "Timeout", message, null);
  }

  public static ApiError internal(String message) {
    JsonObject details = new JsonObject().put("causes", new JsonArray().add(new JsonObject().put("message", message)));
    return new ApiError(500, "InternalError", "Internal error occurred: " + message, details);
  }

  /** An injected fault: whatever status the fault names. */
  public static ApiError injected(int code, String path) {
    if (code == 409) {
      return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + path
          + ": the object has been modified; please apply your changes to the latest version and try again", null);
    }
    String reason = switch (code) {
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "InternalError";
    };
    return new ApiError(code, reason, "injected fault on " + path, null);
  }
}
