package dev.reflex.controller;

import dev.reflex.api.v1alpha1.HorizontalPortraitSpec;
import dev.reflex.bus.TargetKey;
import dev.reflex.kube.ResourceCache;
import dev.reflex.kube.ResourceCache.Kind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ExternalJob}: keeps the algorithm's CronJob in line with the portrait's template, then reads the job's
 * latest result, the ConfigMap {@code <portrait>-result}, as a TimeSeries portrait. A malformed result fails the
 * pass and keeps the last valid portrait, which expires on its own.
 */
final class ExternalJobPortraitGenerator implements PortraitGenerator {

  private final ResourceCache cache;
  private final AlgorithmJobs jobs;
  /** Portraits we made a CronJob for, so one that switches to another algorithm loses its CronJob. */
  private final Set<TargetKey> withJob = new HashSet<>();

  ExternalJobPortraitGenerator(ResourceCache cache, AlgorithmJobs jobs) {
    this.cache = cache;
    this.jobs = jobs;
  }

  @Override
  public Future<PortraitOutcome> generate(TargetKey key, JsonObject portrait, HorizontalPortraitSpec spec,
      Instant now) {
    // The template is copied into the CronJob as the user wrote it, so it is read from the stored JSON.
    JsonObject template = portrait.getJsonObject("spec").getJsonObject("algorithm", new JsonObject())
        .getJsonObject("externalJob", new JsonObject()).getJsonObject("job", new JsonObject())
        .getJsonObject("cronJob", new JsonObject()).getJsonObject("template", new JsonObject());
    withJob.add(key);
    String resultName = key.name() + "-result";
    return jobs.ensure(key.namespace(), key.name(), Objects.toString(spec.portraitType(), ""), template)
        .map(v -> result(resultName, cache.get(Kind.CONFIG_MAP, key.namespace(), resultName)))
        .recover(e -> Future.succeededFuture(new PortraitOutcome.Failed("FailedReconcileExternalAlgorithmJob",
            "failed to reconcile external algorithm job: " + e.getMessage(), Optional.empty(), true)));
  }

  /** The portrait the job's result ConfigMap {@code name} makes ({@code null} when it does not exist yet). */
  static PortraitOutcome result(String name, JsonObject configMap) {
    if (configMap == null) {
      return fetchFailed("ConfigMap " + name + " not found yet");
    }
    try {
      return new PortraitOutcome.Generated(
          ApiMapping.resultPortraitData(configMap.getJsonObject("data", new JsonObject()).getMap()), Optional.empty());
    } catch (IllegalArgumentException e) {
      return fetchFailed("ConfigMap " + name + ": " + e.getMessage());
    }
  }

  private static PortraitOutcome fetchFailed(String why) {
    return new PortraitOutcome.Failed("FailedFetchExternalAlgorithmJobResult",
        "failed to fetch external algorithm job result: " + why, Optional.empty());
  }

  /**
   * Removes the CronJob of a portrait that switched away or is gone. A gone portrait's CronJob is tried by its
   * conventional name even when this process never made it (it may have been made before a restart): a missing
   * CronJob is not an error.
   */
  @Override
  public Future<Void> forget(TargetKey key, boolean deleted) {
    boolean made = withJob.remove(key);
    return made || deleted ? jobs.remove(key.namespace(), key.name()) : Future.succeededFuture();
  }
}
