package dev.reflex.decide;

import dev.reflex.core.kpa.Aggregation;
import dev.reflex.core.kpa.BucketWindow;
import dev.reflex.core.kpa.DeciderSpec;
import dev.reflex.core.kpa.KpaConfig;
import dev.reflex.core.kpa.KpaInputException;
import dev.reflex.core.kpa.KpaState;
import dev.reflex.core.kpa.KpaTarget;
import dev.reflex.core.kpa.MaxWindow;
import dev.reflex.core.kpa.Sample;
import dev.reflex.core.kpa.ScalingMetric;
import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON mapping of the KPA records for {@code reflex decide}: reads {@code kpa} keys or a {@code deciderSpec},
 * samples and a {@code state}, and writes them back. Every reading error is a {@link InvalidFieldException} whose
 * field is the JSON path, such as {@code state.stableWindow.buckets[3]}.
 */
final class KpaJson {

  private static final Map<String, String> SPEC_FIELD_NAMES = Map.of(
      "stableWindow", "stableWindowSeconds",
      "panicWindow", "panicWindowSeconds",
      "scaleDownDelay", "scaleDownDelaySeconds",
      "scaleToZeroGracePeriod", "scaleToZeroGracePeriodSeconds",
      "scaleToZeroPodRetentionPeriod", "scaleToZeroPodRetentionPeriodSeconds",
      "aggregation", "metricAggregationAlgorithm");

  private static final Set<String> SPEC_KEYS = Set.of("scalingMetric", "targetValue", "totalValue",
      "targetBurstCapacity", "panicThreshold", "maxScaleUpRate", "maxScaleDownRate", "stableWindowSeconds",
      "panicWindowSeconds", "scaleDownDelaySeconds", "activationScale", "activatorCapacity", "initialScale",
      "minScale", "maxScale", "reachable", "enableScaleToZero", "scaleToZeroGracePeriodSeconds",
      "scaleToZeroPodRetentionPeriodSeconds", "metricAggregationAlgorithm");

  private KpaJson() {
  }

  // ---- spec ----

  /** Resolves {@code kpa} (config-autoscaler and per-target keys) into a spec. */
  static DeciderSpec specFromKpa(JsonObject kpa) {
    Map<String, Object> map = kpa.getMap();
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      Object value = entry.getValue();
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new InvalidFieldException("kpa." + entry.getKey(), "must be a string, number or boolean");
      }
    }
    try {
      KpaConfig config = KpaConfig.fromMap(map, KpaTarget.KEYS);
      KpaTarget target = KpaTarget.fromMap(map);
      return DeciderSpec.resolve(config, target);
    } catch (KpaInputException e) {
      throw new InvalidFieldException("kpa." + e.field(), e.problem());
    }
  }

  /** Reads a resolved {@code deciderSpec}; absent fields take the values Knative's defaults resolve to. */
  static DeciderSpec specFromJson(JsonObject json) {
    String path = "deciderSpec";
    for (String key : json.fieldNames()) {
      if (!SPEC_KEYS.contains(key)) {
        throw new InvalidFieldException(path + "." + key, "unknown field");
      }
    }
    DeciderSpec d = DeciderSpec.resolve(KpaConfig.defaults(), KpaTarget.defaults());
    ScalingMetric metric = d.scalingMetric();
    if (json.containsKey("scalingMetric")) {
      String name = string(json, "scalingMetric", path);
      try {
        metric = ScalingMetric.parse(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(path + ".scalingMetric", e.getMessage());
      }
    }
    Aggregation aggregation = d.aggregation();
    if (json.containsKey("metricAggregationAlgorithm")) {
      String name = string(json, "metricAggregationAlgorithm", path);
      try {
        aggregation = Aggregation.parse(name);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(path + ".metricAggregationAlgorithm", e.getMessage());
      }
    }
    Duration stable = seconds(json, "stableWindowSeconds", path, d.stableWindow());
    try {
      return new DeciderSpec(metric,
          number(json, "targetValue", path, d.targetValue()),
          number(json, "totalValue", path, d.totalValue()),
          number(json, "targetBurstCapacity", path, d.targetBurstCapacity()),
          number(json, "panicThreshold", path, d.panicThreshold()),
          number(json, "maxScaleUpRate", path, d.maxScaleUpRate()),
          number(json, "maxScaleDownRate", path, d.maxScaleDownRate()),
          stable,
          json.containsKey("panicWindowSeconds") ? seconds(json, "panicWindowSeconds", path, null)
              : DeciderSpec.panicWindow(stable, KpaConfig.defaults().panicWindowPercentage()),
          seconds(json, "scaleDownDelaySeconds", path, d.scaleDownDelay()),
          integer(json, "activationScale", path, d.activationScale()),
          number(json, "activatorCapacity", path, d.activatorCapacity()),
          integer(json, "initialScale", path, d.initialScale()),
          integer(json, "minScale", path, d.minScale()),
          integer(json, "maxScale", path, d.maxScale()),
          bool(json, "reachable", path, d.reachable()),
          bool(json, "enableScaleToZero", path, d.enableScaleToZero()),
          seconds(json, "scaleToZeroGracePeriodSeconds", path, d.scaleToZeroGracePeriod()),
          seconds(json, "scaleToZeroPodRetentionPeriodSeconds", path, d.scaleToZeroPodRetentionPeriod()),
          aggregation);
    } catch (KpaInputException e) {
      throw new InvalidFieldException(path + "." + SPEC_FIELD_NAMES.getOrDefault(e.field(), e.field()), e.problem());
    }
  }

  static JsonObject specToJson(DeciderSpec spec) {
    return new JsonObject()
        .put("scalingMetric", spec.scalingMetric().wireName())
        .put("targetValue", spec.targetValue())
        .put("totalValue", spec.totalValue())
        .put("targetBurstCapacity", spec.targetBurstCapacity())
        .put("panicThreshold", spec.panicThreshold())
        .put("maxScaleUpRate", spec.maxScaleUpRate())
        .put("maxScaleDownRate", spec.maxScaleDownRate())
        .put("stableWindowSeconds", spec.stableWindow().getSeconds())
        .put("panicWindowSeconds", spec.panicWindow().getSeconds())
        .put("scaleDownDelaySeconds", spec.scaleDownDelay().getSeconds())
        .put("activationScale", spec.activationScale())
        .put("activatorCapacity", spec.activatorCapacity())
        .put("initialScale", spec.initialScale())
        .put("minScale", spec.minScale())
        .put("maxScale", spec.maxScale())
        .put("reachable", spec.reachable())
        .put("enableScaleToZero", spec.enableScaleToZero())
        .put("scaleToZeroGracePeriodSeconds", seconds(spec.scaleToZeroGracePeriod()))
        .put("scaleToZeroPodRetentionPeriodSeconds", seconds(spec.scaleToZeroPodRetentionPeriod()))
        .put("metricAggregationAlgorithm", spec.aggregation().wireName());
  }

  // ---- samples ----

  static List<Sample> samples(JsonObject document) {
    Object raw = document.getValue("samples");
    if (!(raw instanceof JsonArray array)) {
      throw new InvalidFieldException("samples", "must be an array of {\"time\",\"value\"}");
    }
    List<Sample> samples = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String path = "samples[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject sample)) {
        throw new InvalidFieldException(path, "must be an object {\"time\",\"value\"}");
      }
      Instant time = instant(sample, "time", path);
      Object value = sample.getValue("value");
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        throw new InvalidFieldException(path + ".value", value == null ? "missing" : "must be a finite number");
      }
      samples.add(new Sample(time, number.doubleValue()));
    }
    return samples;
  }

  // ---- state ----

  static JsonObject stateToJson(KpaState state) {
    JsonObject json = new JsonObject()
        .put("panicStart", state.panicStart() == null ? null : state.panicStart().toString())
        .put("maxPanicPods", state.maxPanicPods())
        .put("activity", state.activity() == KpaState.Activity.ACTIVE ? "Active" : "Inactive")
        .put("activitySince", state.activitySince().toString())
        .put("initialized", state.initialized());
    if (state.stableWindow() != null) {
      json.put("stableWindow", windowToJson(state.stableWindow()));
      json.put("panicWindow", windowToJson(state.panicWindow()));
    }
    if (state.delayWindow() != null) {
      MaxWindow w = state.delayWindow();
      JsonArray entries = new JsonArray();
      long[] indexes = w.indexes();
      int[] values = w.values();
      for (int i = 0; i < indexes.length; i++) {
        entries.add(new JsonObject().put("index", indexes[i]).put("value", values[i]));
      }
      json.put("delayWindow", new JsonObject().put("size", w.size()).put("entries", entries));
    }
    return json;
  }

  private static JsonObject windowToJson(BucketWindow window) {
    JsonObject json = new JsonObject().put("seconds", window.seconds())
        .put("algorithm", window.aggregation().wireName());
    if (window.written()) {
      JsonArray buckets = new JsonArray();
      for (double b : window.bucketsInRingOrder()) {
        buckets.add(b);
      }
      json.put("firstWrite", window.firstWrite()).put("lastWrite", window.lastWrite()).put("total", window.total())
          .put("buckets", buckets);
    }
    return json;
  }

  static KpaState stateFromJson(JsonObject json) {
    String path = "state";
    Instant panicStart = json.getValue("panicStart") == null ? null : instant(json, "panicStart", path);
    int maxPanicPods = integer(json, "maxPanicPods", path, null);
    if (maxPanicPods < 0) {
      throw new InvalidFieldException(path + ".maxPanicPods", "must be at least 0");
    }
    String activityName = string(json, "activity", path);
    KpaState.Activity activity;
    if (activityName.equals("Active")) {
      activity = KpaState.Activity.ACTIVE;
    } else if (activityName.equals("Inactive")) {
      activity = KpaState.Activity.INACTIVE;
    } else {
      throw new InvalidFieldException(path + ".activity", "must be \"Active\" or \"Inactive\"");
    }
    Instant since = instant(json, "activitySince", path);
    boolean initialized = bool(json, "initialized", path, null);
    BucketWindow stable = null;
    BucketWindow panic = null;
    if (json.getValue("stableWindow") != null || json.getValue("panicWindow") != null) {
      stable = windowFromJson(object(json, "stableWindow", path), path + ".stableWindow");
      panic = windowFromJson(object(json, "panicWindow", path), path + ".panicWindow");
    }
    MaxWindow delay = null;
    if (json.getValue("delayWindow") != null) {
      String dpath = path + ".delayWindow";
      JsonObject dw = object(json, "delayWindow", path);
      int size = integer(dw, "size", dpath, null);
      if (size < 1) {
        throw new InvalidFieldException(dpath + ".size", "must be at least 1");
      }
      JsonArray entries = array(dw, "entries", dpath);
      long[] indexes = new long[entries.size()];
      int[] values = new int[entries.size()];
      for (int i = 0; i < entries.size(); i++) {
        String epath = dpath + ".entries[" + i + "]";
        if (!(entries.getValue(i) instanceof JsonObject entry)) {
          throw new InvalidFieldException(epath, "must be an object {\"index\",\"value\"}");
        }
        indexes[i] = longValue(entry, "index", epath);
        values[i] = integer(entry, "value", epath, null);
      }
      try {
        delay = MaxWindow.restore(size, indexes, values);
      } catch (IllegalArgumentException e) {
        throw new InvalidFieldException(dpath + ".entries", e.getMessage());
      }
    }
    return new KpaState(panicStart, maxPanicPods, stable, panic, delay, activity, since, initialized);
  }

  private static BucketWindow windowFromJson(JsonObject json, String path) {
    int seconds = integer(json, "seconds", path, null);
    if (seconds < 1 || seconds > 3600) {
      throw new InvalidFieldException(path + ".seconds", "must be in [1, 3600]");
    }
    Aggregation aggregation;
    try {
      aggregation = Aggregation.parse(string(json, "algorithm", path));
    } catch (IllegalArgumentException e) {
      throw new InvalidFieldException(path + ".algorithm", e.getMessage());
    }
    if (json.getValue("buckets") == null) {
      return BucketWindow.empty(seconds, aggregation);
    }
    JsonArray array = array(json, "buckets", path);
    if (array.size() != seconds) {
      throw new InvalidFieldException(path + ".buckets", "must have " + seconds + " entries, had " + array.size());
    }
    double[] buckets = new double[seconds];
    for (int i = 0; i < seconds; i++) {
      if (!(array.getValue(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw new InvalidFieldException(path + ".buckets[" + i + "]", "must be a finite number");
      }
      buckets[i] = ((Number) array.getValue(i)).doubleValue();
    }
    long firstWrite = longValue(json, "firstWrite", path);
    long lastWrite = longValue(json, "lastWrite", path);
    if (firstWrite > lastWrite) {
      throw new InvalidFieldException(path + ".firstWrite", "must not be after lastWrite");
    }
    double total = number(json, "total", path, null);
    return BucketWindow.restore(aggregation, buckets, firstWrite, lastWrite, total);
  }

  // ---- typed field readers: each names the JSON path on failure ----

  static Instant instant(JsonObject json, String key, String parent) {
    String path = join(parent, key);
    Object value = json.getValue(key);
    if (value == null) {
      throw new InvalidFieldException(path, "missing");
    }
    if (value instanceof Number number) {
      double seconds = number.doubleValue();
      if (!Double.isFinite(seconds) || Math.abs(seconds) > 1e15) {
        throw new InvalidFieldException(path, "epoch seconds out of range");
      }
      long whole = (long) Math.floor(seconds);
      return Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
    }
    if (!(value instanceof String text)) {
      throw new InvalidFieldException(path, "must be an RFC 3339 timestamp string");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(path, "\"" + text + "\" is not an RFC 3339 timestamp");
    }
  }

  static double number(JsonObject json, String key, String parent, Double fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      if (fallback == null) {
        throw new InvalidFieldException(join(parent, key), "missing");
      }
      return fallback;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
      throw new InvalidFieldException(join(parent, key), "must be a finite number");
    }
    return number.doubleValue();
  }

  static int integer(JsonObject json, String key, String parent, Integer fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      if (fallback == null) {
        throw new InvalidFieldException(join(parent, key), "missing");
      }
      return fallback;
    }
    if (!(value instanceof Number number)) {
      throw new InvalidFieldException(join(parent, key), "must be an integer");
    }
    double d = number.doubleValue();
    if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
      throw new InvalidFieldException(join(parent, key), "must be a 32-bit integer");
    }
    return (int) d;
  }

  private static long longValue(JsonObject json, String key, String parent) {
    Object value = json.getValue(key);
    if (value == null) {
      throw new InvalidFieldException(join(parent, key), "missing");
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      throw new InvalidFieldException(join(parent, key), "must be an integer");
    }
    return ((Number) value).longValue();
  }

  static boolean bool(JsonObject json, String key, String parent, Boolean fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      if (fallback == null) {
        throw new InvalidFieldException(join(parent, key), "missing");
      }
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      throw new InvalidFieldException(join(parent, key), "must be a boolean");
    }
    return b;
  }

  static String string(JsonObject json, String key, String parent) {
    Object value = json.getValue(key);
    if (value == null) {
      throw new InvalidFieldException(join(parent, key), "missing");
    }
    if (!(value instanceof String s)) {
      throw new InvalidFieldException(join(parent, key), "must be a string");
    }
    return s;
  }

  static JsonObject object(JsonObject json, String key, String parent) {
    Object value = json.getValue(key);
    if (value == null) {
      throw new InvalidFieldException(join(parent, key), "missing");
    }
    if (!(value instanceof JsonObject o)) {
      throw new InvalidFieldException(join(parent, key), "must be an object");
    }
    return o;
  }

  private static JsonArray array(JsonObject json, String key, String parent) {
    Object value = json.getValue(key);
    if (value == null) {
      throw new InvalidFieldException(join(parent, key), "missing");
    }
    if (!(value instanceof JsonArray a)) {
      throw new InvalidFieldException(join(parent, key), "must be an array");
    }
    return a;
  }

  private static Duration seconds(JsonObject json, String key, String parent, Duration fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      if (fallback == null) {
        throw new InvalidFieldException(join(parent, key), "missing");
      }
      return fallback;
    }
    if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())
        || Math.abs(number.doubleValue()) > 1e12) {
      throw new InvalidFieldException(join(parent, key), "must be a number of seconds");
    }
    return Duration.ofNanos(Math.round(number.doubleValue() * 1e9));
  }

  private static Object seconds(Duration duration) {
    if (duration.getNano() == 0) {
      return duration.getSeconds();
    }
    return duration.toNanos() / 1e9;
  }

  private static String join(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
