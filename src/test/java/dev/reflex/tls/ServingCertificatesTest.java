package dev.reflex.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ServingCertificatesTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theServingCertificateIsSignedByTheAuthorityForTheLoopbackNames() throws Exception {
    ServingCertificates issued = ServingCertificates.issue(List.of("localhost"), List.of("127.0.0.1"), NOW);
    X509Certificate ca = parse(issued.caPem());
    X509Certificate server = parse(issued.certificatePem());
    ca.verify(ca.getPublicKey());
    server.verify(ca.getPublicKey());
    assertEquals(ca.getSubjectX500Principal(), server.getIssuerX500Principal());
    assertTrue(ca.getBasicConstraints() >= 0, "the authority is a CA");
    assertEquals(-1, server.getBasicConstraints(), "the serving certificate is not");
    assertEquals(List.of("1.3.6.1.5.5.7.3.1"), server.getExtendedKeyUsage());
    assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), server.getSubjectAlternativeNames()
        .stream().map(List::copyOf).toList());
    server.checkValidity(Date.from(NOW));
    server.checkValidity(Date.from(NOW.plusSeconds(364L * 24 * 3600)));
    assertTrue(issued.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
  }

  @Test
  void aClientThatTrustsTheAuthorityConnectsWithHostnameVerification(Vertx vertx, VertxTestContext test) {
    ServingCertificates issued = ServingCertificates.issue(List.of("localhost"), List.of("127.0.0.1"), Instant.now());
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setSsl(true).setVerifyHost(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(issued.caPem()))));
    vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(new PemKeyCertOptions()
            .setCertValue(Buffer.buffer(issued.certificatePem())).setKeyValue(Buffer.buffer(issued.privateKeyPem()))))
        .requestHandler(request -> request.response().end("secure"))
        .listen(0, "127.0.0.1")
        .compose(server -> client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
            .compose(request -> request.send().compose(response -> response.body())))
        .onComplete(test.succeeding(body -> test.verify(() -> {
          assertEquals("secure", body.toString());
          test.completeNow();
        })));
  }
}
