package dev.reflex.backtest;

import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.portrait.PortraitProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an IHPA brings to a backtest, in the core's terms: its Static and Cron providers as they are, its Dynamic
 * providers as generators fed by the simulation, and its gray strategies. Every Dynamic portrait watches the
 * workload's {@code rps} at the workload's target, whatever metric the IHPA names, so that all policies race on
 * the same metric and target; the IHPA's own min and max give way to the workload's for the same reason.
 *
 * @param fixed the Static and Cron providers
 * @param dynamic the Dynamic providers
 * @param strategies the gray strategies of {@code behavior.scaleUp} and {@code behavior.scaleDown}
 */
public record IhpaSetup(List<PortraitProvider> fixed, List<DynamicPortrait> dynamic, GrayStrategies strategies) {

  public IhpaSetup {
    fixed = List.copyOf(fixed);
    dynamic = List.copyOf(dynamic);
    Objects.requireNonNull(strategies, "strategies");
    if (fixed.isEmpty() && dynamic.isEmpty()) {
      throw new IllegalArgumentException("portraitProviders: at least one provider is needed");
    }
  }

  /** {@code reflex-kpa}: one KPA portrait at Knative's defaults, no gray strategy. */
  public static IhpaSetup streamedKpa() {
    return new IhpaSetup(List.of(), List.of(new Kpa("KPA", 1, Map.of())), noGray());
  }

  /** {@code reflex-kubehpa}: one Reactive KubeHPA portrait at its defaults (15 s, tolerance 0.1), no gray. */
  public static IhpaSetup streamedKubeHpa() {
    return new IhpaSetup(List.of(), List.of(new KubeHpa("Reactive", 1, Duration.ofSeconds(15), 0.1)), noGray());
  }

  private static GrayStrategies noGray() {
    return new GrayStrategies(Optional.empty(), Optional.empty());
  }

  /** A Dynamic provider's generator. */
  public sealed interface DynamicPortrait permits Kpa, KubeHpa, Forecast {
    /** The HorizontalPortrait's {@code portraitType}. */
    String portraitType();

    int priority();
  }

  /**
   * The {@code KPA} algorithm on streamed samples.
   *
   * @param algorithmKeys the algorithm's Knative keys ({@code stable-window}, {@code panic-threshold-percentage},
   *     ...) as the IHPA sets them; metric, target and bounds come from the workload
   */
  public record Kpa(String portraitType, int priority, Map<String, Object> algorithmKeys) implements DynamicPortrait {
    public Kpa {
      algorithmKeys = Map.copyOf(algorithmKeys);
    }
  }

  /** The {@code KubeHPA} algorithm on streamed samples, every {@code syncPeriod} and on the scale-up trigger. */
  public record KubeHpa(String portraitType, int priority, Duration syncPeriod, double tolerance)
      implements DynamicPortrait {
  }

  /**
   * The {@code Forecast} algorithm, refitted every {@code scalingFreq} on the run's own history; each step's replicas
   * asked for {@code lead} before it.
   */
  public record Forecast(String portraitType, int priority, Duration historyLength, Duration seasonality,
      Duration scalingFreq, Duration horizon, Duration lead) implements DynamicPortrait {
  }
}
