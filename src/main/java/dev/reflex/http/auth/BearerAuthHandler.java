package dev.reflex.http.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of every route but the probes with {@code http.auth: kubernetes}: the caller must send
 * {@code Authorization: Bearer <token>}, and the API server must say whose token it is (TokenReview, answers kept in
 * a {@link VerdictCache}). The caller goes on with the request under {@link #CALLER}; a missing or rejected token
 * gets 401 with {@code WWW-Authenticate: Bearer} and a message saying what was wrong; a review that cannot be made
 * (the API server down, Reflex lacking {@code create tokenreviews}) gets 503, which Prometheus retries, so no sample
 * is lost to an outage of the API server. Counted in {@code reflex_http_auth_total{outcome}}.
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

  /** The {@link RoutingContext} key of the authenticated {@link Caller}. */
  public static final String CALLER = "reflex.caller";

  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthHandler.class);
  private static final String SCHEME = "Bearer ";

  private final VerdictCache<TokenVerdict> cache;
  private final TokenReviewer reviewer;
  private final Counter accepted;
  private final Counter rejected;
  private final Counter missing;
  private final Counter unavailable;

  /**
   * @param cache verdicts by token, {@link TokenVerdict.Accepted} the positive ones
   */
  public BearerAuthHandler(VerdictCache<TokenVerdict> cache, TokenReviewer reviewer, MeterRegistry registry) {
    this.cache = cache;
    this.reviewer = reviewer;
    this.accepted = counter(registry, "accepted");
    this.rejected = counter(registry, "rejected");
    this.missing = counter(registry, "missing");
    this.unavailable = counter(registry, "unavailable");
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("reflex_http_auth").description("Requests by authentication outcome")
        .tag("outcome", outcome).register(registry);
  }

  @Override
  public void handle(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      missing.increment();
      refuse(rc, "no credentials: send 'Authorization: Bearer <token>' with a token the cluster issued (a"
          + " ServiceAccount token)");
      return;
    }
    if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.substring(SCHEME.length()).isBlank()) {
      missing.increment();
      refuse(rc, "only bearer tokens are accepted: 'Authorization: Bearer <token>'");
      return;
    }
    String token = header.substring(SCHEME.length()).strip();
    Optional<TokenVerdict> known = cache.get(token);
    if (known.isPresent()) {
      decide(rc, known.get());
      return;
    }
    // The body must wait for the verdict: the body handler after this one resumes the request.
    rc.request().pause();
    reviewer.review(token).onComplete(result -> {
      if (result.succeeded()) {
        cache.put(token, result.result());
        decide(rc, result.result());
      } else {
        unavailable.increment();
        LOG.warn("cannot check the bearer token of a request to {}: {}", rc.request().path(),
            result.cause().getMessage());
        ErrorAnswer.send(rc, 503, "cannot check the bearer token with the API server: "
            + result.cause().getMessage());
      }
    });
  }

  private void decide(RoutingContext rc, TokenVerdict verdict) {
    if (verdict instanceof TokenVerdict.Accepted a) {
      accepted.increment();
      rc.put(CALLER, a.caller());
      rc.next();
    } else if (verdict instanceof TokenVerdict.Rejected r) {
      rejected.increment();
      refuse(rc, "the bearer token was rejected: " + r.reason());
    }
  }

  private static void refuse(RoutingContext rc, String message) {
    ErrorAnswer.send(rc, 401, message);
  }
}
