package dev.reflex.metrics.ingest;

/** A payload that cannot be decoded; the message says what is wrong, in words fit for an HTTP 400 body. */
public final class MalformedPayloadException extends Exception {

  public MalformedPayloadException(String message) {
    super(message);
  }

  public MalformedPayloadException(String message, Throwable cause) {
    super(message, cause);
  }
}
