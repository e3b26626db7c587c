package dev.reflex.kube;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A burst of requests through Reflex's client waits its turn on a bounded pool instead of opening a connection per
 * request: 500 requests in flight at once against a server that answers each only after 20 ms.
 */
@ExtendWith(VertxExtension.class)
class BoundedHttpClientFactoryTest {

  private static final int REQUESTS = 500;

  @Test
  void aBurstOfRequestsSharesAtMostTheBoundedNumberOfConnections(Vertx vertx, VertxTestContext test) {
    AtomicInteger connections = new AtomicInteger();
    HttpServer server = vertx.createHttpServer()
        .connectionHandler(connection -> connections.incrementAndGet())
        .requestHandler(request -> vertx.setTimer(20, id -> request.response()
            .putHeader("Content-Type", "application/json").end("{\"kind\":\"Status\",\"status\":\"Success\"}")));
    server.listen(0, "127.0.0.1").onComplete(test.succeeding(listening -> {
      KubernetesClient client = KubeClients.forUrl(vertx, "http://127.0.0.1:" + listening.actualPort(),
          Duration.ofSeconds(30), "bounded-test");
      KubeRest rest = new KubeRest(client, vertx, Duration.ofSeconds(30));
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        calls.add(rest.get("/api/v1/namespaces/default/configmaps/c" + i));
      }
      Future.all(calls).onComplete(test.succeeding(all -> test.verify(() -> {
        assertTrue(connections.get() <= BoundedHttpClientFactory.MAX_CONNECTIONS,
            connections.get() + " connections for " + REQUESTS + " requests");
        client.close();
        test.completeNow();
      })));
    }));
  }
}
