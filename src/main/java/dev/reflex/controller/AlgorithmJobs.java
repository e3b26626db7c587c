package dev.reflex.controller;

import dev.reflex.config.ReflexConfig;
import dev.reflex.kube.KubeApiException;
import dev.reflex.kube.KubeRest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The CronJob of an {@code ExternalJob} portrait: {@code <hp-namespace>-<hp-name>} in the algorithm-job namespace,
 * built from the portrait's template with the defaults a job needs (service account, the image of the container
 * named {@code algorithm}, {@code METRICS_SERVER_ADDR}, {@code HP_NAMESPACE}, {@code HP_NAME}). It is written only
 * when the desired CronJob changes: a hash of what we asked for is kept in an annotation, because the live object
 * carries server defaults and would never compare equal.
 */
final class AlgorithmJobs {

  static final String HASH_ANNOTATION = "reflex.dev/template-hash";
  static final String CONTAINER = "algorithm";

  private final KubeRest rest;
  private final ReflexConfig.AlgorithmJob config;
  private final String namespace;

  /**
   * @param fallbackNamespace used when {@code algorithm-job.namespace} is empty
   */
  AlgorithmJobs(KubeRest rest, ReflexConfig.AlgorithmJob config, String fallbackNamespace) {
    this.rest = rest;
    this.config = config;
    this.namespace = config.namespace().isBlank() ? fallbackNamespace : config.namespace();
  }

  static String name(String hpNamespace, String hpName) {
    return hpNamespace + "-" + hpName;
  }

  String path(String hpNamespace, String hpName) {
    return "/apis/batch/v1/namespaces/" + namespace + "/cronjobs/" + name(hpNamespace, hpName);
  }

  /** Creates or updates the CronJob; does nothing when it already is what the template asks for. */
  Future<Void> ensure(String hpNamespace, String hpName, String portraitType, JsonObject template) {
    JsonObject desired = desired(hpNamespace, hpName, portraitType, template);
    String hash = hash(desired);
    desired.getJsonObject("metadata").getJsonObject("annotations").put(HASH_ANNOTATION, hash);
    String path = path(hpNamespace, hpName);
    return rest.get(path).compose(live -> {
      String liveHash = live.getJsonObject("metadata").getJsonObject("annotations", new JsonObject())
          .getString(HASH_ANNOTATION, "");
      if (hash.equals(liveHash)) {
        return Future.<Void>succeededFuture();
      }
      return rest.mergePatch(path, new JsonObject().put("metadata", new JsonObject()
              .put("labels", desired.getJsonObject("metadata").getJsonObject("labels"))
              .put("annotations", desired.getJsonObject("metadata").getJsonObject("annotations")))
          .put("spec", desired.getJsonObject("spec"))).<Void>mapEmpty();
    }, e -> e instanceof KubeApiException api && api.notFound()
        ? rest.create("/apis/batch/v1/namespaces/" + namespace + "/cronjobs", desired).<Void>mapEmpty()
        : Future.failedFuture(e));
  }

  /** Removes the CronJob of a portrait that is gone or no longer ExternalJob. */
  Future<Void> remove(String hpNamespace, String hpName) {
    return rest.deleteIfPresent(path(hpNamespace, hpName));
  }

  JsonObject desired(String hpNamespace, String hpName, String portraitType, JsonObject template) {
    JsonObject meta = template.getJsonObject("metadata", new JsonObject());
    JsonObject spec = template.getJsonObject("spec", new JsonObject()).copy();
    JsonObject podSpec = child(child(child(child(spec, "jobTemplate"), "spec"), "template"), "spec");
    if (podSpec.getString("serviceAccountName", "").isEmpty() && !config.serviceAccount().isBlank()) {
      podSpec.put("serviceAccountName", config.serviceAccount());
    }
    for (Object c : podSpec.getJsonArray("containers", new JsonArray())) {
      JsonObject container = (JsonObject) c;
      if (!CONTAINER.equals(container.getString("name"))) {
        continue;
      }
      if (container.getString("image", "").isEmpty() && "Predictive".equals(portraitType)) {
        container.put("image", config.defaultImage());
      }
      JsonArray env = container.getJsonArray("env");
      if (env == null) {
        env = new JsonArray();
        container.put("env", env);
      }
      boolean hasAddr = env.stream().anyMatch(v -> "METRICS_SERVER_ADDR".equals(((JsonObject) v).getString("name")));
      if (!hasAddr) {
        env.add(new JsonObject().put("name", "METRICS_SERVER_ADDR").put("value", config.metricsServerAddr()));
      }
      JsonArray kept = new JsonArray();
      env.forEach(v -> {
        String name = ((JsonObject) v).getString("name");
        if (!"HP_NAMESPACE".equals(name) && !"HP_NAME".equals(name)) {
          kept.add(v);
        }
      });
      kept.add(new JsonObject().put("name", "HP_NAMESPACE").put("value", hpNamespace))
          .add(new JsonObject().put("name", "HP_NAME").put("value", hpName));
      container.put("env", kept);
    }
    return new JsonObject().put("apiVersion", "batch/v1").put("kind", "CronJob")
        .put("metadata", new JsonObject().put("name", name(hpNamespace, hpName)).put("namespace", namespace)
            .put("labels", meta.getJsonObject("labels", new JsonObject()).copy()
                .put("app.kubernetes.io/managed-by", "reflex"))
            .put("annotations", meta.getJsonObject("annotations", new JsonObject()).copy()))
        .put("spec", spec);
  }

  private static JsonObject child(JsonObject parent, String key) {
    JsonObject child = parent.getJsonObject(key);
    if (child == null) {
      child = new JsonObject();
      parent.put(key, child);
    }
    return child;
  }

  private static String hash(JsonObject desired) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(desired.encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
