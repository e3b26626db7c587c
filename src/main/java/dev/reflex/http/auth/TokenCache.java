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

/**
 * TokenReview verdicts remembered per token: accepted ones for {@code acceptedTtl}, rejected ones for
 * {@link #REJECTED_TTL} (a token just issued is not refused for long), at most {@code capacity} tokens, the least
 * recently used dropped first. Tokens are kept as their SHA-256 only, so a heap dump does not hand them out.
 * Not thread-safe: one event loop owns it.
 *
 * <p>Example: accepted TTL 2m, a Prometheus writing every second with one token: one review at 10:00:00, answers
 * from the cache until 10:02:00, a review again at the first write after it.
 */
public final class TokenCache {

  /** How long a rejected token stays rejected without asking again (kube-apiserver's webhook cache uses 10 s). */
  public static final Duration REJECTED_TTL = Duration.ofSeconds(10);

  private record Entry(TokenVerdict verdict, Instant expires) {
  }

  private final Duration acceptedTtl;
  private final Clock clock;
  private final LinkedHashMap<String, Entry> entries;

  /**
   * @param acceptedTtl how long an accepted token is trusted without a new review; zero disables the cache
   * @param capacity the most tokens remembered, at least 1
   */
  public TokenCache(Duration acceptedTtl, int capacity, Clock clock) {
    if (acceptedTtl.isNegative()) {
      throw new IllegalArgumentException("token cache TTL must not be negative, was " + acceptedTtl);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("token cache size must be at least 1, was " + capacity);
    }
    this.acceptedTtl = acceptedTtl;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The remembered verdict for {@code token}, if it has not expired. */
  public Optional<TokenVerdict> get(String token) {
    String key = digest(token);
    Entry entry = entries.get(key);
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
  public void put(String token, TokenVerdict verdict) {
    Duration ttl = verdict instanceof TokenVerdict.Accepted ? acceptedTtl : REJECTED_TTL;
    if (ttl.isZero() || acceptedTtl.isZero()) {
      return;
    }
    entries.put(digest(token), new Entry(verdict, clock.instant().plus(ttl)));
  }

  /** How many tokens are remembered (expired ones included until they are looked up or pushed out). */
  public int size() {
    return entries.size();
  }

  private static String digest(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
