package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The AdmissionReview a webhook is sent and what its answer must look like, as kube's {@code request} package
 * builds and checks them. Failures to read an answer are {@link WebhookCallFailure}s, which the failure policy
 * may ignore; a well-formed denial is not.
 */
final class AdmissionReviews {

  /** The AdmissionReview versions this server can speak, in the order it prefers them. */
  static final List<String> KNOWN_VERSIONS = List.of("v1", "v1beta1");

  /** What a webhook answered, checked. */
  record Answer(boolean allowed, JsonObject result, byte[] patch, String patchType, List<String> warnings) {
  }

  private AdmissionReviews() {
  }

  /** The first version in the webhook's list that this server knows, as kube picks it. */
  static String reviewVersion(WebhookSpec hook) {
    for (String version : hook.admissionReviewVersions()) {
      if (KNOWN_VERSIONS.contains(version)) {
        return version;
      }
    }
    throw new WebhookCallFailure("could not create admission objects: webhook does not accept known "
        + "AdmissionReview versions (v1, v1beta1)");
  }

  /**
   * The review sent: {@code kind}/{@code resource} in the version the webhook matched, {@code requestKind}/{@code
   * requestResource} as the request was made; {@code object}, {@code oldObject} and {@code options} are
   * {@code null} when absent, as Go writes an empty RawExtension.
   */
  static JsonObject request(String uid, String reviewVersion, AdmissionAttributes attributes,
      WebhookMatcher.Invocation invocation, JsonObject object, JsonObject oldObject) {
    JsonObject request = new JsonObject().put("uid", uid)
        .put("kind", invocation.kind().toJson())
        .put("resource", invocation.resource().toJson());
    if (!attributes.subresource().isEmpty()) {
      request.put("subResource", attributes.subresource());
    }
    request.put("requestKind", attributes.kind().toJson()).put("requestResource", attributes.resource().toJson());
    if (!attributes.subresource().isEmpty()) {
      request.put("requestSubResource", attributes.subresource());
    }
    if (!attributes.name().isEmpty()) {
      request.put("name", attributes.name());
    }
    if (!attributes.namespace().isEmpty()) {
      request.put("namespace", attributes.namespace());
    }
    request.put("operation", attributes.operation().name())
        .put("userInfo", attributes.user().toJson())
        .put("object", object)
        .put("oldObject", oldObject)
        .put("dryRun", attributes.dryRun())
        .put("options", attributes.options());
    return new JsonObject().put("kind", "AdmissionReview").put("apiVersion", "admission.k8s.io/" + reviewVersion)
        .put("request", request);
  }

  /**
   * The webhook's HTTP answer, read as client-go's {@code Into} and kube's {@code VerifyAdmissionResponse} read
   * it.
   *
   * @throws WebhookCallFailure for a non-2xx status, a body that is not an AdmissionReview, or one that breaks the
   *     protocol (wrong uid, patch without patchType)
   */
  static Answer answer(String uid, String reviewVersion, boolean mutating, int status, Buffer body) {
    if (status < 200 || status > 206) {
      throw new WebhookCallFailure("failed to call webhook: " + statusError(status, body));
    }
    JsonObject review;
    try {
      review = new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      throw new WebhookCallFailure("failed to call webhook: couldn't get version/kind; json parse error: "
          + e.getMessage());
    }
    return verify(uid, reviewVersion, mutating, review);
  }

  private static Answer verify(String uid, String reviewVersion, boolean mutating, JsonObject review) {
    String invalid = "received invalid webhook response: ";
    JsonObject response = review.getValue("response") instanceof JsonObject r ? r : null;
    if (response == null) {
      throw new WebhookCallFailure(invalid + "webhook response was absent");
    }
    boolean v1 = "v1".equals(reviewVersion);
    if (v1) {
      String got = response.getValue("uid") instanceof String s ? s : "";
      if (!uid.equals(got)) {
        throw new WebhookCallFailure(invalid + "expected response.uid=\"" + uid + "\", got \"" + got + "\"");
      }
      String apiVersion = review.getString("apiVersion", "");
      String kind = review.getString("kind", "");
      if (!"admission.k8s.io/v1".equals(apiVersion) || !"AdmissionReview".equals(kind)) {
        throw new WebhookCallFailure(invalid + "expected webhook response of admission.k8s.io/v1, "
            + "Kind=AdmissionReview, got " + (apiVersion.isEmpty() ? "/" : apiVersion) + ", Kind=" + kind);
      }
    }
    byte[] patch = null;
    String patchType = null;
    if (mutating) {
      String encoded = response.getValue("patch") instanceof String s && !s.isEmpty() ? s : null;
      if (encoded != null) {
        try {
          patch = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
          throw new WebhookCallFailure("failed to call webhook: illegal base64 data in response.patch");
        }
      }
      patchType = response.getString("patchType");
      if (v1) {
        if (patch != null && patchType == null) {
          throw new WebhookCallFailure(invalid + "webhook returned response.patch but not response.patchType");
        }
        if (patch == null && patchType != null) {
          throw new WebhookCallFailure(invalid + "webhook returned response.patchType but not response.patch");
        }
        if (patchType != null && patchType.isEmpty()) {
          throw new WebhookCallFailure(invalid + "webhook returned invalid response.patchType of \"\"");
        }
      } else if (patch != null) {
        // v1beta1 never checked patchType; the only type there is is JSONPatch.
        patchType = "JSONPatch";
      }
    }
    List<String> warnings = new ArrayList<>();
    JsonArray list = response.getValue("warnings") instanceof JsonArray a ? a : new JsonArray();
    list.forEach(w -> warnings.add(String.valueOf(w)));
    JsonObject result = response.getValue("status") instanceof JsonObject s ? s : null;
    return new Answer(Boolean.TRUE.equals(response.getValue("allowed")), result, patch, patchType, warnings);
  }

  /**
   * The error client-go makes of a non-2xx answer: the Status it carries, else the generic sentence for the code
   * ({@code NewGenericServerResponse}).
   */
  static String statusError(int status, Buffer body) {
    try {
      JsonObject json = new JsonObject(body);
      if ("Status".equals(json.getString("kind")) && json.getString("message") != null) {
        return json.getString("message");
      }
    } catch (RuntimeException e) {
      // not a Status: fall through to the generic sentence
    }
    String text = body == null ? "" : body.toString();
    Map<Integer, String> sentences = Map.of(
        400, "the server rejected our request for an unknown reason",
        401, "the server has asked for the client to provide credentials",
        403, "the server does not allow access to the requested resource",
        404, "the server could not find the requested resource",
        409, "the server reported a conflict",
        429, "the server has received too many requests and has asked us to try again later",
        503, "the server is currently unable to handle the request",
        504, "the server was unable to return a response in the time allotted, but may still be processing the "
            + "request");
    if (status == 500) {
      return "an error on the server (\"" + (text.isEmpty() ? "unknown" : text) + "\") has prevented the request "
          + "from succeeding";
    }
    return sentences.getOrDefault(status, "the server responded with the status code " + status
        + " but did not return more information");
  }

  /**
   * A denial worded as kube's {@code ToStatusErr}: the webhook's Status kept, its code at least 400, its message
   * prefixed with who denied.
   */
  static ApiError denial(String webhookName, JsonObject result) {
    JsonObject status = result == null ? new JsonObject() : result.copy();
    int code = status.getValue("code") instanceof Number n ? n.intValue() : 0;
    if (code < 400) {
      code = 400;
    }
    String deniedBy = "admission webhook \"" + webhookName + "\" denied the request";
    String message = status.getString("message", "");
    String reason = status.getString("reason", "");
    String text = !message.isEmpty() ? deniedBy + ": " + message
        : !reason.isEmpty() ? deniedBy + ": " + reason : deniedBy + " without explanation";
    return new ApiError(code, reason, text, status.getJsonObject("details"));
  }
}
