package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A patch that kube-apiserver would refuse, with the Status it answers. The three families mirror the patch handler
 * ({@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}):
 * <ul>
 *   <li>400 BadRequest: the body is not a patch document at all (not JSON, not an array of operations, a merge
 *       patch that is not an object, a malformed strategic directive);</li>
 *   <li>422 Invalid: a well-formed patch that cannot be applied (a JSON patch path that is missing, a failed
 *       {@code test}). kube answers these with the fixed generic message and an empty {@code details}; the
 *       library's own explanation is dropped, so it is kept here only as {@link #detail()} for logs and tests;</li>
 *   <li>500 with no reason: errors the strategic merge code returns unwrapped (a missing merge key, mixed list
 *       element types), which kube's error writer turns into a bare failure carrying the error text.</li>
 * </ul>
 * 413 covers the JSON patch operation limit.
 */
public final class PatchException extends RuntimeException {

  /** The 422 message of {@code NewGenericServerResponse}, what kubectl prints for a JSON patch that fails. */
  public static final String UNPROCESSABLE_MESSAGE = "the server rejected our request due to an error in our request";

  private final int code;
  private final String reason;
  private final JsonObject details;
  private final String detail;

  private PatchException(int code, String reason, String message, JsonObject details, String detail) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
    this.detail = detail;
  }

  /** 400: the document could not be decoded as a patch of its type. */
  public static PatchException badRequest(String message) {
    return new PatchException(400, "BadRequest", message, null, message);
  }

  /** 422 with the generic message: a patch that decodes but does not apply; {@code detail} is not sent. */
  public static PatchException unprocessable(String detail) {
    return new PatchException(422, "Invalid", UNPROCESSABLE_MESSAGE, new JsonObject(), detail);
  }

  /**
   * 422 as {@code errors.NewInvalid(schema.GroupKind{}, "", ...)}: the patched document does not decode into an
   * object (a JSON patch replacing the root with an array, a merge patch that is an array).
   */
  public static PatchException invalidResult(FieldError error) {
    JsonObject details = new JsonObject().put("causes", new JsonArray().add(error.cause()));
    return new PatchException(422, "Invalid", " \"\" is invalid: " + error.message(), details, error.message());
  }

  /** 413: more operations than kube accepts in one JSON patch. */
  public static PatchException entityTooLarge(String message) {
    return new PatchException(413, "RequestEntityTooLarge", "Request entity too large: " + message, null, message);
  }

  /** 500 without a reason: an error kube-apiserver does not map to a Status, answered with its bare text. */
  public static PatchException unmapped(String message) {
    return new PatchException(500, "", message, null, message);
  }

  /** The HTTP status code kube-apiserver answers. */
  public int code() {
    return code;
  }

  /** The Status reason, empty when kube sends none. */
  public String reason() {
    return reason;
  }

  /** What went wrong in the patch library's words (for 422 this is not part of the Status). */
  public String detail() {
    return detail;
  }

  /** The {@code v1.Status} body kube-apiserver writes for this error. */
  public JsonObject status() {
    JsonObject status = new JsonObject()
        .put("kind", "Status")
        .put("apiVersion", "v1")
        .put("metadata", new JsonObject())
        .put("status", "Failure")
        .put("message", getMessage());
    if (!reason.isEmpty()) {
      status.put("reason", reason);
    }
    if (details != null) {
      status.put("details", details.copy());
    }
    return status.put("code", code);
  }
}
