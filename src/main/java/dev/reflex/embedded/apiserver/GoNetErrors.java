package dev.reflex.embedded.apiserver;

import io.vertx.core.net.SocketAddress;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * A failed outgoing call worded as Go's net/http words it, since kube's messages embed that text ({@code dial tcp
 * 127.0.0.1:8443: connect: connection refused}, {@code tls: failed to verify certificate: x509: certificate signed
 * by unknown authority}, {@code context deadline exceeded}). Failures with no close Go counterpart keep the JVM's
 * message.
 */
final class GoNetErrors {

  private GoNetErrors() {
  }

  static String describe(Throwable failure, SocketAddress dialled) {
    String address = dialled == null ? "" : hostPort(dialled);
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DeadlineExceeded || cause instanceof TimeoutException
          || cause.getClass().getSimpleName().contains("Timeout")) {
        return "context deadline exceeded";
      }
      if (cause instanceof ConnectException) {
        return "dial tcp " + address + ": connect: connection refused";
      }
      if (cause instanceof UnknownHostException) {
        return "dial tcp: lookup " + cause.getMessage() + ": no such host";
      }
      if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
        return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
      }
      if (cause instanceof CertificateException && cause.getMessage() != null
          && cause.getMessage().startsWith("No subject alternative")) {
        return "tls: failed to verify certificate: x509: certificate is not valid for the name dialled ("
            + cause.getMessage() + ")";
      }
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException) {
        return "remote error: tls: " + cause.getMessage();
      }
    }
    return String.valueOf(failure.getMessage());
  }

  private static String hostPort(SocketAddress address) {
    String host = address.hostAddress() != null ? address.hostAddress() : address.host();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.port();
  }

  /** The end of an overall deadline, kube's request context expiring. */
  static final class DeadlineExceeded extends RuntimeException {
    DeadlineExceeded() {
      super("context deadline exceeded", null, false, false);
    }
  }
}
