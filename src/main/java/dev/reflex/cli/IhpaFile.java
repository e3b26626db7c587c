package dev.reflex.cli;

import dev.reflex.api.v1alpha1.HorizontalPortraitProvider;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.api.v1alpha1.KubeHPAPortraitAlgorithm;
import dev.reflex.api.v1alpha1.PortraitAlgorithm;
import dev.reflex.api.v1alpha1.PortraitProviderType;
import dev.reflex.api.validation.SpecValidator;
import dev.reflex.api.validation.ValidationResult;
import dev.reflex.backtest.IhpaSetup;
import dev.reflex.backtest.Workload;
import dev.reflex.controller.ApiMapping;
import dev.reflex.controller.RootCause;
import dev.reflex.core.GoDuration;
import dev.reflex.core.forecast.ForecastSpec;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.forecast.ForecastService;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code --ihpa FILE} of a backtest: the IntelligentHorizontalPodAutoscaler a user would apply (the first one in
 * a multi-document file), validated as Reflex validates it, turned into the core's terms with the same mapping the
 * controller uses.
 */
final class IhpaFile {

  private static final String KIND = "IntelligentHorizontalPodAutoscaler";

  private IhpaFile() {
  }

  /**
   * Reads and maps the file.
   *
   * @param notes told, in one line each, what the backtest does differently from the cluster
   * @throws UsageException naming the file and what is wrong with it
   */
  static IhpaSetup read(Path file, Workload workload, Consumer<String> notes) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("--ihpa: cannot read " + file + ": " + e.getMessage());
    }
    String document = null;
    for (String doc : text.split("(?m)^---\\s*$")) {
      if (doc.matches("(?s).*(?m)^kind:\\s*" + KIND + "\\s*$.*")) {
        document = doc;
        break;
      }
    }
    if (document == null) {
      throw new UsageException("--ihpa: " + file + " holds no " + KIND);
    }
    IntelligentHorizontalPodAutoscaler ihpa;
    try {
      ihpa = new KubernetesSerialization().unmarshal(document, IntelligentHorizontalPodAutoscaler.class);
    } catch (RuntimeException e) {
      throw new UsageException("--ihpa: " + file + ": " + RootCause.firstLine(e));
    }
    ValidationResult result = SpecValidator.validate(ihpa);
    if (!result.valid()) {
      throw new UsageException("--ihpa: " + file + ": " + result.conditionMessage());
    }
    IntelligentHorizontalPodAutoscalerSpec spec = ihpa.getSpec();
    if (spec.minReplicas() != workload.minReplicas() || spec.maxReplicas() != workload.maxReplicas()) {
      notes.accept("the IHPA's replicas " + spec.minReplicas() + ".." + spec.maxReplicas() + " give way to the "
          + "workload's " + workload.minReplicas() + ".." + workload.maxReplicas() + " (--min, --max), as for every "
          + "policy");
    }
    try {
      return setup(spec, notes);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--ihpa: " + file + ": " + e.getMessage());
    }
  }

  private static IhpaSetup setup(IntelligentHorizontalPodAutoscalerSpec spec, Consumer<String> notes) {
    List<PortraitProvider> fixed = new ArrayList<>();
    List<IhpaSetup.DynamicPortrait> dynamic = new ArrayList<>();
    List<HorizontalPortraitProvider> providers = spec.portraitProviders();
    for (int i = 0; i < providers.size(); i++) {
      HorizontalPortraitProvider provider = providers.get(i);
      if (provider.type() != PortraitProviderType.Dynamic) {
        fixed.add(ApiMapping.staticOrCron(provider));
        continue;
      }
      String field = "portraitProviders[" + i + "].dynamic";
      String portraitType = provider.dynamic().portraitType();
      int priority = provider.priority() == null ? 0 : provider.priority();
      PortraitAlgorithm algorithm = provider.dynamic().algorithm();
      String type = algorithm == null || algorithm.type() == null ? "KubeHPA" : algorithm.type();
      if (!provider.dynamic().metrics().isEmpty()) {
        notes.accept(field + ": watches the workload's rps at the workload's target (--target) instead of its "
            + "metrics, as every policy does");
      }
      dynamic.add(switch (type) {
        case "KPA" -> new IhpaSetup.Kpa(portraitType, priority, ApiMapping.kpaAlgorithmKeys(algorithm.kpa()));
        case "KubeHPA" -> kubeHpa(portraitType, priority, algorithm == null ? null : algorithm.kubeHPA(), field);
        case "Forecast" -> {
          ForecastSpec fit = ForecastService.spec(algorithm.forecast(), 1);
          yield new IhpaSetup.Forecast(portraitType, priority, ForecastService.historyLength(algorithm.forecast()),
              fit.seasonality(), fit.scalingFreq(), fit.horizon(), fit.lead());
        }
        default -> throw new IllegalArgumentException(field + ".algorithm.type: " + type + " runs outside Reflex and "
            + "cannot be replayed; the Forecast algorithm is Reflex's built-in predictive portrait");
      });
    }
    if (Boolean.TRUE.equals(spec.paused()) || "Preview".equals(String.valueOf(spec.scaleMode()))) {
      notes.accept("the IHPA is paused or in Preview mode; the backtest scales as it would in Auto mode");
    }
    return new IhpaSetup(fixed, dynamic, ApiMapping.grayStrategies(spec));
  }

  private static IhpaSetup.KubeHpa kubeHpa(String portraitType, int priority, KubeHPAPortraitAlgorithm params,
      String field) {
    Duration sync = params == null || params.syncPeriod() == null ? Duration.ofSeconds(15)
        : GoDuration.parse(params.syncPeriod());
    double tolerance;
    try {
      tolerance = params == null || params.tolerance() == null ? 0.1 : Double.parseDouble(params.tolerance());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ".algorithm.kubeHPA.tolerance: not a number: " + params.tolerance());
    }
    return new IhpaSetup.KubeHpa(portraitType, priority, sync, tolerance);
  }
}
