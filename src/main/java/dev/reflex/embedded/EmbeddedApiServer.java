package dev.reflex.embedded;

import dev.reflex.config.ConfigException;
import dev.reflex.embedded.apiserver.ApiServer;
import dev.reflex.embedded.apiserver.ApiServerOptions;
import dev.reflex.embedded.apiserver.ContainerStreams;
import dev.reflex.embedded.apiserver.ReadOnlyResource;
import dev.reflex.embedded.apiserver.UserInfo;
import dev.reflex.tls.ServingCertificates;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The embedded cluster's API server ({@link ApiServer}, Reflex's own) on loopback, with the simulated
 * metrics-server behind metrics.k8s.io and the fault gate in front, and the kubeconfig that points at it.
 */
final class EmbeddedApiServer implements AutoCloseable {

  /** The file beside the kubeconfig holding the admin's bearer token, in kube-apiserver's token-file format. */
  static final String TOKEN_FILE = "tokens.csv";

  /** The kubeconfig context of the HTTPS listener, where kubectl presents bearer tokens. */
  static final String SECURE_CONTEXT = "reflex-embedded-tls";

  private final ApiServer server;
  private final String adminToken;
  private final ServingCertificates certificates;

  private EmbeddedApiServer(ApiServer server, String adminToken, ServingCertificates certificates) {
    this.server = server;
    this.adminToken = adminToken;
    this.certificates = certificates;
  }

  static Future<EmbeddedApiServer> start(int port, PodMetricsStore metrics, ApiFaults faults,
      ContainerStreams containers, Clock clock) {
    ReadOnlyResource podMetrics = new ReadOnlyResource() {
      @Override
      public JsonObject list(String namespace, String labelSelector) {
        return metrics.list(namespace, labelSelector);
      }

      @Override
      public JsonObject get(String namespace, String name) {
        return metrics.get(namespace, name);
      }
    };
    ReadOnlyResource nodeMetrics = new ReadOnlyResource() {
      @Override
      public JsonObject list(String namespace, String labelSelector) {
        return metrics.nodes(SimulatedNode.NAME);
      }

      @Override
      public JsonObject get(String namespace, String name) {
        return SimulatedNode.NAME.equals(name) ? metrics.node(name) : null;
      }
    };
    byte[] random = new byte[24];
    new java.security.SecureRandom().nextBytes(random);
    String adminToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    // A certificate of its own for the HTTPS listener (any free port), as kube-apiserver makes one when given none.
    ServingCertificates certificates = ServingCertificates.issue(java.util.List.of("localhost"),
        java.util.List.of("127.0.0.1"), clock.instant());
    ApiServerOptions options = ApiServerOptions.loopback(port).withGate(faults)
        .withReadOnly(Map.of("metrics.k8s.io/pods", podMetrics, "metrics.k8s.io/nodes", nodeMetrics))
        .withTokens(Map.of(adminToken, new UserInfo("reflex-admin", "reflex-admin-uid",
            java.util.List.of(UserInfo.MASTERS), Map.of())), true)
        .withSecureServing(0, certificates).withContainers(containers);
    return ApiServer.start(options, clock).map(started -> {
      faults.attach(started);
      return new EmbeddedApiServer(started, adminToken, certificates);
    }).recover(e -> Future.failedFuture(
        new ConfigException("cannot start the embedded API server on port " + port
            + " (configuration key 'embedded.api-port'): " + rootMessage(e), e)));
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return server.url();
  }

  int port() {
    return server.port();
  }

  /**
   * Writes a kubeconfig whose current context points at this server's plain listener (requests without credentials
   * are the admin's), with a second context, {@value #SECURE_CONTEXT}, for its HTTPS listener: the admin's token,
   * and the CA that signed the serving certificate.
   */
  void writeKubeconfig(Path file) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: reflex-embedded
          cluster:
            server: %s
        - name: %s
          cluster:
            server: %s
            certificate-authority-data: %s
        contexts:
        - name: reflex-embedded
          context:
            cluster: reflex-embedded
            namespace: default
            user: reflex
        - name: %s
          context:
            cluster: %s
            namespace: default
            user: reflex-admin
        current-context: reflex-embedded
        users:
        - name: reflex
          user: {}
        - name: reflex-admin
          user:
            token: %s
        """.formatted(url(), SECURE_CONTEXT, server.secureUrl(), java.util.Base64.getEncoder().encodeToString(
            certificates.caPem().getBytes(java.nio.charset.StandardCharsets.US_ASCII)), SECURE_CONTEXT,
            SECURE_CONTEXT, adminToken);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, yaml);
      // Requests without credentials are the admin's; this token is for clients that must present one.
      Path tokens = file.resolveSibling(TOKEN_FILE);
      Files.writeString(tokens, adminToken + ",reflex-admin,reflex-admin-uid,\"" + UserInfo.MASTERS + "\"\n");
    } catch (IOException e) {
      throw new ConfigException("cannot write the embedded kubeconfig " + file
          + " (configuration key 'embedded.kubeconfig'): " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
