package dev.reflex.embedded.apiserver;

import dev.reflex.tls.ServingCertificates;
import java.time.Duration;
import java.util.Map;

/**
 * How to run an API server.
 *
 * @param host the address to listen on (loopback for the embedded default)
 * @param port the port, 0 for any free one
 * @param gate fault injection and write counting
 * @param readOnly resources answered by a provider instead of the store, by bucket ({@code metrics.k8s.io/pods})
 * @param watchCacheSize changes kept per resource for watches and consistent lists from a resourceVersion
 * @param bookmarkInterval how often a watch that allows bookmarks gets one
 * @param tokens static bearer tokens and their users (a token file's content)
 * @param anonymousAdmin whether a request without credentials is the admin's (the embedded default) rather than
 *     {@code system:anonymous}
 * @param secure an HTTPS listener beside the plain one, or null for none: kubectl sends bearer tokens over HTTPS
 *     only
 * @param containers what {@code pods/attach} attaches to (the node's side)
 */
public record ApiServerOptions(String host, int port, RequestGate gate, Map<String, ReadOnlyResource> readOnly,
    int watchCacheSize, Duration bookmarkInterval, Map<String, UserInfo> tokens, boolean anonymousAdmin,
    SecureServing secure, ContainerStreams containers) {

  /** The HTTPS listener: its port (0 for any free one) and the certificate it serves. */
  public record SecureServing(int port, ServingCertificates certificates) {
  }

  public static ApiServerOptions loopback(int port) {
    return new ApiServerOptions("127.0.0.1", port, RequestGate.OPEN, Map.of(), 4_096, Duration.ofSeconds(60),
        Map.of(), true, null, ContainerStreams.NONE);
  }

  public ApiServerOptions withTokens(Map<String, UserInfo> staticTokens, boolean anonymousIsAdmin) {
    return new ApiServerOptions(host, port, gate, readOnly, watchCacheSize, bookmarkInterval,
        Map.copyOf(staticTokens), anonymousIsAdmin, secure, containers);
  }

  public ApiServerOptions withGate(RequestGate gate) {
    return new ApiServerOptions(host, port, gate, readOnly, watchCacheSize, bookmarkInterval, tokens, anonymousAdmin,
        secure, containers);
  }

  public ApiServerOptions withReadOnly(Map<String, ReadOnlyResource> readOnly) {
    return new ApiServerOptions(host, port, gate, Map.copyOf(readOnly), watchCacheSize, bookmarkInterval, tokens,
        anonymousAdmin, secure, containers);
  }

  public ApiServerOptions withWatchCacheSize(int size) {
    return new ApiServerOptions(host, port, gate, readOnly, size, bookmarkInterval, tokens, anonymousAdmin, secure,
        containers);
  }

  /** These options with an HTTPS listener on {@code port} serving {@code certificates}. */
  public ApiServerOptions withSecureServing(int port, ServingCertificates certificates) {
    return new ApiServerOptions(host, this.port, gate, readOnly, watchCacheSize, bookmarkInterval, tokens,
        anonymousAdmin, new SecureServing(port, certificates), containers);
  }

  /** These options with {@code containers} answering {@code pods/attach}. */
  public ApiServerOptions withContainers(ContainerStreams containers) {
    return new ApiServerOptions(host, port, gate, readOnly, watchCacheSize, bookmarkInterval, tokens, anonymousAdmin,
        secure, containers);
  }

  public ApiServerOptions withBookmarkInterval(Duration interval) {
    return new ApiServerOptions(host, port, gate, readOnly, watchCacheSize, interval, tokens, anonymousAdmin, secure,
        containers);
  }
}
