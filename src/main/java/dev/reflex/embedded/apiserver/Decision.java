package dev.reflex.embedded.apiserver;

/**
 * An authorizer's answer, as kube's (decision, reason) pair. RBAC only ever allows or has no opinion; an explicit
 * deny exists for authorizers that refuse outright. Only {@link Outcome#ALLOW} lets a request through.
 */
public record Decision(Outcome outcome, String reason) {

  public enum Outcome { ALLOW, DENY, NO_OPINION }

  public Decision {
    reason = reason == null ? "" : reason;
  }

  public static Decision allow(String reason) {
    return new Decision(Outcome.ALLOW, reason);
  }

  public static Decision deny(String reason) {
    return new Decision(Outcome.DENY, reason);
  }

  public static Decision noOpinion(String reason) {
    return new Decision(Outcome.NO_OPINION, reason);
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOW;
  }

  public boolean denied() {
    return outcome == Outcome.DENY;
  }
}
