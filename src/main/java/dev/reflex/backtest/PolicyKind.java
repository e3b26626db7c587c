package dev.reflex.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The policies a backtest can race, by the name {@code --policies} takes. */
public enum PolicyKind {
  /** Reflex's streamed KPA, deciding on each sample. */
  REFLEX_KPA("reflex-kpa"),
  /** Reflex's KubeHPA portrait on streamed samples, with the streamed scale-up trigger. */
  REFLEX_KUBEHPA("reflex-kubehpa"),
  /** The Kubernetes HPA: 15 s sync, metrics 15 s behind, default behavior. */
  HPA("hpa"),
  /** Knative's KPA: 1 s scrapes, a decision every 2 s, 60 s stable and 6 s panic windows. */
  KPA("kpa"),
  /** KEDA: a 30 s polling interval feeding an HPA. */
  KEDA("keda");

  private final String label;

  PolicyKind(String label) {
    this.label = label;
  }

  /** The name in {@code --policies} and in the figures. */
  public String label() {
    return label;
  }

  /** A fresh policy of this kind for one run. */
  Policy create(Workload workload, Instant start, long seconds) {
    return switch (this) {
      case REFLEX_KPA -> new ReflexKpaPolicy(workload, start);
      case REFLEX_KUBEHPA -> new ReflexKubeHpaPolicy(workload, start);
      case HPA -> new HpaPolicy(workload, false, start, seconds);
      case KPA -> new KnativeKpaPolicy(workload);
      case KEDA -> new HpaPolicy(workload, true, start, seconds);
    };
  }

  /**
   * The policies a comma-separated list names, in its order; {@code all} is every one.
   *
   * @throws IllegalArgumentException naming an unknown policy and the known ones
   */
  public static List<PolicyKind> parseList(String text) {
    if (text.strip().equals("all")) {
      return List.of(values());
    }
    List<PolicyKind> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String name = part.strip().toLowerCase(Locale.ROOT);
      PolicyKind kind = Arrays.stream(values()).filter(k -> k.label.equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("policies: unknown policy '" + name + "' (known: "
              + String.join(", ", Arrays.stream(values()).map(PolicyKind::label).toList()) + ")"));
      if (!out.contains(kind)) {
        out.add(kind);
      }
    }
    return out;
  }
}
