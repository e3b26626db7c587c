package dev.reflex.embedded.apiserver;

/**
 * A webhook that could not be called or whose answer could not be used: kube's {@code ErrCallingWebhook}. The
 * failure policy decides what it means: Fail turns it into a 500, Ignore lets the request through. The message is
 * the reason alone ({@code failed to call webhook: Post "...": ...}); {@link #forWebhook} adds the webhook's name.
 */
final class WebhookCallFailure extends RuntimeException {

  WebhookCallFailure(String reason) {
    super(reason, null, false, false);
  }

  /** {@code failed calling webhook "name": reason}. */
  String forWebhook(String webhookName) {
    return "failed calling webhook \"" + webhookName + "\": " + getMessage();
  }
}
