package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a webhook's {@code clientConfig} points: either a {@code url}, dialled as written, or a {@code service},
 * dialled at the address the {@link ServiceResolver} gives while TLS checks the certificate against the Service's
 * DNS name {@code name.namespace.svc}, as kube's webhook client does with its cluster IP.
 *
 * @param host the name TLS verifies and the {@code Host} header names (no IPv6 brackets)
 * @param requestUri path and query sent, the query with kube's {@code timeout=Ns} added
 * @param url the whole URL as kube's error messages print it, e.g. {@code https://hook.ns.svc:443/mutate?timeout=10s}
 * @param serviceNamespace null for a url endpoint
 * @param caBundle the base64 PEM bundle to trust, or null for the JVM's default roots
 */
record WebhookEndpoint(String host, int port, String requestUri, String url, String serviceNamespace,
    String serviceName, String caBundle) {

  boolean isService() {
    return serviceNamespace != null;
  }

  /**
   * @throws IllegalArgumentException for a clientConfig that names neither, or a url that does not parse (stored
   *     configurations are validated, so this is a corrupt object)
   */
  static WebhookEndpoint of(JsonObject clientConfig, int timeoutSeconds) {
    String caBundle = clientConfig.getString("caBundle");
    if (caBundle != null && caBundle.isEmpty()) {
      caBundle = null;
    }
    JsonObject service = clientConfig.getJsonObject("service");
    if (service != null) {
      String host = service.getString("name", "") + "." + service.getString("namespace", "") + ".svc";
      int port = service.getInteger("port", 443);
      String path = service.getString("path", "/");
      String uri = withTimeout(path.isEmpty() ? "/" : path, null, timeoutSeconds);
      return new WebhookEndpoint(host, port, uri, "https://" + host + ":" + port + uri,
          service.getString("namespace", ""), service.getString("name", ""), caBundle);
    }
    String url = clientConfig.getString("url");
    if (url == null) {
      throw new IllegalArgumentException("webhook clientConfig has neither url nor service");
    }
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("webhook url does not parse: " + e.getMessage(), e);
    }
    String host = parsed.getHost() == null ? "" : parsed.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = parsed.getPort() < 0 ? 443 : parsed.getPort();
    String path = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? "/" : parsed.getRawPath();
    String uri = withTimeout(path, parsed.getRawQuery(), timeoutSeconds);
    String authority = parsed.getRawAuthority() == null ? host : parsed.getRawAuthority();
    return new WebhookEndpoint(host, port, uri, "https://" + authority + uri, null, null, caBundle);
  }

  /** client-go's request URL: the configured query merged with {@code timeout}, keys sorted as Go encodes them. */
  private static String withTimeout(String path, String query, int timeoutSeconds) {
    List<String[]> pairs = new ArrayList<>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        pairs.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
      }
    }
    pairs.add(new String[] {"timeout", timeoutSeconds + "s"});
    pairs.sort(Comparator.comparing(pair -> pair[0]));
    StringBuilder uri = new StringBuilder(path).append('?');
    for (int i = 0; i < pairs.size(); i++) {
      uri.append(i == 0 ? "" : "&").append(pairs.get(i)[0]).append('=').append(pairs.get(i)[1]);
    }
    return uri.toString();
  }
}
