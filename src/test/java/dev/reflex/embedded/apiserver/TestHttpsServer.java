package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** An HTTPS server on a free loopback port, presenting a certificate a test issued. */
final class TestHttpsServer {

  private final HttpServer server;

  private TestHttpsServer(HttpServer server) {
    this.server = server;
  }

  static Future<TestHttpsServer> start(Vertx vertx, TestCertificates.Issued certificate,
      Handler<HttpServerRequest> handler) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setSsl(true)
        .setKeyCertOptions(certificate.keyCertOptions()));
    server.requestHandler(handler);
    return server.listen(0, "127.0.0.1").map(TestHttpsServer::new);
  }

  /** A loopback port nothing listens on: bound once, then released. */
  static Future<Integer> closedPort(Vertx vertx) {
    HttpServer server = vertx.createHttpServer();
    return server.requestHandler(r -> { }).listen(0, "127.0.0.1")
        .compose(s -> {
          int port = s.actualPort();
          return s.close().map(v -> port);
        });
  }

  int port() {
    return server.actualPort();
  }

  SocketAddress address() {
    return SocketAddress.inetSocketAddress(port(), "127.0.0.1");
  }
}
