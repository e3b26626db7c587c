package dev.reflex.embedded.apiserver;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemKeyCertOptions;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway certificate authority for tests (Bouncy Castle, on the test classpath through the fabric8 mock
 * server): a CA whose PEM goes into a {@code caBundle}, and server certificates it signs for the names a test
 * wants, as webhook servers have for {@code name.namespace.svc}.
 */
final class TestCertificates {

  private final KeyPair key;
  private final X509Certificate certificate;

  /** A server key and certificate, in the PEM forms Vert.x reads. */
  record Issued(String certificatePem, String privateKeyPem) {

    PemKeyCertOptions keyCertOptions() {
      return new PemKeyCertOptions().setCertValue(Buffer.buffer(certificatePem))
          .setKeyValue(Buffer.buffer(privateKeyPem));
    }
  }

  private TestCertificates(KeyPair key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  static TestCertificates authority(String commonName) {
    try {
      KeyPair key = keyPair();
      X500Name name = new X500Name("CN=" + commonName);
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(),
          name, key.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
      return new TestCertificates(key, certificate);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A server certificate for {@code names}: DNS names, and IP addresses for entries that are IPv4 literals. */
  Issued issue(String... names) {
    try {
      KeyPair server = keyPair();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(), notBefore(),
          notAfter(), new X500Name("CN=" + names[0]), server.getPublic());
      List<GeneralName> alternatives = new ArrayList<>();
      for (String name : names) {
        alternatives.add(name.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, name)
            : new GeneralName(GeneralName.dNSName, name));
      }
      builder.addExtension(Extension.subjectAlternativeName, false,
          new GeneralNames(alternatives.toArray(GeneralName[]::new)));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate issued = new JcaX509CertificateConverter().getCertificate(builder.build(
          new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
      return new Issued(pem("CERTIFICATE", issued.getEncoded()), pem("PRIVATE KEY", server.getPrivate().getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The CA certificate as a webhook's or APIService's {@code caBundle}: base64 of its PEM. */
  String caBundle() {
    try {
      return Base64.getEncoder().encodeToString(pem("CERTIFICATE", certificate.getEncoded())
          .getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(63, new SecureRandom());
  }

  // Certificates must be valid at the moment the test runs, so these read the clock.
  private static Date notBefore() {
    return new Date(System.currentTimeMillis() - 3_600_000L);
  }

  private static Date notAfter() {
    return new Date(System.currentTimeMillis() + 86_400_000L);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
