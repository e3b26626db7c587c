package dev.reflex.grpc;

import java.util.Optional;

/**
 * PEM certificate and key for serving gRPC over TLS; both paths set, or neither.
 *
 * @param certPath the certificate chain (PEM)
 * @param keyPath the private key (PEM)
 */
public record GrpcTls(String certPath, String keyPath) {

  public GrpcTls {
    if (certPath == null || certPath.isBlank() || keyPath == null || keyPath.isBlank()) {
      throw new IllegalArgumentException("grpc.tls-cert and grpc.tls-key: set both or neither");
    }
  }

  /** TLS from the two config values: empty when both are empty, an error when only one is set. */
  public static Optional<GrpcTls> of(String certPath, String keyPath) {
    boolean cert = certPath != null && !certPath.isBlank();
    boolean key = keyPath != null && !keyPath.isBlank();
    if (!cert && !key) {
      return Optional.empty();
    }
    return Optional.of(new GrpcTls(certPath, keyPath));
  }
}
