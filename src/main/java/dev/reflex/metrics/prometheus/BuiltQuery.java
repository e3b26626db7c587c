package dev.reflex.metrics.prometheus;

import java.time.Duration;
import java.util.Optional;

/**
 * PromQL ready to send, with the window to report on its values.
 *
 * @param promql the expression
 * @param window the resource window for resource queries, empty otherwise
 */
public record BuiltQuery(String promql, Optional<Duration> window) {
}
