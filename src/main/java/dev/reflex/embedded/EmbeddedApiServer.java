package dev.reflex.embedded;

import dev.reflex.config.ConfigException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The in-process API server on loopback: fabric8's mock server with its CRUD store behind an
 * {@link EmbeddedDispatcher}. The mock server keeps every request it receives for test assertions; a long-running
 * embedded cluster has no use for them, so {@link #forgetRequests()} is called periodically.
 *
 * <p>Known limit: when a client closes a watch while the server is sending that watch an event, the mock server's
 * event loop waits for the send to finish and every request stalls for seconds. Clients closing their watches all at
 * once on a busy cluster (a Reflex restart in the same JVM) can meet it; tests let the cluster go quiet first.
 */
final class EmbeddedApiServer implements AutoCloseable {

  /** Held so the JUL configuration is not garbage collected; the mock server logs every request at INFO. */
  private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

  private final MockWebServer web;
  private final KubernetesMockServer server;

  private EmbeddedApiServer(MockWebServer web, KubernetesMockServer server) {
    this.web = web;
    this.server = server;
  }

  static EmbeddedApiServer start(int port, PodMetricsStore metrics, ApiFaults faults) {
    MOCK_LOG.setLevel(Level.WARNING);
    MockWebServer web = new MockWebServer();
    KubernetesCrudDispatcher store = new IndexedCrudDispatcher();
    int[] boundPort = new int[1];
    EmbeddedDispatcher dispatcher = new EmbeddedDispatcher(store, metrics, () -> "127.0.0.1:" + boundPort[0],
        faults);
    KubernetesMockServer server = new KubernetesMockServer(new Context(), web, new HashMap<>(), dispatcher, false);
    try {
      server.init(InetAddress.getLoopbackAddress(), port);
    } catch (RuntimeException e) {
      throw new ConfigException("cannot start the embedded API server on port " + port
          + " (configuration key 'embedded.api-port'): " + rootMessage(e), e);
    }
    boundPort[0] = server.getPort();
    return new EmbeddedApiServer(web, server);
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  int port() {
    return server.getPort();
  }

  void forgetRequests() {
    web.reset();
  }

  /** Writes a kubeconfig whose current context points at this server. */
  void writeKubeconfig(Path file) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: reflex-embedded
          cluster:
            server: %s
        contexts:
        - name: reflex-embedded
          context:
            cluster: reflex-embedded
            namespace: default
            user: reflex
        current-context: reflex-embedded
        users:
        - name: reflex
          user: {}
        """.formatted(url());
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new ConfigException("cannot write the embedded kubeconfig " + file
          + " (configuration key 'embedded.kubeconfig'): " + e.getMessage(), e);
    }
  }

  /** Stops the server; connections still open after the mock server's grace period are simply dropped. */
  @Override
  public void close() {
    try {
      server.destroy();
    } catch (IllegalStateException e) {
      MOCK_LOG.fine(() -> "embedded API server closed with connections still open: " + e.getMessage());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
