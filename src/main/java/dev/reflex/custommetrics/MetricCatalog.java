package dev.reflex.custommetrics;

import io.vertx.core.Future;
import java.util.List;

/**
 * The metrics a backend can serve, for the resource lists (metric discovery): Prometheus lists the series of each
 * adapter rule. Streamed metrics are listed by {@link StreamedSamples} and need no catalog.
 */
interface MetricCatalog {

  /** No backend: only streamed metrics are listed. */
  MetricCatalog NONE = new MetricCatalog() {
    @Override
    public Future<List<MetricsApiJson.Listed>> custom() {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<List<MetricsApiJson.Listed>> external() {
      return Future.succeededFuture(List.of());
    }
  };

  /** Custom metrics as {@code <resource>/<metric>} entries. */
  Future<List<MetricsApiJson.Listed>> custom();

  /** External metric names. */
  Future<List<MetricsApiJson.Listed>> external();
}
