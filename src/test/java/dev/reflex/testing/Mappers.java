package dev.reflex.testing;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The JSON and YAML readers tests share (fabric8's static mappers are deprecated). */
public final class Mappers {

  /** Plain YAML trees, for reading manifests and charts. */
  public static final ObjectMapper YAML = new YAMLMapper();
  /** Plain JSON trees. */
  public static final ObjectMapper JSON = new JsonMapper();
  /** fabric8's serialization of model objects, with its Kubernetes modules. */
  public static final KubernetesSerialization KUBE = new KubernetesSerialization();

  private Mappers() {
  }
}
