package dev.reflex.metrics.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Samples per second per remote-write client ({@code remote-write.client-rate-limit}), as a token bucket per client
 * holding one second of its rate: a client sending at most its rate is never refused, a burst above it is refused
 * until the bucket refills. A batch larger than the bucket passes when the bucket is full and leaves it in debt, so
 * that a limit below Prometheus' batch size slows a client down instead of refusing it forever. At most
 * {@code maxClients} buckets, the least recently used forgotten first (a forgotten client starts full again).
 * Thread-safe: batches are checked on the event loop and on the decoding workers.
 *
 * <p>Example: 1,000 samples/s; a client sends 600, then 600 at once: the second is refused with a retry after
 * 1 s (200 missing at 1,000/s is 0.2 s, rounded up to the whole second Retry-After carries); 0.2 s later it passes.
 */
public final class ClientRateLimiter {

  private final int perSecond;
  private final Clock clock;
  private final LinkedHashMap<String, double[]> buckets;

  /**
   * @param perSecond samples per second each client may send; 0 for no limit
   * @param maxClients the most clients tracked at once, at least 1
   */
  public ClientRateLimiter(int perSecond, int maxClients, Clock clock) {
    if (perSecond < 0) {
      throw new IllegalArgumentException("the rate limit must be a number of samples per second >= 0, was "
          + perSecond);
    }
    if (maxClients < 1) {
      throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
    }
    this.perSecond = perSecond;
    this.clock = clock;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
        return size() > maxClients;
      }
    };
  }

  /** The limit in samples per second; 0 for none. */
  public int perSecond() {
    return perSecond;
  }

  /** Whether there is a limit at all. */
  public boolean limits() {
    return perSecond > 0;
  }

  /**
   * Takes {@code samples} from {@code client}'s bucket.
   *
   * @return empty when the batch may pass, else how long the client should wait before sending it again
   */
  public Optional<Duration> take(String client, int samples) {
    if (perSecond == 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    long nowNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    synchronized (buckets) {
      // [tokens, last refill in nanoseconds]
      double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {perSecond, nowNanos});
      double refill = Math.max(0, nowNanos - bucket[1]) / 1e9 * perSecond;
      bucket[0] = Math.min(perSecond, bucket[0] + refill);
      bucket[1] = nowNanos;
      boolean full = bucket[0] >= perSecond;
      if (samples <= bucket[0] || full) {
        bucket[0] -= samples;
        return Optional.empty();
      }
      double missing = Math.min(samples, perSecond) - bucket[0];
      return Optional.of(Duration.ofNanos((long) Math.ceil(missing / perSecond * 1e9)));
    }
  }
}
