package dev.reflex.api.validation;

import dev.reflex.api.v1alpha1.IntelligentHorizontalPodAutoscaler;
import dev.reflex.testing.Mappers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test helper: loads a sample IHPA as a tree and applies small edits to it, so that each invalid case states only
 * what it changes. An edit is {@code /json/pointer=<json value>} to set (objects are created on the way) or
 * {@code -/json/pointer} to remove.
 */
final class SpecEdits {

  private SpecEdits() {
  }

  static ObjectNode sample(String fileName) {
    try {
      return (ObjectNode) Mappers.YAML.readTree(Files.readString(Path.of("deploy/samples", fileName)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IntelligentHorizontalPodAutoscaler apply(String sampleFile, List<String> edits) {
    ObjectNode root = sample(sampleFile);
    for (String edit : edits) {
      edit(root, edit);
    }
    return Mappers.KUBE.unmarshal(root.toString(), IntelligentHorizontalPodAutoscaler.class);
  }

  static void edit(ObjectNode root, String edit) {
    boolean remove = edit.startsWith("-");
    String pointer = remove ? edit.substring(1) : edit.substring(0, edit.indexOf('='));
    String[] steps = pointer.substring(1).split("/");
    JsonNode parent = root;
    for (int i = 0; i < steps.length - 1; i++) {
      JsonNode next = child(parent, steps[i]);
      if (next == null || next.isNull() || next.isMissingNode()) {
        if (!(parent instanceof ObjectNode obj)) {
          throw new IllegalArgumentException("cannot create " + steps[i] + " in " + edit);
        }
        next = obj.putObject(steps[i]);
      }
      parent = next;
    }
    String last = steps[steps.length - 1];
    if (remove) {
      if (parent instanceof ArrayNode array) {
        array.remove(Integer.parseInt(last));
      } else {
        ((ObjectNode) parent).remove(last);
      }
      return;
    }
    JsonNode value = Mappers.JSON.readTree(edit.substring(edit.indexOf('=') + 1));
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last);
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  private static JsonNode child(JsonNode parent, String step) {
    return parent.isArray() ? parent.get(Integer.parseInt(step)) : parent.get(step);
  }
}
