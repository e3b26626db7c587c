package dev.reflex.embedded.apiserver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestAttributesTest {

  private static final UserInfo ALICE = UserInfo.of("alice");

  /** query is "k=v&k=v"; expected is verb|group|version|resource|subresource|namespace|name|resourceRequest|path. */
  @ParameterizedTest(name = "{0} {1}?{2}")
  @CsvSource(delimiter = ';', nullValues = "-", value = {
      "GET;    /api/v1/namespaces/default/pods;                    -;           list||v1|pods||default||true|",
      "GET;    /api/v1/namespaces/default/pods;                    watch=true;  watch||v1|pods||default||true|",
      "GET;    /api/v1/namespaces/default/pods;                    watch=1;     watch||v1|pods||default||true|",
      "GET;    /api/v1/namespaces/default/pods;                    watch=false; list||v1|pods||default||true|",
      "GET;    /api/v1/namespaces/default/pods;                    watch=F;     list||v1|pods||default||true|",
      "GET;    /api/v1/namespaces/default/pods/web-0;              watch=true;  get||v1|pods||default|web-0|true|",
      "GET;    /api/v1/namespaces/default/pods;  fieldSelector=metadata.name=web-0&watch=true; "
          + "watch||v1|pods||default|web-0|true|",
      "GET;    /api/v1/namespaces/default/pods;  fieldSelector=metadata.name==a,status.phase=Running; "
          + "list||v1|pods||default|a|true|",
      "GET;    /api/v1/namespaces/default/pods;  fieldSelector=metadata.name!=a; list||v1|pods||default||true|",
      "HEAD;   /api/v1/namespaces/default/pods/web-0;              -;           get||v1|pods||default|web-0|true|",
      "GET;    /api/v1/namespaces/default/pods/web-0/log;          -;           get||v1|pods|log|default|web-0|true|",
      "POST;   /api/v1/namespaces/default/pods;                    -;           create||v1|pods||default||true|",
      "POST;   /api/v1/namespaces/default/pods/web-0/eviction;     -;           "
          + "create||v1|pods|eviction|default|web-0|true|",
      "PUT;    /apis/apps/v1/namespaces/ns1/deployments/d/scale;   -;           "
          + "update|apps|v1|deployments|scale|ns1|d|true|",
      "PATCH;  /apis/apps/v1/namespaces/ns1/deployments/d;         -;           patch|apps|v1|deployments||ns1|d|true|",
      "DELETE; /apis/apps/v1/namespaces/ns1/deployments/d;         -;           "
          + "delete|apps|v1|deployments||ns1|d|true|",
      "DELETE; /apis/apps/v1/namespaces/ns1/deployments;           -;           "
          + "deletecollection|apps|v1|deployments||ns1||true|",
      "GET;    /api/v1/nodes;                                      -;           list||v1|nodes||||true|",
      "GET;    /api/v1/namespaces;                                 -;           list||v1|namespaces||||true|",
      "GET;    /api/v1/namespaces/kube-system;                     -;           "
          + "get||v1|namespaces||kube-system|kube-system|true|",
      "PUT;    /api/v1/namespaces/kube-system/finalize;            -;           "
          + "update||v1|namespaces|finalize|kube-system|kube-system|true|",
      "PUT;    /api/v1/namespaces/kube-system/status;              -;           "
          + "update||v1|namespaces|status|kube-system|kube-system|true|",
      "GET;    /api/v1/watch/namespaces/default/pods;              -;           watch||v1|pods||default||true|",
      "GET;    /apis/apps/v1/deployments;                          -;           list|apps|v1|deployments||||true|",
      "GET;    /apis/example.com/v1/namespaces/x/widgets/w/status; -;           "
          + "get|example.com|v1|widgets|status|x|w|true|",
      "OPTIONS; /api/v1/pods;                                      -;           ||v1|pods||||true|",
      "GET;    /api/v1;                                            -;           get|||||||false|/api/v1",
      "GET;    /apis/apps/v1;                                      -;           get|||||||false|/apis/apps/v1",
      "GET;    /apis;                                              -;           get|||||||false|/apis",
      "GET;    /healthz;                                           -;           get|||||||false|/healthz",
      "POST;   /metrics;                                           -;           post|||||||false|/metrics",
      "GET;    /openapi/v2?timeout=32s;                            -;           get|||||||false|/openapi/v2",
  })
  void readsRequestsAsKubeDoes(String method, String path, String query, String expected) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        String[] kv = pair.split("=", 2);
        params.put(kv[0], kv[1]);
      }
    }
    RequestAttributes a = RequestAttributes.of(ALICE, method, RequestPath.parse(path).orElse(null), path, params);
    String actual = String.join("|", a.verb(), a.apiGroup(), a.apiVersion(), a.resource(), a.subresource(),
        a.namespace(), a.name(), String.valueOf(a.resourceRequest()), a.path());
    assertEquals(expected, actual);
    assertEquals(ALICE, a.user());
  }
}
