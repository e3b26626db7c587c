package dev.reflex.http.auth;

import java.util.List;

/**
 * An authenticated caller, as the API server's TokenReview names it.
 *
 * @param username e.g. {@code system:serviceaccount:monitoring:prometheus}
 * @param groups e.g. {@code system:serviceaccounts}, {@code system:authenticated}
 */
public record Caller(String username, List<String> groups) {

  public Caller {
    groups = List.copyOf(groups);
  }
}
