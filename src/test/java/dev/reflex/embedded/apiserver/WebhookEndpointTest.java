package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where webhooks are called and how kube prints the URL. */
class WebhookEndpointTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"service\":{\"namespace\":\"ns\",\"name\":\"hook\",\"path\":\"/mutate\",\"port\":8443}}|10|hook.ns.svc|8443"
          + "|/mutate?timeout=10s|https://hook.ns.svc:8443/mutate?timeout=10s|ns",
      "{\"service\":{\"namespace\":\"ns\",\"name\":\"hook\"}}|5|hook.ns.svc|443|/?timeout=5s"
          + "|https://hook.ns.svc:443/?timeout=5s|ns",
      "{\"url\":\"https://127.0.0.1:9443/v?z=1&a=2\"}|30|127.0.0.1|9443|/v?a=2&timeout=30s&z=1"
          + "|https://127.0.0.1:9443/v?a=2&timeout=30s&z=1|~",
      "{\"url\":\"https://[::1]/check\"}|10|::1|443|/check?timeout=10s|https://[::1]/check?timeout=10s|~",
  }, nullValues = "~")
  void clientConfigsResolveToAHostAPortAndKubesUrl(String clientConfig, int timeout, String host, int port,
      String uri, String url, String serviceNamespace) {
    WebhookEndpoint endpoint = WebhookEndpoint.of(new JsonObject(clientConfig), timeout);
    assertEquals(List.of(host, port, uri, url), List.of(endpoint.host(), endpoint.port(), endpoint.requestUri(),
        endpoint.url()));
    assertEquals(serviceNamespace, endpoint.serviceNamespace());
  }
}
