package dev.reflex.http.auth;

/** What a TokenReview said about one token. */
public sealed interface TokenVerdict {

  /** The token names a caller. */
  record Accepted(Caller caller) implements TokenVerdict {
  }

  /**
   * The token names nobody: unknown, expired, revoked, or for another audience.
   *
   * @param reason the API server's {@code status.error}, or a generic one when it gave none
   */
  record Rejected(String reason) implements TokenVerdict {
  }
}
