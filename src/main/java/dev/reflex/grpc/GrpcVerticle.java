package dev.reflex.grpc;

import dev.reflex.config.ReflexConfig;
import dev.reflex.grpc.proto.ProviderServiceGrpcService;
import dev.reflex.metrics.query.MetricHistory;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.grpc.server.GrpcServer;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Kapacity's metric {@code ProviderService} on its own port (9090 by default; 0 picks a free one), plaintext
 * or TLS. Deploy with {@code vertx.deployVerticle(new GrpcVerticle(history, port, tls))}; {@link #port()} gives the
 * bound port once deployed.
 */
public final class GrpcVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GrpcVerticle.class);

  private final MetricHistory history;
  private final String host;
  private final int requestedPort;
  private final Optional<GrpcTls> tls;
  private volatile HttpServer server;

  /**
   * @param history where answers come from
   * @param host the bind address, e.g. {@code 0.0.0.0}
   * @param port the port; 0 picks a free one
   * @param tls certificate and key for TLS, or empty for plaintext
   */
  public GrpcVerticle(MetricHistory history, String host, int port, Optional<GrpcTls> tls) {
    this.history = history;
    this.host = host;
    this.requestedPort = port;
    this.tls = tls;
  }

  /**
   * The verticle for the {@code grpc.*} keys: port {@code grpc.port}, TLS when {@code grpc.tls-cert} and
   * {@code grpc.tls-key} are set.
   *
   * @throws IllegalArgumentException when only one of the TLS paths is set
   */
  public static GrpcVerticle fromConfig(MetricHistory history, String host, ReflexConfig.Grpc config) {
    return new GrpcVerticle(history, host, config.port(), GrpcTls.of(config.tlsCert(), config.tlsKey()));
  }

  @Override
  public Future<?> start() {
    GrpcServer grpc = GrpcServer.server(vertx).addService(ProviderServiceGrpcService.of(
        new ProviderGrpcService(history)));
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(requestedPort);
    tls.ifPresent(t -> options.setSsl(true).setUseAlpn(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(t.certPath()).setKeyPath(t.keyPath())));
    return vertx.createHttpServer(options).requestHandler(grpc).listen().onSuccess(s -> {
      server = s;
      LOG.info("gRPC metric ProviderService listening on {}:{}{}", host, s.actualPort(),
          tls.isPresent() ? " (TLS)" : "");
    });
  }

  /** The bound port, or -1 before the verticle has started. */
  public int port() {
    HttpServer s = server;
    return s == null ? -1 : s.actualPort();
  }
}
