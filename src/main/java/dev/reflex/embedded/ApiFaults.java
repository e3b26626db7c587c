package dev.reflex.embedded;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the embedded API server can inject into writes, for tests and demos of how Reflex rides out a troubled
 * API server: the next {@code n} writes (POST, PUT, PATCH, DELETE) whose path contains a fragment answer a given
 * status (Reflex's writes only: the simulator plays the cluster and is never faulted). Also counts Reflex's writes,
 * so tests and benchmarks can tell how much a steady state costs the API server.
 */
public final class ApiFaults implements dev.reflex.embedded.apiserver.RequestGate {

  /** The user agent of the simulator's client: its writes are the cluster's own, not Reflex's, and not counted. */
  public static final String SIMULATOR_USER_AGENT = "reflex-embedded-simulator";

  private record Fault(String pathFragment, int status, AtomicInteger remaining) {
  }

  private final AtomicReference<Fault> fault = new AtomicReference<>();
  private final AtomicLong writes = new AtomicLong();
  private final java.util.Deque<String> recent = new java.util.concurrent.ConcurrentLinkedDeque<>();

  /** Fails the next {@code count} writes to paths containing {@code pathFragment} with {@code status}. */
  public void failWrites(String pathFragment, int status, int count) {
    fault.set(new Fault(pathFragment, status, new AtomicInteger(count)));
  }

  /** Writes received so far from clients other than the simulator (failed ones included). */
  public long writes() {
    return writes.get();
  }

  /** The last hundred writes as {@code METHOD path}, oldest first: what a steady state should not show. */
  public java.util.List<String> recentWrites() {
    return java.util.List.copyOf(recent);
  }

  /** Called for every request; returns the status to answer instead, or 0 to serve it normally. */
  @Override
  public int onRequest(String method, String path, String userAgent) {
    if ("GET".equals(method) || SIMULATOR_USER_AGENT.equals(userAgent)) {
      return 0;
    }
    writes.incrementAndGet();
    recent.addLast(method + " " + path);
    while (recent.size() > 100) {
      recent.pollFirst();
    }
    Fault current = fault.get();
    if (current != null && path.contains(current.pathFragment()) && current.remaining().getAndDecrement() > 0) {
      return current.status();
    }
    return 0;
  }
}
