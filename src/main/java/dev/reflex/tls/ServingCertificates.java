package dev.reflex.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/**
 * A certificate authority of the embedded cluster's own and the serving certificate it signs for the loopback
 * address, as kube-apiserver generates one when it is given none: the CA goes into the kubeconfig
 * ({@code certificate-authority-data}), the serving pair into the HTTPS listener. Made with the JDK alone (EC P-256,
 * SHA256withECDSA, X.509 v3 written as DER), since nothing on the runtime classpath issues certificates.
 */
public final class ServingCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  // Object identifiers, DER-encoded contents of an OBJECT IDENTIFIER.
  private static final byte[] ECDSA_WITH_SHA256 = oid(1, 2, 840, 10045, 4, 3, 2);
  private static final byte[] COMMON_NAME = oid(2, 5, 4, 3);
  private static final byte[] BASIC_CONSTRAINTS = oid(2, 5, 29, 19);
  private static final byte[] KEY_USAGE = oid(2, 5, 29, 15);
  private static final byte[] EXTENDED_KEY_USAGE = oid(2, 5, 29, 37);
  private static final byte[] SUBJECT_ALT_NAME = oid(2, 5, 29, 17);
  private static final byte[] SERVER_AUTH = oid(1, 3, 6, 1, 5, 5, 7, 3, 1);

  private final String caPem;
  private final String certificatePem;
  private final String privateKeyPem;

  private ServingCertificates(String caPem, String certificatePem, String privateKeyPem) {
    this.caPem = caPem;
    this.certificatePem = certificatePem;
    this.privateKeyPem = privateKeyPem;
  }

  /**
   * A new CA and a serving certificate for {@code dnsNames} and {@code ipAddresses}, valid from an hour before
   * {@code now} (clocks differ) for a year.
   */
  public static ServingCertificates issue(List<String> dnsNames, List<String> ipAddresses, Instant now) {
    try {
      KeyPair caKey = keyPair();
      KeyPair serverKey = keyPair();
      Instant from = now.minusSeconds(3600);
      Instant until = now.plusSeconds(365L * 24 * 3600);
      byte[] caName = name("reflex-embedded-ca");
      byte[] caExtensions = sequence(
          extension(BASIC_CONSTRAINTS, true, sequence(tlv(0x01, new byte[] {(byte) 0xff}))),
          extension(KEY_USAGE, true, bitString(new byte[] {(byte) 0x06}, 1)));
      byte[] ca = certificate(caName, caName, from, until, caKey.getPublic().getEncoded(), caExtensions,
          caKey.getPrivate());
      ByteArrayOutputStream altNames = new ByteArrayOutputStream();
      for (String dns : dnsNames) {
        altNames.writeBytes(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
      }
      for (String ip : ipAddresses) {
        altNames.writeBytes(tlv(0x87, InetAddress.getByName(ip).getAddress()));
      }
      byte[] serverExtensions = sequence(
          extension(BASIC_CONSTRAINTS, true, sequence()),
          extension(KEY_USAGE, true, bitString(new byte[] {(byte) 0x80}, 7)),
          extension(EXTENDED_KEY_USAGE, false, sequence(tlv(0x06, SERVER_AUTH))),
          extension(SUBJECT_ALT_NAME, false, tlv(0x30, altNames.toByteArray())));
      byte[] server = certificate(caName, name("reflex-embedded-apiserver"), from, until,
          serverKey.getPublic().getEncoded(), serverExtensions, caKey.getPrivate());
      return new ServingCertificates(pem("CERTIFICATE", ca), pem("CERTIFICATE", server),
          pem("PRIVATE KEY", serverKey.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | UnknownHostException e) {
      throw new IllegalStateException("cannot issue the embedded API server's certificate: " + e.getMessage(), e);
    }
  }

  /** The CA's certificate, PEM: what clients trust. */
  public String caPem() {
    return caPem;
  }

  /** The serving certificate, PEM. */
  public String certificatePem() {
    return certificatePem;
  }

  /** The serving certificate's private key, PKCS #8 PEM. */
  public String privateKeyPem() {
    return privateKeyPem;
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static byte[] certificate(byte[] issuer, byte[] subject, Instant from, Instant until, byte[] publicKeyInfo,
      byte[] extensions, PrivateKey signer) throws GeneralSecurityException {
    byte[] algorithm = sequence(tlv(0x06, ECDSA_WITH_SHA256));
    byte[] tbs = sequence(
        tlv(0xa0, integer(BigInteger.TWO)),
        integer(new BigInteger(64, RANDOM).add(BigInteger.ONE)),
        algorithm,
        issuer,
        sequence(time(from), time(until)),
        subject,
        publicKeyInfo,
        tlv(0xa3, extensions));
    Signature signature = Signature.getInstance("SHA256withECDSA");
    signature.initSign(signer, RANDOM);
    signature.update(tbs);
    return sequence(tbs, algorithm, bitString(signature.sign(), 0));
  }

  private static byte[] name(String commonName) {
    return sequence(tlv(0x31, sequence(tlv(0x06, COMMON_NAME), tlv(0x0c,
        commonName.getBytes(StandardCharsets.UTF_8)))));
  }

  private static byte[] extension(byte[] oid, boolean critical, byte[] value) {
    return critical ? sequence(tlv(0x06, oid), tlv(0x01, new byte[] {(byte) 0xff}), tlv(0x04, value))
        : sequence(tlv(0x06, oid), tlv(0x04, value));
  }

  /** A validity date as RFC 5280 wants it: UTCTime (two-digit year) before 2050, GeneralizedTime from then on. */
  private static byte[] time(Instant at) {
    String text = GENERALIZED.format(at);
    if (at.atZone(ZoneOffset.UTC).getYear() < 2050) {
      return tlv(0x17, text.substring(2).getBytes(StandardCharsets.US_ASCII));
    }
    return tlv(0x18, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] bitString(byte[] bits, int unusedBits) {
    byte[] content = new byte[bits.length + 1];
    content[0] = (byte) unusedBits;
    System.arraycopy(bits, 0, content, 1, bits.length);
    return tlv(0x03, content);
  }

  private static byte[] sequence(byte[]... items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] item : items) {
      out.writeBytes(item);
    }
    return tlv(0x30, out.toByteArray());
  }

  /** One DER element: tag, definite length, content. */
  private static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] oid(long... arcs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write((int) (arcs[0] * 40 + arcs[1]));
    for (int i = 2; i < arcs.length; i++) {
      long arc = arcs[i];
      int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
      for (int g = groups - 1; g >= 0; g--) {
        int bits = (int) ((arc >>> (7 * g)) & 0x7f);
        out.write(g == 0 ? bits : bits | 0x80);
      }
    }
    return out.toByteArray();
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
