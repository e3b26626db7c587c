package dev.reflex.decide;

import dev.reflex.objects.InvalidFieldException;
import io.vertx.core.json.JsonObject;

/**
 * One algorithm behind {@code reflex decide}: turns an input document into an output document.
 *
 * <p>Implementations are stateless; any state the algorithm carries between calls travels inside the documents
 * (the {@code state} field), so a user can replay a sequence of decisions by feeding each output's state back.
 */
public interface DecideAlgorithm {

  /** The value of the document's {@code algorithm} field this implementation answers, e.g. {@code KubeHPA}. */
  String name();

  /**
   * Decides for one document.
   *
   * @param document the whole input document, {@code algorithm} and {@code now} included
   * @return the output document
   * @throws InvalidFieldException when a field is missing or of the wrong type; its message names the field path
   */
  JsonObject decide(JsonObject document);
}
