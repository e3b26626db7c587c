package dev.reflex.embedded.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Decides whether a request may be served, as kube-apiserver's authorizer chain does. */
@FunctionalInterface
public interface Authorizer {

  Decision authorize(RequestAttributes attributes);

  /** Allows every member of {@code system:masters} with no reason, before any other authorizer is asked. */
  Authorizer PRIVILEGED_GROUPS = a -> a.user().inGroup(UserInfo.MASTERS) ? Decision.allow("")
      : Decision.noOpinion("");

  /**
   * Asks each authorizer in turn: the first to allow or deny decides, with its own reason; when none has an opinion,
   * the answer is no opinion with the non-empty reasons joined by newlines (kube's union authorizer).
   */
  static Authorizer union(List<Authorizer> authorizers) {
    List<Authorizer> chain = List.copyOf(authorizers);
    return attributes -> {
      List<String> reasons = new ArrayList<>();
      for (Authorizer authorizer : chain) {
        Decision decision = authorizer.authorize(attributes);
        if (decision.outcome() != Decision.Outcome.NO_OPINION) {
          return decision;
        }
        if (!decision.reason().isEmpty()) {
          reasons.add(decision.reason());
        }
      }
      return Decision.noOpinion(String.join("\n", reasons));
    };
  }

  /** kube-apiserver's default chain for our purposes: system:masters, then RBAC over the current objects. */
  static Authorizer kubeDefault(Supplier<RbacObjects> objects) {
    return union(List.of(PRIVILEGED_GROUPS, new RbacAuthorizer(objects)));
  }
}
