package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitProvider;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerBehavior;
import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscalerSpec;
import dev.reflex.api.v1alpha1.KpaPortraitAlgorithm;
import dev.reflex.api.v1alpha1.MetricSpec;
import dev.reflex.api.v1alpha1.PodsMetricSource;
import dev.reflex.api.v1alpha1.PortraitProviderType;
import dev.reflex.api.v1alpha1.PortraitSpec;
import dev.reflex.api.v1alpha1.ReplicaCron;
import dev.reflex.api.v1alpha1.ReplicaProfileSpec;
import dev.reflex.api.v1alpha1.ScalingBehavior;
import dev.reflex.core.gray.Direction;
import dev.reflex.core.gray.GrayProgress;
import dev.reflex.core.gray.GrayState;
import dev.reflex.core.gray.GrayStrategies;
import dev.reflex.core.gray.GrayStrategy;
import dev.reflex.core.gray.ReplicaProfile;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaInputException;
import dev.reflex.core.kpa.KpaTarget;
import dev.reflex.core.portrait.CronPortrait;
import dev.reflex.core.portrait.CronRule;
import dev.reflex.core.portrait.NoPortraitData;
import dev.reflex.core.portrait.PortraitData;
import dev.reflex.core.portrait.PortraitProvider;
import dev.reflex.core.portrait.PortraitValue;
import dev.reflex.core.portrait.ReplicaBounds;
import dev.reflex.core.portrait.StaticPortrait;
import dev.reflex.core.portrait.TimeSeriesPoint;
import dev.reflex.core.portrait.TimeSeriesPortrait;
import dev.reflex.objects.Quantity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place where the API's objects become the core's records and back. An IHPA's spec is read from the typed
 * model that validation produced; portrait data, ReplicaProfiles and result ConfigMaps, which no schema of ours
 * checked on the way in, are read from their JSON as stored, a malformed one refused naming the field. Only called
 * on specs that passed validation, so missing optional fields take the CRD defaults here.
 */
public final class ApiMapping {

  /** Annotation on the ReplicaProfile carrying the gray plan, so a restarted Reflex continues the same plan. */
  public static final String GRAY_PROGRESS_ANNOTATION = "reflex.dev/gray-progress";

  private ApiMapping() {
  }

  public static ReplicaBounds bounds(IntelligentHorizontalPodAutoscalerSpec spec) {
    return new ReplicaBounds(orZero(spec.minReplicas()), orZero(spec.maxReplicas()));
  }

  /** A Static or Cron provider of the IHPA spec. */
  public static PortraitProvider staticOrCron(HorizontalPortraitProvider provider) {
    int priority = orZero(provider.priority());
    if (provider.type() == PortraitProviderType.Static) {
      return PortraitProvider.staticReplicas(priority, provider.staticValue().replicas());
    }
    return PortraitProvider.cron(priority, cronRules(provider.cron().crons()));
  }

  /** A Dynamic provider, fed with the status of its HorizontalPortrait ({@code null} = not generated yet). */
  public static PortraitProvider dynamic(HorizontalPortraitProvider provider, JsonObject portraitStatus) {
    String portraitType = provider.dynamic().portraitType();
    int priority = orZero(provider.priority());
    JsonObject data = portraitStatus == null ? null : portraitStatus.getJsonObject("portraitData");
    if (data == null) {
      return PortraitProvider.dynamic(portraitType, priority, new NoPortraitData(), Optional.empty());
    }
    return PortraitProvider.dynamic(portraitType, priority, portraitData(data), instant(data.getString("expireTime")));
  }

  /**
   * A HorizontalPortrait's {@code status.portraitData} (as written by our generators or an external one) as the
   * core's portrait data.
   */
  static PortraitData portraitData(JsonObject data) {
    return switch (data.getString("type", "")) {
      case "Static" -> new StaticPortrait(data.getJsonObject("static").getInteger("replicas"));
      case "Cron" -> new CronPortrait(cronRules(data.getJsonObject("cron").getJsonArray("crons")));
      case "TimeSeries" -> {
        List<TimeSeriesPoint> points = new ArrayList<>();
        for (Object p : data.getJsonObject("timeSeries").getJsonArray("timeSeries", new JsonArray())) {
          JsonObject point = (JsonObject) p;
          points.add(TimeSeriesPoint.parse(String.valueOf(point.getValue("timestamp")),
              String.valueOf(point.getValue("replicas"))));
        }
        points.sort(Comparator.comparing(TimeSeriesPoint::timestamp));
        yield new TimeSeriesPortrait(points);
      }
      default -> throw new IllegalArgumentException("portraitData.type: unsupported type '"
          + data.getString("type") + "'");
    };
  }

  private static List<CronRule> cronRules(List<ReplicaCron> crons) {
    return crons.stream()
        .map(cron -> CronRule.of(cron.name(), cron.start(), cron.end(), cron.timeZone(), cron.replicas())).toList();
  }

  /** Cron rules of portrait data, which no schema checked: a rule lacking a field fails the portrait. */
  private static List<CronRule> cronRules(JsonArray crons) {
    List<CronRule> rules = new ArrayList<>();
    for (Object c : crons) {
      JsonObject cron = (JsonObject) c;
      rules.add(CronRule.of(cron.getString("name"), cron.getString("start"), cron.getString("end"),
          cron.getString("timeZone"), cron.getInteger("replicas")));
    }
    return rules;
  }

  /** The HorizontalPortrait name of a Dynamic provider: {@code <ihpa>-<portraitType, lower case>}. */
  public static String portraitName(String ihpaName, HorizontalPortraitProvider provider) {
    return (ihpaName + "-" + provider.dynamic().portraitType()).toLowerCase(Locale.ROOT);
  }

  public static GrayStrategies grayStrategies(IntelligentHorizontalPodAutoscalerSpec spec) {
    IntelligentHorizontalPodAutoscalerBehavior behavior = spec.behavior();
    return behavior == null ? new GrayStrategies(Optional.empty(), Optional.empty())
        : new GrayStrategies(strategy(behavior.scaleUp()), strategy(behavior.scaleDown()));
  }

  private static Optional<GrayStrategy> strategy(ScalingBehavior scaling) {
    if (scaling == null || scaling.grayStrategy() == null) {
      return Optional.empty();
    }
    dev.reflex.api.v1alpha1.GrayStrategy gray = scaling.grayStrategy();
    return Optional.of(new GrayStrategy(gray.grayState() == null ? GrayState.ONLINE
            : GrayState.fromApi(gray.grayState().name()), gray.changeIntervalSeconds(), gray.changePercent(),
        orZero(gray.observationSeconds())));
  }

  /** {@code Both}, {@code Up}, {@code Down} or {@code Neither}, from {@code behavior.scaleUp/scaleDown.disabled}. */
  public static String allowedScalingDirection(IntelligentHorizontalPodAutoscalerSpec spec) {
    IntelligentHorizontalPodAutoscalerBehavior behavior = spec.behavior();
    boolean upDisabled = behavior != null && disabled(behavior.scaleUp());
    boolean downDisabled = behavior != null && disabled(behavior.scaleDown());
    if (upDisabled && downDisabled) {
      return "Neither";
    }
    return upDisabled ? "Down" : downDisabled ? "Up" : "Both";
  }

  private static boolean disabled(ScalingBehavior scaling) {
    return scaling != null && Boolean.TRUE.equals(scaling.disabled());
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** The ReplicaProfile behavior the IHPA asks for, or the default. */
  public static JsonObject replicaProfileBehavior(JsonObject spec) {
    JsonObject given = spec.getJsonObject("behavior", new JsonObject()).getJsonObject("replicaProfile");
    if (given != null) {
      return given.copy();
    }
    return new JsonObject().put("podSorter", new JsonObject().put("type", "WorkloadDefault"))
        .put("podTrafficController", new JsonObject().put("type", "ReadinessGate"));
  }

  public static ReplicaProfile profile(ReplicaProfileSpec rpSpec) {
    return new ReplicaProfile(orZero(rpSpec.onlineReplicas()), orZero(rpSpec.cutoffReplicas()),
        orZero(rpSpec.standbyReplicas()));
  }

  /** The profile of a ReplicaProfile's spec as stored (the IHPA compares it with what it would write). */
  public static ReplicaProfile profile(JsonObject rpSpec) {
    return new ReplicaProfile(rpSpec.getInteger("onlineReplicas", 0), rpSpec.getInteger("cutoffReplicas", 0),
        rpSpec.getInteger("standbyReplicas", 0));
  }

  public static JsonObject portraitValue(PortraitValue value) {
    JsonObject json = new JsonObject().put("provider", value.provider()).put("replicas", value.replicas());
    value.expireTime().ifPresent(t -> json.put("expireTime", t.toString()));
    return json;
  }

  public static JsonObject progressJson(GrayProgress progress) {
    return new JsonObject().put("direction", progress.direction().name())
        .put("start", new JsonObject().put("online", progress.start().online())
            .put("cutoff", progress.start().cutoff()).put("standby", progress.start().standby()))
        .put("target", progress.target()).put("percent", progress.percent())
        .put("lastUpdate", progress.lastUpdate().toString());
  }

  /** The gray plan stored on a ReplicaProfile, if readable. */
  public static Optional<GrayProgress> progress(JsonObject replicaProfile) {
    if (replicaProfile == null) {
      return Optional.empty();
    }
    JsonObject annotations = replicaProfile.getJsonObject("metadata").getJsonObject("annotations");
    String text = annotations == null ? null : annotations.getString(GRAY_PROGRESS_ANNOTATION);
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonObject p = new JsonObject(text);
      JsonObject start = p.getJsonObject("start");
      return Optional.of(new GrayProgress(Direction.valueOf(p.getString("direction")),
          new ReplicaProfile(start.getInteger("online"), start.getInteger("cutoff"), start.getInteger("standby")),
          p.getInteger("target"), p.getInteger("percent"), Instant.parse(p.getString("lastUpdate"))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The Knative decider spec of a {@code KPA} portrait: the per-pod target comes from {@code metrics[0]} (a Pods
   * metric with an AverageValue target; a name mentioning requests or rps means an rps metric, anything else
   * concurrency), the window and rate settings from {@code algorithm.kpa}, with Knative's defaults for the rest.
   *
   * @throws IllegalArgumentException naming the field when the portrait cannot drive KPA
   */
  public static DeciderSpec kpaSpec(PortraitSpec portraitSpec) {
    List<MetricSpec> metrics = portraitSpec.metrics() == null ? List.of() : portraitSpec.metrics();
    if (metrics.isEmpty() || metrics.get(0).pods() == null) {
      throw new IllegalArgumentException("metrics[0]: the KPA algorithm needs a Pods metric");
    }
    PodsMetricSource pods = metrics.get(0).pods();
    String name = pods.metric() == null || pods.metric().name() == null ? "" : pods.metric().name();
    Object average = pods.target() == null ? null : pods.target().averageValue();
    if (average == null) {
      throw new IllegalArgumentException("metrics[0].pods.target.averageValue: the per-pod target is required");
    }
    double target = Quantity.parseMilli(String.valueOf(average)) / 1000.0;
    String lower = name.toLowerCase(Locale.ROOT);
    String metric = lower.contains("request") || lower.contains("rps") ? "rps" : "concurrency";
    KpaPortraitAlgorithm kpa = portraitSpec.algorithm() == null ? null : portraitSpec.algorithm().kpa();
    Map<String, Object> keys = new java.util.HashMap<>(kpaAlgorithmKeys(kpa));
    keys.put("metric", metric);
    keys.put("target", target);
    try {
      return DeciderSpec.resolve(KpaConfig.fromMap(keys, KpaTarget.KEYS), KpaTarget.fromMap(keys));
    } catch (KpaInputException e) {
      throw new IllegalArgumentException("algorithm.kpa: " + e.getMessage(), e);
    }
  }

  /**
   * The Knative keys a KPA algorithm sets ({@code stable-window}, {@code panic-threshold-percentage}, ...), without
   * the metric and target, which come from the portrait's first metric; empty for no algorithm block.
   */
  public static Map<String, Object> kpaAlgorithmKeys(KpaPortraitAlgorithm kpa) {
    Map<String, Object> keys = new java.util.HashMap<>();
    if (kpa != null) {
      putIfPresent(keys, "target-utilization-percentage", kpa.targetUtilizationPercentage());
      putIfPresent(keys, "stable-window", kpa.stableWindow());
      putIfPresent(keys, "panic-window-percentage", kpa.panicWindowPercentage());
      putIfPresent(keys, "panic-threshold-percentage", kpa.panicThresholdPercentage());
      putIfPresent(keys, "max-scale-up-rate", kpa.maxScaleUpRate());
      putIfPresent(keys, "max-scale-down-rate", kpa.maxScaleDownRate());
      putIfPresent(keys, "scale-down-delay", kpa.scaleDownDelay());
      putIfPresent(keys, "target-burst-capacity", kpa.targetBurstCapacity());
    }
    return keys;
  }

  /** The name of the streamed metric a KPA portrait reads: {@code metrics[0].pods.metric.name}. */
  public static String kpaMetric(PortraitSpec portraitSpec) {
    return portraitSpec.metrics().get(0).pods().metric().name();
  }

  private static void putIfPresent(Map<String, Object> keys, String key, Object value) {
    if (value != null) {
      keys.put(key, value);
    }
  }

  /**
   * The {@code portraitData} of a result ConfigMap ({@code type}, {@code expireTime}, {@code timeSeries}). Timestamps
   * may be integers or integral floats ({@code "1698231600.0"}), as Kapacity's algorithm job writes them.
   *
   * @throws IllegalArgumentException naming the key when the data is malformed
   */
  public static JsonObject resultPortraitData(Map<String, Object> data) {
    Object type = data.get("type");
    if (!"TimeSeries".equals(type)) {
      throw new IllegalArgumentException("type: unsupported result type '" + type + "' (expected TimeSeries)");
    }
    Object series = data.get("timeSeries");
    if (series == null) {
      throw new IllegalArgumentException("timeSeries: missing");
    }
    JsonObject points;
    try {
      points = new JsonObject(String.valueOf(series));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("timeSeries: not a JSON object of timestamp -> replicas");
    }
    List<TimeSeriesPoint> parsed = new ArrayList<>();
    for (Map.Entry<String, Object> e : points) {
      try {
        parsed.add(TimeSeriesPoint.parse(e.getKey(), String.valueOf(e.getValue())));
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("timeSeries: bad point '" + e.getKey() + "': " + ex.getMessage());
      }
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("timeSeries: no points");
    }
    parsed.sort(Comparator.comparing(TimeSeriesPoint::timestamp));
    JsonArray array = new JsonArray();
    parsed.forEach(p -> array.add(new JsonObject().put("timestamp", p.timestamp().getEpochSecond())
        .put("replicas", p.replicas())));
    JsonObject portraitData = new JsonObject().put("type", "TimeSeries")
        .put("timeSeries", new JsonObject().put("timeSeries", array));
    Object expire = data.get("expireTime");
    if (expire != null && !String.valueOf(expire).isBlank()) {
      Optional<Instant> at = instant(String.valueOf(expire));
      if (at.isEmpty()) {
        throw new IllegalArgumentException("expireTime: not an RFC 3339 time: " + expire);
      }
      portraitData.put("expireTime", at.get().toString());
    }
    return portraitData;
  }

  static Optional<Instant> instant(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }
}
