package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading webhook answers and wording their refusals. */
class AdmissionReviewsTest {

  private static Buffer review(String response) {
    return Buffer.buffer("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":"
        + response + "}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no response|{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\"}|received invalid "
          + "webhook response: webhook response was absent",
      "wrong uid|{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":"
          + "\"other\",\"allowed\":true}}|received invalid webhook response: expected response.uid=\"u1\", got "
          + "\"other\"",
      "wrong kind|{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":"
          + "\"u1\",\"allowed\":true}}|received invalid webhook response: expected webhook response of "
          + "admission.k8s.io/v1, Kind=AdmissionReview, got admission.k8s.io/v1beta1, Kind=AdmissionReview",
      "patch alone|{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":"
          + "\"u1\",\"allowed\":true,\"patch\":\"W10=\"}}|received invalid webhook response: webhook returned "
          + "response.patch but not response.patchType",
      "patchType alone|{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"response\":{\"uid\":"
          + "\"u1\",\"allowed\":true,\"patchType\":\"JSONPatch\"}}|received invalid webhook response: webhook "
          + "returned response.patchType but not response.patch",
  })
  void aBrokenAnswerIsACallFailure(String name, String body, String message) {
    WebhookCallFailure failure = assertThrows(WebhookCallFailure.class,
        () -> AdmissionReviews.answer("u1", "v1", true, 200, Buffer.buffer(body)));
    assertEquals(message, failure.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "500|oops|failed to call webhook: an error on the server (\"oops\") has prevented the request from succeeding",
      "404|''|failed to call webhook: the server could not find the requested resource",
      "418|''|failed to call webhook: the server responded with the status code 418 but did not return more "
          + "information",
      "403|{\"kind\":\"Status\",\"message\":\"not you\"}|failed to call webhook: not you",
  })
  void aNon2xxAnswerIsWordedAsClientGoWordsIt(int status, String body, String message) {
    WebhookCallFailure failure = assertThrows(WebhookCallFailure.class,
        () -> AdmissionReviews.answer("u1", "v1", false, status, Buffer.buffer(body)));
    assertEquals(message, failure.getMessage());
  }

  @Test
  void aGoodAnswerIsRead() {
    AdmissionReviews.Answer answer = AdmissionReviews.answer("u1", "v1", true, 200, review(
        "{\"uid\":\"u1\",\"allowed\":true,\"patchType\":\"JSONPatch\",\"patch\":\"W10=\",\"warnings\":[\"w\"]}"));
    assertEquals(List.of(true, "JSONPatch", "[]", List.of("w")), List.of(answer.allowed(), answer.patchType(),
        new String(answer.patch()), answer.warnings()));
    // v1beta1 answers are not checked for uid or patchType; a patch there is a JSON patch.
    AdmissionReviews.Answer beta = AdmissionReviews.answer("u1", "v1beta1", true, 200, Buffer.buffer(
        "{\"response\":{\"allowed\":true,\"patch\":\"W10=\"}}"));
    assertEquals("JSONPatch", beta.patchType());
  }

  @Test
  void aWebhookThatSpeaksNoKnownVersionCannotBeCalled() {
    WebhookSpec hook = WebhookSpec.of("c", 0, new JsonObject().put("name", "h")
        .put("admissionReviewVersions", new io.vertx.core.json.JsonArray().add("v2")));
    assertEquals("could not create admission objects: webhook does not accept known AdmissionReview versions "
        + "(v1, v1beta1)", assertThrows(WebhookCallFailure.class, () -> AdmissionReviews.reviewVersion(hook))
        .getMessage());
  }

  @Test
  void aDenialKeepsTheWebhooksStatusWithAtLeast400() {
    ApiError withReason = AdmissionReviews.denial("h", new JsonObject().put("code", 200).put("reason", "Nope"));
    assertEquals(List.of(400, "Nope", "admission webhook \"h\" denied the request: Nope"),
        List.of(withReason.code(), withReason.reason(), withReason.getMessage()));
    ApiError conflict = AdmissionReviews.denial("h", new JsonObject().put("code", 409).put("message", "busy"));
    assertEquals(List.of(409, "admission webhook \"h\" denied the request: busy"),
        List.of(conflict.code(), conflict.getMessage()));
  }
}
