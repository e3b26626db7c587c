package dev.reflex.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reflex.config.ConfigException;
import dev.reflex.config.ConfigLoader;
import dev.reflex.config.ReflexConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code http.auth}: which mode checks tokens by default, what is refused at start, and the embedded cluster with
 * {@code REFLEX_HTTP_AUTH=kubernetes} checking real tokens with its own TokenReview and what a ServiceAccount may
 * write with its own SubjectAccessReview and RBAC.
 */
class HttpAuthTest {

  @TempDir
  Path dir;

  static Stream<Arguments> modes() {
    return Stream.of(
        Arguments.of("run checks tokens by default", Map.of(), false, "true"),
        Arguments.of("embedded is open on loopback by default", Map.of(), true, "false"),
        Arguments.of("embedded checks tokens when asked", Map.of("REFLEX_HTTP_AUTH", "kubernetes"), true, "true"),
        Arguments.of("run open on loopback", Map.of("REFLEX_HTTP_AUTH", "none", "REFLEX_HTTP_HOST", "127.0.0.1"),
            false, "false"),
        Arguments.of("run open on every address", Map.of("REFLEX_HTTP_AUTH", "none"), false,
            "http.auth is none on 0.0.0.0"),
        Arguments.of("embedded open on every address", Map.of("REFLEX_HTTP_HOST", "0.0.0.0"), true,
            "http.auth is none on 0.0.0.0"),
        Arguments.of("open on every address, said to be wanted", Map.of("REFLEX_HTTP_AUTH", "none",
            "REFLEX_HTTP_ALLOW_UNAUTHENTICATED", "true"), false, "false"),
        Arguments.of("an unknown scheme", Map.of("REFLEX_HTTP_AUTH", "basic"), false,
            "invalid value 'basic' for configuration key 'http.auth'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modes")
  void whoChecksTokens(String name, Map<String, String> env, boolean embedded, String expected) {
    ReflexConfig config = ConfigLoader.load(null, env);
    if (expected.equals("true") || expected.equals("false")) {
      assertEquals(Boolean.parseBoolean(expected), ServerCommand.checksTokens(config, embedded));
    } else {
      ConfigException e = assertThrows(ConfigException.class, () -> ServerCommand.checksTokens(config, embedded));
      assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
  }

  @Test
  void theEmbeddedClusterChecksTokensWithItsTokenReview() throws Exception {
    try (ServerCommand.Started started = embeddedCheckingTokens()) {
      String url = "http://127.0.0.1:" + started.app().httpPort();
      HttpClient http = HttpClient.newHttpClient();
      Path tokens = dir.resolve("tokens.csv");
      String admin = Files.readString(tokens).split(",")[0];

      assertEquals(200, get(http, url + "/healthz", null).statusCode(), "the probe needs no token");
      HttpResponse<String> anonymous = get(http, url + "/metrics", null);
      assertEquals(401, anonymous.statusCode());
      assertTrue(anonymous.body().contains("no credentials"), anonymous.body());
      HttpResponse<String> forged = get(http, url + "/metrics", "not-a-token");
      assertEquals(401, forged.statusCode());
      assertTrue(forged.body().contains("the bearer token was rejected"), forged.body());
      HttpResponse<String> metrics = get(http, url + "/metrics", admin);
      assertEquals(200, metrics.statusCode(), metrics.body());
      assertTrue(metrics.body().contains("reflex_http_auth_total{outcome=\"rejected\"} 1.0"), metrics.body());

      // reflex write as typed: refused without a token, accepted with the embedded admin's token file.
      ByteArrayOutputStream refused = new ByteArrayOutputStream();
      assertEquals(1, write(List.of("rps{namespace=\"default\",pod=\"nginx-0\"} 5", "--url", url,
          "--token-file", writeToken("forged")), refused));
      assertTrue(refused.toString(StandardCharsets.UTF_8).contains("answered 401"), refused.toString());
      ByteArrayOutputStream accepted = new ByteArrayOutputStream();
      assertEquals(0, write(List.of("rps{namespace=\"default\",pod=\"nginx-0\"} 5", "--url", url,
          "--token-file", tokens.toString()), accepted), accepted.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aServiceAccountWritesSamplesOnlyForTheNamespacesItsRoleBindingsCover() throws Exception {
    try (ServerCommand.Started started = embeddedCheckingTokens()) {
      String url = "http://127.0.0.1:" + started.app().httpPort();
      KubernetesClient kube = started.cluster().client();
      // The shipped ClusterRole, bound in namespace default only, to a ServiceAccount as a Prometheus would run.
      kube.resource(shipped(kube, "reflex-samples-writer")).create();
      kube.resource(new ServiceAccountBuilder().withNewMetadata().withName("prometheus").withNamespace("default")
          .endMetadata().build()).create();
      kube.resource(new RoleBindingBuilder().withNewMetadata().withName("prometheus-writes-samples")
          .withNamespace("default").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "reflex-samples-writer")
          .addNewSubject().withKind("ServiceAccount").withName("prometheus").withNamespace("default").endSubject()
          .build()).create();
      String token = kube.serviceAccounts().inNamespace("default").withName("prometheus")
          .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
          .getStatus().getToken();
      String tokenFile = writeToken(token);

      // One batch for default and kube-system: default's sample is taken, kube-system's dropped as forbidden.
      ByteArrayOutputStream mixed = new ByteArrayOutputStream();
      assertEquals(0, write(List.of("rps{namespace=\"default\",pod=\"nginx-0\"} 5",
          "rps{namespace=\"kube-system\",pod=\"coredns-0\"} 5", "--url", url, "--token-file", tokenFile), mixed),
          mixed.toString(StandardCharsets.UTF_8));
      // A batch for kube-system alone is refused.
      ByteArrayOutputStream refused = new ByteArrayOutputStream();
      assertEquals(1, write(List.of("rps{namespace=\"kube-system\",pod=\"coredns-0\"} 5", "--url", url,
          "--token-file", tokenFile), refused));
      assertTrue(refused.toString(StandardCharsets.UTF_8).contains("answered 403: user"
          + " system:serviceaccount:default:prometheus may not write samples for namespace kube-system"),
          refused.toString(StandardCharsets.UTF_8));
      // Writing samples is not reading Reflex's metrics: that takes reflex-metrics-reader.
      HttpResponse<String> notAScraper = get(HttpClient.newHttpClient(), url + "/metrics", token);
      assertEquals(403, notAScraper.statusCode(), notAScraper.body());
      assertTrue(notAScraper.body().contains("system:serviceaccount:default:prometheus may not get /metrics (RBAC:"
          + " nonResourceURLs [\\\"/metrics\\\"] verbs [\\\"get\\\"], as the ClusterRole"
          + " reflex-metrics-reader grants)"), notAScraper.body());
      kube.resource(shipped(kube, "reflex-metrics-reader")).create();
      kube.resource(new ServiceAccountBuilder().withNewMetadata().withName("scraper").withNamespace("default")
          .endMetadata().build()).create();
      kube.resource(new ClusterRoleBindingBuilder().withNewMetadata().withName("scraper-reads-metrics").endMetadata()
          .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "reflex-metrics-reader")
          .addNewSubject().withKind("ServiceAccount").withName("scraper").withNamespace("default").endSubject()
          .build()).create();
      String scraper = kube.serviceAccounts().inNamespace("default").withName("scraper")
          .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
          .getStatus().getToken();
      HttpResponse<String> scraped = get(HttpClient.newHttpClient(), url + "/metrics", scraper);
      assertEquals(200, scraped.statusCode(), scraped.body());
      String metrics = scraped.body();
      assertTrue(metrics.contains("reflex_metrics_samples_dropped_total{reason=\"forbidden\"} 1.0"), metrics);
      assertTrue(metrics.contains("reflex_metrics_samples_accepted_total 1.0"), metrics);
    }
  }

  /** A ClusterRole as deploy/rbac.yaml ships it. */
  private static HasMetadata shipped(KubernetesClient kube, String name) throws Exception {
    try (InputStream in = Files.newInputStream(Path.of("deploy/rbac.yaml"))) {
      return kube.load(in).items().stream()
          .filter(o -> o.getKind().equals("ClusterRole") && o.getMetadata().getName().equals(name))
          .findFirst().orElseThrow();
    }
  }

  private ServerCommand.Started embeddedCheckingTokens() {
    Map<String, String> env = new HashMap<>(Map.of("REFLEX_HTTP_PORT", "0", "REFLEX_GRPC_PORT", "0",
        "REFLEX_CUSTOM_METRICS_PORT", "0", "REFLEX_EMBEDDED_KUBECONFIG", dir.resolve("kubeconfig").toString(),
        "REFLEX_HTTP_AUTH", "kubernetes"));
    return ServerCommand.start(ConfigLoader.load(null, env), true, null);
  }

  private String writeToken(String token) throws Exception {
    Path file = Files.createTempFile(dir, "token-", "");
    Files.writeString(file, token + "\n");
    return file.toString();
  }

  private static int write(List<String> args, ByteArrayOutputStream err) {
    Options options = Options.parse("write", args, Set.of("url", "every", "file", "token-file"), Set.of("help"));
    return WriteCommand.run(options, new ByteArrayInputStream(new byte[0]), System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(), d -> { }, 1);
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
