package dev.reflex.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The policies a backtest can race, by the name {@code --policies} takes. */
public enum PolicyKind {
  /** The IHPA of {@code --ihpa FILE}: any providers, any gray strategy. */
  REFLEX("reflex"),
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

  /**
   * A fresh policy of this kind for one run.
   *
   * @param ihpa the IHPA of {@link #REFLEX}; null when none was given
   * @param initial the pods at the start
   */
  Policy create(Workload workload, IhpaSetup ihpa, Instant start, long seconds, int initial) {
    return switch (this) {
      case REFLEX -> {
        if (ihpa == null) {
          throw new IllegalArgumentException("policies: 'reflex' races the IHPA of --ihpa FILE, and none was given");
        }
        yield new IhpaPolicy(ihpa, workload, start, seconds, initial);
      }
      case REFLEX_KPA -> new IhpaPolicy(IhpaSetup.streamedKpa(), workload, start, seconds, initial);
      case REFLEX_KUBEHPA -> new IhpaPolicy(IhpaSetup.streamedKubeHpa(), workload, start, seconds, initial);
      case HPA -> new HpaPolicy(workload, false, start, seconds);
      case KPA -> new KnativeKpaPolicy(workload);
      case KEDA -> new HpaPolicy(workload, true, start, seconds);
    };
  }

  /**
   * The policies a comma-separated list names, in its order; {@code all} is every one, {@code reflex} only with an
   * IHPA.
   *
   * @param withIhpa whether an IHPA was given (so that {@code all} includes {@code reflex})
   * @throws IllegalArgumentException naming an unknown policy and the known ones
   */
  public static List<PolicyKind> parseList(String text, boolean withIhpa) {
    if (text.strip().equals("all")) {
      return Arrays.stream(values()).filter(k -> withIhpa || k != REFLEX).toList();
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
