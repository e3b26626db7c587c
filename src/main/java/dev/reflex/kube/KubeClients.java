package dev.reflex.kube;

import dev.reflex.config.ConfigException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Builds the fabric8 client on Reflex's own Vert.x instance, so the client adds no event loops of its own. */
public final class KubeClients {

  private KubeClients() {
  }

  /**
   * A client for {@code reflex run}.
   *
   * @param kubeconfig an explicit kubeconfig file, or blank for fabric8's discovery ($KUBECONFIG, ~/.kube/config,
   *     in-cluster service account)
   * @throws ConfigException when an explicit kubeconfig cannot be read or parsed
   */
  public static KubernetesClient forRun(Vertx vertx, String kubeconfig, Duration requestTimeout) {
    Config config;
    if (kubeconfig == null || kubeconfig.isBlank()) {
      config = Config.autoConfigure(null);
    } else {
      config = fromKubeconfigFile(Path.of(kubeconfig));
    }
    return build(vertx, config, requestTimeout);
  }

  /**
   * A client for a known API server URL (the embedded one).
   *
   * @param userAgent how this client introduces itself, so the server can tell the simulator's writes from Reflex's
   */
  public static KubernetesClient forUrl(Vertx vertx, String masterUrl, Duration requestTimeout, String userAgent) {
    Config config = new ConfigBuilder(Config.empty()).withMasterUrl(masterUrl).withTrustCerts(true)
        .withNamespace("default").withUserAgent(userAgent).build();
    return build(vertx, config, requestTimeout);
  }

  static Config fromKubeconfigFile(Path file) {
    String content;
    try {
      content = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
    }
    try {
      Config config = Config.fromKubeconfig(content);
      if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
        throw new ConfigException("kubeconfig " + file + " names no API server");
      }
      return config;
    } catch (RuntimeException e) {
      if (e instanceof ConfigException ce) {
        throw ce;
      }
      throw new ConfigException("kubeconfig " + file + " is not valid: " + e.getMessage(), e);
    }
  }

  private static KubernetesClient build(Vertx vertx, Config config, Duration requestTimeout) {
    config.setRequestTimeout((int) requestTimeout.toMillis());
    // fabric8 retries 429 and 5xx answers itself, up to 10 times from 100 ms doubling: a failing write took
    // minutes to fail, beyond the reconcile timeout, and stacked under Reflex's own retries (the scale actuator's
    // five attempts, the work queue's backoff with jitter), which see the failure and say so. Reflex retries, once.
    config.setRequestRetryBackoffLimit(0);
    return new KubernetesClientBuilder().withConfig(config)
        .withHttpClientFactory(new BoundedHttpClientFactory(vertx)).build();
  }
}
