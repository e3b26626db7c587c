package dev.reflex.embedded;

import dev.reflex.embedded.apiserver.ApiServer;
import dev.reflex.embedded.apiserver.RequestGate;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults the embedded API server injects, for tests, chaos runs and demos of how Reflex rides out a troubled API
 * server. Only Reflex's requests are faulted: the simulator plays the cluster and is never faulted.
 * <ul>
 *   <li>{@link #failWrites}: the next {@code n} writes whose path contains a fragment answer a status;</li>
 *   <li>{@link #failAtRate}: requests of a verb (or any) on paths containing a fragment fail at a rate, with 409,
 *       429, 500, 503 or any status;</li>
 *   <li>{@link #delayAtRate}: such requests are held back (latency spikes; longer than the client's timeout, a
 *       timeout);</li>
 *   <li>{@link #dropWatches} and {@link #expireWatchCache}: watches end, and resuming them from their last
 *       resourceVersion meets 410 Gone.</li>
 * </ul>
 * It also counts Reflex's writes, so tests and benchmarks can tell how much a steady state costs the API server.
 */
public final class ApiFaults implements RequestGate {

  /** The user agent of the simulator's client: its writes are the cluster's own, not Reflex's, and not counted. */
  public static final String SIMULATOR_USER_AGENT = "reflex-embedded-simulator";

  private record Countdown(String pathFragment, int status, AtomicInteger remaining) {
  }

  /** A standing fault: {@code verb} is an HTTP method or "*", {@code status} 0 for a delay only. */
  private record RateFault(String verb, String pathFragment, double rate, int status, long delayMillis) {
    boolean applies(String method, String path) {
      return ("*".equals(verb) || verb.equalsIgnoreCase(method)) && path.contains(pathFragment);
    }
  }

  private final AtomicReference<Countdown> countdown = new AtomicReference<>();
  private final List<RateFault> standing = new CopyOnWriteArrayList<>();
  private final AtomicLong writes = new AtomicLong();
  private final AtomicLong injected = new AtomicLong();
  private final Deque<String> recent = new ConcurrentLinkedDeque<>();
  private volatile ApiServer server;

  /** Fails the next {@code count} writes to paths containing {@code pathFragment} with {@code status}. */
  public void failWrites(String pathFragment, int status, int count) {
    countdown.set(new Countdown(pathFragment, status, new AtomicInteger(count)));
  }

  /** Fails a share ({@code rate}, 0..1) of {@code verb} ("*" for any) requests on matching paths. */
  public void failAtRate(String verb, String pathFragment, int status, double rate) {
    standing.add(new RateFault(verb, pathFragment, rate, status, 0));
  }

  /** Holds back a share of {@code verb} requests on matching paths by {@code delay}. */
  public void delayAtRate(String verb, String pathFragment, Duration delay, double rate) {
    standing.add(new RateFault(verb, pathFragment, rate, 0, delay.toMillis()));
  }

  /** Removes every fault set so far. */
  public void clear() {
    countdown.set(null);
    standing.clear();
  }

  /** Ends the watches of resources whose {@code group/plural} contains {@code fragment} ("" for all). */
  public void dropWatches(String fragment) {
    if (server != null) {
      server.dropWatches(fragment);
    }
  }

  /** Forgets the server's watch cache: clients resuming a watch from an old resourceVersion get 410 Gone. */
  public void expireWatchCache() {
    if (server != null) {
      server.expireWatchCache();
    }
  }

  /** Writes received so far from clients other than the simulator (failed ones included). */
  public long writes() {
    return writes.get();
  }

  /** Requests failed or delayed by a fault so far. */
  public long injected() {
    return injected.get();
  }

  /** The last hundred writes as {@code METHOD path}, oldest first: what a steady state should not show. */
  public List<String> recentWrites() {
    return List.copyOf(recent);
  }

  void attach(ApiServer apiServer) {
    this.server = apiServer;
  }

  @Override
  public Verdict onRequest(String method, String path, String userAgent) {
    if (SIMULATOR_USER_AGENT.equals(userAgent)) {
      return Verdict.PASS;
    }
    boolean write = !"GET".equals(method);
    if (write) {
      writes.incrementAndGet();
      recent.addLast(method + " " + path);
      while (recent.size() > 100) {
        recent.pollFirst();
      }
      Countdown current = countdown.get();
      if (current != null && path.contains(current.pathFragment()) && current.remaining().getAndDecrement() > 0) {
        injected.incrementAndGet();
        return Verdict.fail(current.status());
      }
    }
    int status = 0;
    long delay = 0;
    for (RateFault fault : standing) {
      if (fault.applies(method, path) && ThreadLocalRandom.current().nextDouble() < fault.rate()) {
        status = status == 0 ? fault.status() : status;
        delay = Math.max(delay, fault.delayMillis());
      }
    }
    if (status == 0 && delay == 0) {
      return Verdict.PASS;
    }
    injected.incrementAndGet();
    return new Verdict(status, delay);
  }
}
