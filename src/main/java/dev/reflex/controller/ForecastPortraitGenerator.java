package dev.reflex.controller;

import dev.reflex.api.v1alpha1.CrossVersionObjectReference;
import dev.reflex.api.v1alpha1.ForecastPortraitAlgorithm;
import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.bus.TargetKey;
import dev.reflex.core.GoDuration;
import dev.reflex.forecast.ForecastService;
import dev.reflex.forecast.PredictiveQueries;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code Forecast} (our extension): the built-in forecaster fitted on the metric history, off the event loop, as a
 * TimeSeries portrait, refitted every {@code scalingFreq}.
 */
final class ForecastPortraitGenerator implements PortraitGenerator {

  /** When a portrait was last fitted, and on which spec. */
  private record Fit(JsonObject spec, Instant at) {
  }

  private final ResourceCache cache;
  private final ForecastService forecasts;
  private final PodRequests podRequests;
  private final Map<TargetKey, Fit> fits = new HashMap<>();

  ForecastPortraitGenerator(ResourceCache cache, ForecastService forecasts, PodRequests podRequests) {
    this.cache = cache;
    this.forecasts = forecasts;
    this.podRequests = podRequests;
  }

  @Override
  public Future<PortraitOutcome> generate(TargetKey key, JsonObject portrait, HorizontalPortraitSpec typed,
      Instant now) {
    JsonObject spec = portrait.getJsonObject("spec");
    ForecastPortraitAlgorithm algorithm = typed.algorithm().forecast();
    Duration every = GoDuration.tryParse(algorithm == null || algorithm.scalingFreq() == null ? ""
        : algorithm.scalingFreq()).orElse(Duration.ofMinutes(10));
    // A fit reads days of history: refit when due or when the spec changed, not on every change of the portrait
    // (our own status write comes back as one).
    Fit last = fits.get(key);
    if (last != null && last.spec().equals(spec) && now.isBefore(last.at().plus(every))) {
      return Future.succeededFuture(new PortraitOutcome.Hold(Optional.of(last.at().plus(every))));
    }
    fits.put(key, new Fit(spec.copy(), now));
    Optional<Instant> next = Optional.of(now.plus(every));
    PredictiveQueries queries;
    try {
      queries = PredictiveQueries.plan(key.namespace(), typed.scaleTargetRef(), typed.metrics(),
          podRequest(key.namespace(), spec, typed.scaleTargetRef()));
    } catch (RuntimeException e) {
      return Future.succeededFuture(PortraitOutcome.generateFailed(e.getMessage(), next));
    }
    return forecasts.forecast(queries, algorithm, now)
        .<PortraitOutcome>map(forecast -> {
          JsonArray points = new JsonArray();
          forecast.points().forEach(p -> points.add(new JsonObject().put("timestamp", p.timestamp().getEpochSecond())
              .put("replicas", p.replicas())));
          JsonObject data = new JsonObject().put("type", "TimeSeries")
              .put("timeSeries", new JsonObject().put("timeSeries", points))
              .put("expireTime", forecast.expireTime().toString());
          return new PortraitOutcome.Generated(data, next);
        })
        .recover(e -> Future.succeededFuture(PortraitOutcome.generateFailed(e.getMessage(), next)));
  }

  /** The request of the first metric's resource, for a Utilization target; pods found by the workload's name. */
  private OptionalDouble podRequest(String namespace, JsonObject spec, CrossVersionObjectReference target) {
    JsonArray metrics = spec.getJsonArray("metrics", new JsonArray());
    if (metrics.isEmpty()) {
      return OptionalDouble.empty();
    }
    JsonObject first = metrics.getJsonObject(0);
    JsonObject source = first.getJsonObject("resource", first.getJsonObject("containerResource"));
    if (source == null) {
      return OptionalDouble.empty();
    }
    String prefix = target.name() + "-";
    return podRequests.of(namespace, target, cache.list(Kind.POD, namespace).stream()
        .filter(pod -> pod.getJsonObject("metadata").getString("name", "").startsWith(prefix)).toList(),
        source.getString("name"));
  }

  @Override
  public Future<Void> forget(TargetKey key, boolean deleted) {
    fits.remove(key);
    return Future.succeededFuture();
  }
}
