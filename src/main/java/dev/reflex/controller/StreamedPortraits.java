package dev.reflex.controller;

import dev.reflex.bus.MetricsPortrait;
import dev.reflex.bus.TargetKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The controllers' one copy of the latest streamed recommendation per workload, as it arrived on
 * {@code reflex.metrics.portrait}: the IHPA controller reads it to act on a burst at once, the HorizontalPortrait
 * controller to record it as the KPA portrait's value. Touched on the controllers' context only.
 */
final class StreamedPortraits {

  private final Map<TargetKey, MetricsPortrait> latest = new HashMap<>();

  void arrived(MetricsPortrait portrait) {
    latest.put(portrait.target(), portrait);
  }

  Optional<MetricsPortrait> latest(TargetKey workload) {
    return Optional.ofNullable(latest.get(workload));
  }

  /** Forgets a workload no KPA portrait decides for any more. */
  void forget(TargetKey workload) {
    latest.remove(workload);
  }
}
