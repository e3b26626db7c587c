package dev.reflex.embedded.apiserver;

import java.util.List;

/** What checking one bearer token gave: the identity (and the audiences it is good for), or why it was refused. */
public sealed interface TokenResult {

  record Authenticated(UserInfo user, List<String> audiences) implements TokenResult {
    public Authenticated {
      audiences = List.copyOf(audiences);
    }
  }

  /** A token no authenticator accepted; {@code error} is the text kube shows in a TokenReview's status.error. */
  record Rejected(String error) implements TokenResult {
  }
}
