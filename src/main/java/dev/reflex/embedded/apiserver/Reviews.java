package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The create handlers of the review kinds, which store nothing and answer the object back with a status: TokenReview
 * and SelfSubjectReview (authentication.k8s.io/v1), SubjectAccessReview, LocalSubjectAccessReview and
 * SelfSubjectAccessReview (authorization.k8s.io/v1), and a ServiceAccount's TokenRequest. Validation failures are
 * the 400 and 422 answers kube-apiserver gives.
 */
public final class Reviews {

  private static final String AUTHORIZATION_KIND = ".authorization.k8s.io";
  private static final long DEFAULT_TOKEN_SECONDS = 3600;
  private static final long MIN_TOKEN_SECONDS = 600;

  private Reviews() {
  }

  /** TokenReview: who the token in {@code spec.token} is, for {@code spec.audiences} or the server's own. */
  public static JsonObject tokenReview(JsonObject review, TokenAuthenticator auth, Instant now) {
    JsonObject spec = review.getJsonObject("spec", new JsonObject());
    String token = spec.getString("token", "");
    if (token.isEmpty()) {
      throw ApiError.badRequest("token is required for TokenReview in authentication");
    }
    List<String> audiences = strings(spec.getJsonArray("audiences"));
    JsonObject status = new JsonObject();
    TokenResult result = auth.authenticate(token, audiences, now);
    if (result instanceof TokenResult.Authenticated ok) {
      status.put("authenticated", true).put("user", ok.user().toJson());
      if (!ok.audiences().isEmpty()) {
        status.put("audiences", new JsonArray(new ArrayList<>(ok.audiences())));
      }
    } else if (result instanceof TokenResult.Rejected no) {
      // Go's struct field is never omitted, so a refused token still answers "user": {}.
      status.put("user", new JsonObject()).put("error", no.error());
    }
    return answer(review, "TokenReview", "authentication.k8s.io/v1").put("status", status);
  }

  /** SelfSubjectReview ({@code kubectl auth whoami}): the requester as the server sees them. */
  public static JsonObject selfSubjectReview(JsonObject review, UserInfo requester) {
    return answer(review, "SelfSubjectReview", "authentication.k8s.io/v1")
        .put("status", new JsonObject().put("userInfo", requester.toJson()));
  }

  /** SubjectAccessReview: may the user in the spec do what its resource or non-resource attributes say? */
  public static JsonObject subjectAccessReview(JsonObject review, Authorizer authorizer) {
    JsonObject spec = review.getJsonObject("spec", new JsonObject());
    List<FieldError> errors = new ArrayList<>(attributeErrors(spec));
    if (spec.getString("user", "").isEmpty() && strings(spec.getJsonArray("groups")).isEmpty()) {
      errors.add(FieldError.invalid("spec.user", spec.getString("user", ""),
          "at least one of user or group must be specified"));
    }
    metadataMustBeEmpty(review, false).ifPresent(errors::add);
    throwIfInvalid(errors);
    return decided(review, "SubjectAccessReview", UserInfo.fromReviewSpec(spec), authorizer);
  }

  /**
   * LocalSubjectAccessReview, posted to {@code namespaces/{namespace}/localsubjectaccessreviews}: a
   * SubjectAccessReview about resources of that namespace only.
   */
  public static JsonObject localSubjectAccessReview(JsonObject review, String namespace, Authorizer authorizer) {
    if (namespace == null || namespace.isEmpty()) {
      throw ApiError.badRequest("namespace is required on this type: ");
    }
    JsonObject spec = review.getJsonObject("spec", new JsonObject());
    List<FieldError> errors = new ArrayList<>(attributeErrors(spec));
    if (spec.getString("user", "").isEmpty() && strings(spec.getJsonArray("groups")).isEmpty()) {
      errors.add(FieldError.invalid("spec.user", spec.getString("user", ""),
          "at least one of user or group must be specified"));
    }
    metadataMustBeEmpty(review, true).ifPresent(errors::add);
    String objectNamespace = metadata(review).getString("namespace", "");
    JsonObject resourceAttributes = spec.getJsonObject("resourceAttributes");
    if (resourceAttributes != null && !resourceAttributes.getString("namespace", "").equals(objectNamespace)) {
      errors.add(FieldError.invalid("spec.resourceAttributes.namespace", resourceAttributes.getString("namespace",
          ""), "must match metadata.namespace"));
    }
    JsonObject nonResource = spec.getJsonObject("nonResourceAttributes");
    if (nonResource != null) {
      errors.add(FieldError.invalid("spec.nonResourceAttributes", nonResourceValue(nonResource),
          "disallowed on this kind of request"));
    }
    throwIfInvalid(errors);
    if (!namespace.equals(objectNamespace)) {
      throw ApiError.badRequest("spec.resourceAttributes.namespace must match namespace: " + namespace);
    }
    return decided(review, "LocalSubjectAccessReview", UserInfo.fromReviewSpec(spec), authorizer);
  }

  /** SelfSubjectAccessReview ({@code kubectl auth can-i}): the same question about the requester. */
  public static JsonObject selfSubjectAccessReview(JsonObject review, UserInfo requester, Authorizer authorizer) {
    JsonObject spec = review.getJsonObject("spec", new JsonObject());
    List<FieldError> errors = new ArrayList<>(attributeErrors(spec));
    metadataMustBeEmpty(review, false).ifPresent(errors::add);
    throwIfInvalid(errors);
    return decided(review, "SelfSubjectAccessReview", requester, authorizer);
  }

  /**
   * A ServiceAccount's TokenRequest ({@code serviceaccounts/{name}/token}, {@code kubectl create token}):
   * expirationSeconds defaults to an hour and may not be under ten minutes, audiences default to the server's.
   */
  public static JsonObject tokenRequest(JsonObject request, String namespace, String serviceAccountName,
      String serviceAccountUid, TokenAuthenticator auth, Instant now) {
    JsonObject spec = request.getJsonObject("spec", new JsonObject()).copy();
    long seconds = spec.getValue("expirationSeconds") instanceof Number n ? n.longValue() : DEFAULT_TOKEN_SECONDS;
    List<FieldError> errors = new ArrayList<>();
    if (seconds < MIN_TOKEN_SECONDS) {
      errors.add(FieldError.invalid("spec.expirationSeconds", seconds, "may not specify a duration less than 10 "
          + "minutes"));
    }
    if (seconds > (1L << 32)) {
      errors.add(FieldError.invalid("spec.expirationSeconds", seconds, "may not specify a duration larger than "
          + "2^32 seconds"));
    }
    if (!errors.isEmpty()) {
      throw ApiError.invalid("TokenRequest.authentication.k8s.io", "", errors);
    }
    List<String> audiences = strings(spec.getJsonArray("audiences"));
    if (audiences.isEmpty()) {
      audiences = auth.apiAudiences();
    }
    spec.put("audiences", new JsonArray(new ArrayList<>(audiences))).put("expirationSeconds", seconds);
    Duration ttl = Duration.ofSeconds(seconds);
    String token = auth.issue(namespace, serviceAccountName, serviceAccountUid, audiences, ttl, now);
    JsonObject answer = answer(request, "TokenRequest", "authentication.k8s.io/v1");
    answer.getJsonObject("metadata").put("name", serviceAccountName).put("namespace", namespace);
    return answer.put("spec", spec).put("status", new JsonObject().put("token", token)
        .put("expirationTimestamp", now.plus(ttl).truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /** The review answered with the authorizer's decision about {@code user}. */
  private static JsonObject decided(JsonObject review, String kind, UserInfo user, Authorizer authorizer) {
    JsonObject spec = review.getJsonObject("spec", new JsonObject());
    Decision decision = authorizer.authorize(attributes(spec, user));
    JsonObject status = new JsonObject().put("allowed", decision.allowed());
    if (decision.denied()) {
      status.put("denied", true);
    }
    if (!decision.reason().isEmpty()) {
      status.put("reason", decision.reason());
    }
    JsonObject answer = answer(review, kind, "authorization.k8s.io/v1");
    String namespace = metadata(review).getString("namespace", "");
    if (!namespace.isEmpty()) {
      answer.getJsonObject("metadata").put("namespace", namespace);
    }
    return answer.put("status", status);
  }

  /** The attributes a review's spec asks about; an empty version means every version, as kube reads it. */
  static RequestAttributes attributes(JsonObject spec, UserInfo user) {
    JsonObject r = spec.getJsonObject("resourceAttributes");
    if (r != null) {
      String version = r.getString("version", "");
      return RequestAttributes.resource(user, r.getString("verb", ""), r.getString("group", ""),
          version.isEmpty() ? "*" : version, r.getString("resource", ""), r.getString("subresource", ""),
          r.getString("namespace", ""), r.getString("name", ""));
    }
    JsonObject n = spec.getJsonObject("nonResourceAttributes", new JsonObject());
    return RequestAttributes.nonResource(user, n.getString("verb", ""), n.getString("path", ""));
  }

  /** Exactly one of resourceAttributes and nonResourceAttributes, worded as kube's validation. */
  private static List<FieldError> attributeErrors(JsonObject spec) {
    JsonObject resource = spec.getJsonObject("resourceAttributes");
    JsonObject nonResource = spec.getJsonObject("nonResourceAttributes");
    List<FieldError> errors = new ArrayList<>();
    if (resource != null && nonResource != null) {
      errors.add(FieldError.invalid("spec.nonResourceAttributes", nonResourceValue(nonResource),
          "cannot be specified in combination with resourceAttributes"));
    }
    if (resource == null && nonResource == null) {
      // Go prints the nil pointer it was given as the string "null".
      errors.add(FieldError.invalid("spec.resourceAttributes", "null",
          "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
    }
    return errors;
  }

  /** How Go's {@code %#v} prints the internal NonResourceAttributes struct. */
  private static GoText.Shown nonResourceValue(JsonObject nonResource) {
    return new GoText.Shown("authorization.NonResourceAttributes{Path:"
        + GoText.quote(nonResource.getString("path", "")) + ", Verb:" + GoText.quote(nonResource.getString("verb",
        "")) + "}");
  }

  /**
   * Review objects carry no metadata (a Local review its namespace only). kube prints the whole ObjectMeta struct
   * as the bad value; we print the JSON we were sent.
   */
  private static Optional<FieldError> metadataMustBeEmpty(JsonObject review, boolean namespaceAllowed) {
    JsonObject meta = metadata(review).copy();
    meta.remove("managedFields");
    if (namespaceAllowed) {
      meta.remove("namespace");
    }
    meta.getMap().values().removeIf(v -> v == null || "".equals(v)
        || (v instanceof JsonObject o && o.isEmpty()) || (v instanceof JsonArray a && a.isEmpty())
        || (v instanceof Map<?, ?> m && m.isEmpty()) || (v instanceof List<?> l && l.isEmpty()));
    if (meta.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(FieldError.invalid("metadata", metadata(review),
        namespaceAllowed ? "must be empty except for namespace" : "must be empty"));
  }

  private static void throwIfInvalid(List<FieldError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    // The decoded internal object has no kind, so kube names the kind "" in group authorization.k8s.io.
    String body = errors.size() == 1 ? errors.get(0).message()
        : "[" + String.join(", ", errors.stream().map(FieldError::message).toList()) + "]";
    JsonArray causes = new JsonArray();
    errors.forEach(e -> causes.add(e.cause()));
    JsonObject details = new JsonObject().put("group", "authorization.k8s.io").put("causes", causes);
    throw new ApiError(422, "Invalid", AUTHORIZATION_KIND + " \"\" is invalid: " + body, details);
  }

  /** The object posted, answered back: kind and apiVersion kept (or set), metadata reduced to a null timestamp. */
  private static JsonObject answer(JsonObject posted, String kind, String apiVersion) {
    JsonObject answer = posted.copy();
    answer.put("kind", Objects.toString(posted.getString("kind"), kind));
    answer.put("apiVersion", Objects.toString(posted.getString("apiVersion"), apiVersion));
    answer.put("metadata", new JsonObject().putNull("creationTimestamp"));
    answer.remove("status");
    return answer;
  }

  private static JsonObject metadata(JsonObject review) {
    JsonObject meta = review.getJsonObject("metadata");
    return meta == null ? new JsonObject() : meta;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }
}
