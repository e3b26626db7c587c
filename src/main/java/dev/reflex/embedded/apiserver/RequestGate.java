package dev.reflex.embedded.apiserver;

/**
 * Looks at every request before it is served: fault injection and write counting for tests, chaos runs and
 * benchmarks. Its verdict may fail the request with a status, hold it back for a while (latency, or a timeout when
 * longer than the client waits), or both.
 */
@FunctionalInterface
public interface RequestGate {

  RequestGate OPEN = (method, path, userAgent) -> Verdict.PASS;

  /** What to do with one request: {@code status} 0 serves it, {@code delayMillis} 0 at once. */
  record Verdict(int status, long delayMillis) {
    public static final Verdict PASS = new Verdict(0, 0);

    public static Verdict fail(int status) {
      return new Verdict(status, 0);
    }
  }

  Verdict onRequest(String method, String path, String userAgent);
}
