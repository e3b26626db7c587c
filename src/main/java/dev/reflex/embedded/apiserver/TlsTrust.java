package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.PemTrustOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The TLS client settings of a webhook or an APIService: trust the configuration's {@code caBundle} (base64 of PEM
 * certificates) when it has one, else the JVM's roots, and check the server's name as Go's TLS client does (a DNS
 * name against the certificate's DNS SANs, an IP against its IP SANs).
 */
final class TlsTrust {

  private TlsTrust() {
  }

  /**
   * @throws IllegalArgumentException with kube's wording when the bundle is not base64 of PEM certificates
   */
  static ClientSSLOptions verifying(String caBundle) {
    ClientSSLOptions options = new ClientSSLOptions().setHostnameVerificationAlgorithm("HTTPS");
    if (caBundle != null && !caBundle.isEmpty()) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(pem(caBundle))));
    }
    return options;
  }

  /** {@code insecureSkipTLSVerify}: any certificate, any name. */
  static ClientSSLOptions insecure() {
    return new ClientSSLOptions().setTrustAll(true).setHostnameVerificationAlgorithm("");
  }

  private static String pem(String caBundle) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(caBundle.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("illegal base64 data in caBundle: " + e.getMessage(), e);
    }
    if (!text.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException("unable to load root certificates: unable to parse bytes as PEM block");
    }
    return text;
  }
}
