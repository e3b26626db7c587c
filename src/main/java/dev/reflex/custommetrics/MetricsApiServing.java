package dev.reflex.custommetrics;

import dev.reflex.config.ConfigException;
import dev.reflex.config.ReflexConfig;
import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * The certificate the metrics APIs serve with: the PEM files of {@code custom-metrics.tls-cert} and
 * {@code tls-key} (cert-manager's, in a cluster), or, with neither set, one Reflex issues itself at start for the
 * Service's names, as prometheus-adapter does without {@code --tls-cert-file}.
 */
public final class MetricsApiServing {

  /** The Service the APIServices name, in {@code deploy/} and in the embedded cluster. */
  public static final String SERVICE = "reflex-custom-metrics";
  public static final String NAMESPACE = "reflex-system";

  /**
   * @param caPem the CA that signed a self-issued certificate (the APIServices' caBundle), empty for files
   */
  public record Serving(MetricsApiVerticle.Tls tls, String caPem) {
  }

  private MetricsApiServing() {
  }

  /** Reads the files (without blocking) or issues a certificate. */
  public static Future<Serving> tls(Vertx vertx, ReflexConfig.CustomMetrics settings, Clock clock) {
    boolean cert = !settings.tlsCert().isBlank();
    boolean key = !settings.tlsKey().isBlank();
    if (cert != key) {
      return Future.failedFuture(new ConfigException(
          "custom-metrics.tls-cert and custom-metrics.tls-key: set both or neither"));
    }
    if (!cert) {
      String service = SERVICE + "." + NAMESPACE;
      ServingCertificates issued = ServingCertificates.issue(List.of(SERVICE, service, service + ".svc",
          service + ".svc.cluster.local", "localhost"), List.of("127.0.0.1"), clock.instant());
      return Future.succeededFuture(new Serving(new MetricsApiVerticle.Tls(issued.certificatePem(),
          issued.privateKeyPem()), issued.caPem()));
    }
    return read(vertx, settings.tlsCert(), "custom-metrics.tls-cert").compose(certificate ->
        read(vertx, settings.tlsKey(), "custom-metrics.tls-key").map(privateKey ->
            new Serving(new MetricsApiVerticle.Tls(certificate, privateKey), "")));
  }

  private static Future<String> read(Vertx vertx, String path, String key) {
    return vertx.fileSystem().readFile(path).map(b -> b.toString())
        .recover(e -> Future.failedFuture(new ConfigException("cannot read " + path + " (configuration key '" + key
            + "'): " + e.getMessage(), e)));
  }
}
