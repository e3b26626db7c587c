package dev.reflex.app;

import dev.reflex.bus.Codecs;
import dev.reflex.taps.TapHub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * The Vert.x instance and what hangs off it for the life of the process: the Prometheus registry (fed by Vert.x's
 * own metrics and ours), the codec and the tap interceptor on the bus.
 *
 * @param vertx the one Vert.x instance
 * @param registry the metrics registry behind {@code /metrics}
 * @param taps the tap hub, already installed on the bus
 */
public record Runtime(Vertx vertx, PrometheusMeterRegistry registry, TapHub taps) {

  public static Runtime create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    VertxOptions options = new VertxOptions()
        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true));
    Vertx vertx = Vertx.builder().with(options).withMetrics(new MicrometerMetricsFactory(registry)).build();
    Codecs.register(vertx.eventBus());
    TapHub taps = new TapHub(registry);
    taps.install(vertx.eventBus());
    return new Runtime(vertx, registry, taps);
  }
}
