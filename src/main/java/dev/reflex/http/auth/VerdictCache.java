package dev.reflex.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Review verdicts remembered per question (a bearer token for TokenReview, a caller and an action for
 * SubjectAccessReview): positive ones for {@code acceptedTtl}, negative ones for {@link #REJECTED_TTL} (a token
 * just issued or a RoleBinding just made is not refused for long), at most {@code capacity} questions, the least
 * recently used dropped first. Questions are kept as their SHA-256 only, so a heap dump does not hand tokens out.
 * Not thread-safe: one event loop owns it.
 *
 * <p>Example: accepted TTL 2m, a Prometheus writing every second with one token: one review at 10:00:00, answers
 * from the cache until 10:02:00, a review again at the first write after it.
 *
 * @param <V> the verdict
 */
public final class VerdictCache<V> {

  /** How long a negative verdict stands without asking again (kube-apiserver's webhook caches use 10 s). */
  public static final Duration REJECTED_TTL = Duration.ofSeconds(10);

  private record Entry<V>(V verdict, Instant expires) {
  }

  private final Duration acceptedTtl;
  private final Predicate<V> positive;
  private final Clock clock;
  private final LinkedHashMap<String, Entry<V>> entries;

  /**
   * @param acceptedTtl how long a positive verdict is trusted without a new review; zero disables the cache
   * @param positive which verdicts are positive
   * @param capacity the most questions remembered, at least 1
   */
  public VerdictCache(Duration acceptedTtl, Predicate<V> positive, int capacity, Clock clock) {
    if (acceptedTtl.isNegative()) {
      throw new IllegalArgumentException("review cache TTL must not be negative, was " + acceptedTtl);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("review cache size must be at least 1, was " + capacity);
    }
    this.acceptedTtl = acceptedTtl;
    this.positive = positive;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry<V>> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The remembered verdict for {@code question}, if it has not expired. */
  public Optional<V> get(String question) {
    String key = digest(question);
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.verdict());
  }

  /** Remembers what a review said. */
  public void put(String question, V verdict) {
    if (acceptedTtl.isZero()) {
      return;
    }
    Duration ttl = positive.test(verdict) ? acceptedTtl : REJECTED_TTL;
    entries.put(digest(question), new Entry<>(verdict, clock.instant().plus(ttl)));
  }

  /** How many questions are remembered (expired ones included until they are looked up or pushed out). */
  public int size() {
    return entries.size();
  }

  private static String digest(String question) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(question.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
