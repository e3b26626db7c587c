package dev.reflex.embedded.apiserver;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.ClientSSLOptions;
import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTPS exchange whose whole answer is read, under one overall deadline as kube's request context imposes it
 * (not Vert.x's idle timeout, which a slow trickle would never trip). The connection goes to {@code server} while
 * TLS and the {@code Host} header use {@code host}: how a Service is dialled at its loopback address yet verified
 * under its DNS name.
 */
final class HttpsCall {

  /** A whole answer. */
  record Reply(int status, MultiMap headers, Buffer body) {
  }

  private HttpsCall() {
  }

  static Future<Reply> send(Vertx vertx, HttpClient client, HttpMethod method, SocketAddress server, String host,
      int port, String uri, ClientSSLOptions ssl, MultiMap headers, Buffer body, long timeoutMillis) {
    Promise<Reply> promise = Promise.promise();
    AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
    long timer = vertx.setTimer(Math.max(1, timeoutMillis), id -> {
      if (promise.tryFail(new GoNetErrors.DeadlineExceeded())) {
        HttpClientRequest request = sent.get();
        if (request != null) {
          request.reset(0, new GoNetErrors.DeadlineExceeded());
        }
      }
    });
    RequestOptions options = new RequestOptions().setMethod(method).setServer(server).setHost(host).setPort(port)
        .setURI(uri).setSsl(true).setSslOptions(ssl).setConnectTimeout(Math.max(1, timeoutMillis));
    if (headers != null) {
      options.setHeaders(headers);
    }
    client.request(options)
        .compose(request -> {
          sent.set(request);
          return body == null ? request.send() : request.send(body);
        })
        .compose(response -> response.body().map(data -> new Reply(response.statusCode(), response.headers(), data)))
        .onComplete(result -> {
          vertx.cancelTimer(timer);
          if (result.succeeded()) {
            promise.tryComplete(result.result());
          } else {
            promise.tryFail(result.cause());
          }
        });
    return promise.future();
  }
}
