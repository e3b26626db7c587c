package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.CronJobPortraitAlgorithmJob;
import dev.reflex.api.v1alpha1.ExternalJobPortraitAlgorithm;
import dev.reflex.api.v1alpha1.ForecastPortraitAlgorithm;
import dev.reflex.api.v1alpha1.KpaPortraitAlgorithm;
import dev.reflex.api.v1alpha1.KubeHPAPortraitAlgorithm;
import dev.reflex.api.v1alpha1.PortraitAlgorithmJob;
import dev.reflex.api.v1alpha1.PortraitAlgorithmJobType;
import dev.reflex.api.v1alpha1.PortraitAlgorithmResultSource;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/**
 * Rules for the parameters of each algorithm type. Ranges follow the algorithms: the Kubernetes HPA for KubeHPA,
 * Knative's autoscaler limits for KPA (stable window 6s to 1h, panic window 1 to 100 percent of it, panic
 * threshold 110 to 1000 percent, rates above 1, burst capacity at least 0 or -1), and for Forecast enough history
 * to see two seasons.
 */
final class AlgorithmRules {

  private static final Duration ONE_HOUR = Duration.ofHours(1);

  private AlgorithmRules() {
  }

  static void kubeHpa(Checks checks, String path, KubeHPAPortraitAlgorithm p) {
    if (p == null) {
      return;
    }
    DurationFields.check(checks, path + ".syncPeriod", p.syncPeriod(), Duration.ofSeconds(1), null, false);
    Decimals.check(checks, path + ".tolerance", p.tolerance(), "0", null)
        .filter(v -> v.compareTo(BigDecimal.ONE) >= 0)
        .ifPresent(v -> checks.add(path + ".tolerance", "must be below 1, got " + p.tolerance()));
    DurationFields.check(checks, path + ".cpuInitializationPeriod", p.cpuInitializationPeriod(), Duration.ZERO,
        null, false);
    DurationFields.check(checks, path + ".initialReadinessDelay", p.initialReadinessDelay(), Duration.ZERO, null,
        false);
  }

  static void kpa(Checks checks, String path, KpaPortraitAlgorithm p) {
    if (p == null) {
      return;
    }
    Decimals.check(checks, path + ".target", p.target(), "0.01", null);
    checks.atLeast(path + ".targetUtilizationPercentage", p.targetUtilizationPercentage(), 1);
    checks.atMost(path + ".targetUtilizationPercentage", p.targetUtilizationPercentage(), 100);
    DurationFields.check(checks, path + ".stableWindow", p.stableWindow(), Duration.ofSeconds(6), ONE_HOUR, true);
    Decimals.check(checks, path + ".panicWindowPercentage", p.panicWindowPercentage(), "1", "100");
    Decimals.check(checks, path + ".panicThresholdPercentage", p.panicThresholdPercentage(), "110", "1000");
    rateAboveOne(checks, path + ".maxScaleUpRate", p.maxScaleUpRate());
    rateAboveOne(checks, path + ".maxScaleDownRate", p.maxScaleDownRate());
    DurationFields.check(checks, path + ".scaleDownDelay", p.scaleDownDelay(), Duration.ZERO, ONE_HOUR, true);
    Decimals.check(checks, path + ".targetBurstCapacity", p.targetBurstCapacity(), "-1", null)
        .filter(v -> v.signum() < 0 && v.compareTo(BigDecimal.ONE.negate()) != 0)
        .ifPresent(v -> checks.add(path + ".targetBurstCapacity",
            "must be at least 0, or -1 for unlimited, got " + p.targetBurstCapacity()));
  }

  static void forecast(Checks checks, String path, ForecastPortraitAlgorithm p) {
    if (p == null) {
      return;
    }
    Optional<Duration> history = DurationFields.check(checks, path + ".historyLength", p.historyLength(),
        Duration.ofMinutes(1), null, false);
    Optional<Duration> season = DurationFields.check(checks, path + ".seasonalityPeriod", p.seasonalityPeriod(),
        Duration.ofMinutes(1), null, false);
    Optional<Duration> freq = DurationFields.check(checks, path + ".scalingFreq", p.scalingFreq(),
        Duration.ofMinutes(1), null, false);
    Optional<Duration> horizon = DurationFields.check(checks, path + ".forecastHorizon", p.forecastHorizon(),
        Duration.ofMinutes(1), null, false);
    Optional<Duration> lead = DurationFields.check(checks, path + ".leadTime", p.leadTime(), Duration.ZERO, null,
        true);
    // Defaults stand in for absent fields so that, say, a 12h history is caught against the default 24h season.
    Duration h = history.orElse(p.historyLength() == null ? Duration.ofHours(168) : null);
    Duration s = season.orElse(p.seasonalityPeriod() == null ? Duration.ofHours(24) : null);
    Duration f = freq.orElse(p.scalingFreq() == null ? Duration.ofMinutes(10) : null);
    Duration z = horizon.orElse(p.forecastHorizon() == null ? Duration.ofHours(1) : null);
    if (h != null && s != null && h.compareTo(s.multipliedBy(2)) < 0) {
      checks.add(path + ".historyLength", "must cover at least two seasonality periods ("
          + DurationFields.format(s.multipliedBy(2)) + "), got " + DurationFields.format(h));
    }
    if (s != null && f != null && s.compareTo(f) < 0) {
      checks.add(path + ".seasonalityPeriod", "must be at least scalingFreq (" + DurationFields.format(f)
          + "), got " + DurationFields.format(s));
    }
    if (z != null && f != null && z.compareTo(f) < 0) {
      checks.add(path + ".forecastHorizon", "must be at least scalingFreq (" + DurationFields.format(f)
          + "), got " + DurationFields.format(z));
    }
    if (z != null && lead.isPresent() && lead.get().compareTo(z) >= 0) {
      checks.add(path + ".leadTime", "must be below forecastHorizon (" + DurationFields.format(z) + "), got "
          + DurationFields.format(lead.get()));
    }
  }

  static void externalJob(Checks checks, String path, ExternalJobPortraitAlgorithm p) {
    if (!checks.required(path, p)) {
      return;
    }
    PortraitAlgorithmJob job = p.job();
    if (checks.required(path + ".job", job) && checks.required(path + ".job.type", job.type())
        && job.type() == PortraitAlgorithmJobType.CronJob) {
      cronJob(checks, path + ".job.cronJob", job.cronJob());
    }
    PortraitAlgorithmResultSource source = p.resultSource();
    if (checks.required(path + ".resultSource", source)) {
      checks.required(path + ".resultSource.type", source.type());
    }
  }

  private static void cronJob(Checks checks, String path, CronJobPortraitAlgorithmJob cronJob) {
    if (cronJob == null) {
      checks.add(path, "is required for job type CronJob");
      return;
    }
    if (!checks.required(path + ".template", cronJob.template())
        || !checks.required(path + ".template.spec", cronJob.template().spec())) {
      return;
    }
    CronJobSpec spec = cronJob.template().spec();
    CronRules.expression(checks, path + ".template.spec.schedule", spec.getSchedule());
    boolean hasContainers = spec.getJobTemplate() != null && spec.getJobTemplate().getSpec() != null
        && spec.getJobTemplate().getSpec().getTemplate() != null
        && spec.getJobTemplate().getSpec().getTemplate().getSpec() != null
        && spec.getJobTemplate().getSpec().getTemplate().getSpec().getContainers() != null
        && !spec.getJobTemplate().getSpec().getTemplate().getSpec().getContainers().isEmpty();
    if (!hasContainers) {
      checks.add(path + ".template.spec.jobTemplate.spec.template.spec.containers",
          "at least one container is required (the one named algorithm gets the default image)");
    }
  }

  private static void rateAboveOne(Checks checks, String field, String text) {
    Decimals.check(checks, field, text, null, null)
        .filter(v -> v.compareTo(BigDecimal.ONE) <= 0)
        .ifPresent(v -> checks.add(field, "must be greater than 1, got " + text));
  }
}
