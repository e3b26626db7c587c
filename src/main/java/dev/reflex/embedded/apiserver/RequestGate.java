package dev.reflex.embedded.apiserver;

/**
 * Looks at every request before it is served: fault injection and write counting for tests and benchmarks.
 * Returns the HTTP status to answer instead (an injected fault), or 0 to serve the request.
 */
@FunctionalInterface
public interface RequestGate {

  RequestGate OPEN = (method, path, userAgent) -> 0;

  int onRequest(String method, String path, String userAgent);
}
