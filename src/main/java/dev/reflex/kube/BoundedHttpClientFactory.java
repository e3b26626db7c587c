package dev.reflex.kube;

import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * fabric8's Vert.x HTTP client with a bounded connection pool. Its own pool allows 8,192 connections per host, so a
 * burst of writes (a resync of thousands of keys, a simulator starting thousands of pods) opened one connection per
 * request in flight: eight thousand sockets to one API server, each with its buffers on both ends, and a server that
 * counts them against its in-flight limit. With a bound, requests wait their turn on a few kept-alive connections,
 * as client-go's transport does. Watches go over WebSockets, which this bound does not count.
 */
final class BoundedHttpClientFactory extends Vertx5HttpClientFactory {

  /** Connections per API server. */
  static final int MAX_CONNECTIONS = 64;

  BoundedHttpClientFactory(Vertx vertx) {
    super(vertx);
  }

  @Override
  protected void additionalConfig(WebClientOptions options, WebSocketClientOptions webSockets, PoolOptions pool) {
    super.additionalConfig(options, webSockets, pool);
    pool.setHttp1MaxSize(MAX_CONNECTIONS).setHttp2MaxSize(MAX_CONNECTIONS);
  }
}
