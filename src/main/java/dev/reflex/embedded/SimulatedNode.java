package dev.reflex.embedded;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one Node the simulated kubelet runs every pod on, as a kubelet registers it. */
final class SimulatedNode {

  static final String NAME = "reflex-node-1";

  private SimulatedNode() {
  }

  static JsonObject object(Instant now) {
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    JsonObject resources = new JsonObject().put("cpu", "16").put("memory", "65536Mi").put("pods", "1000");
    return new JsonObject().put("apiVersion", "v1").put("kind", "Node")
        .put("metadata", new JsonObject().put("name", NAME).put("labels", new JsonObject()
            .put("kubernetes.io/hostname", NAME).put("kubernetes.io/os", "linux")
            .put("kubernetes.io/arch", "amd64")))
        .put("spec", new JsonObject())
        .put("status", new JsonObject().put("capacity", resources).put("allocatable", resources.copy())
            .put("conditions", new JsonArray().add(new JsonObject().put("type", "Ready").put("status", "True")
                .put("reason", "KubeletReady").put("message", "kubelet is posting ready status")
                .put("lastHeartbeatTime", time).put("lastTransitionTime", time)))
            .put("addresses", new JsonArray().add(new JsonObject().put("type", "InternalIP").put("address",
                "127.0.0.1")).add(new JsonObject().put("type", "Hostname").put("address", NAME)))
            .put("nodeInfo", new JsonObject().put("kubeletVersion", "v1.32.0-reflex-embedded")
                .put("containerRuntimeVersion", "simulated://1.0").put("operatingSystem", "linux")
                .put("architecture", "amd64").put("osImage", "Reflex simulated node")
                .put("kernelVersion", "").put("machineID", "").put("systemUUID", "").put("bootID", "")));
  }
}
