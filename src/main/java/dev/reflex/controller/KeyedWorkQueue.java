package dev.reflex.controller;

import dev.reflex.bus.TargetKey;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keyed, coalescing work queue on one Vert.x context: at most one reconcile runs per key; triggers arriving while
 * it runs mark the key dirty and cause exactly one more pass. Failed reconciles are retried with exponential backoff
 * and jitter (capped at 30 s), each retry re-reading the latest state, which is how a 409 conflict is resolved;
 * {@link #enqueueAt} keeps one timer per key at the earliest requested instant, so cron boundaries and
 * gray steps wake the reconcile exactly when due. All methods must be called on the queue's context.
 *
 * <p><b>Bursts first.</b> Reconciles start in slices of {@value #SLICE} per turn of the context, so a resync that
 * marks thousands of keys dirty does not hold the context for one long loop; keys enqueued with
 * {@link #enqueueUrgent} (a burst to scale up for) start at the next turn, ahead of the backlog.
 */
public final class KeyedWorkQueue {

  private static final Logger LOG = LoggerFactory.getLogger(KeyedWorkQueue.class);
  private static final long MAX_BACKOFF_MILLIS = 30_000;
  /** Longer than any chain of API calls with their own timeouts; only a reconcile that lost its way reaches it. */
  static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(60);

  private final String name;
  private final Vertx vertx;
  private final Context context;
  private final Clock clock;
  private final Function<TargetKey, Future<?>> reconcile;
  /** Reconciles started per turn of the context. */
  static final int SLICE = 64;

  private final Set<TargetKey> dirty = new LinkedHashSet<>();
  private final Set<TargetKey> urgent = new LinkedHashSet<>();
  private final Set<TargetKey> running = new HashSet<>();
  private final Map<TargetKey, Integer> failures = new HashMap<>();
  private final Map<TargetKey, Timer> timers = new HashMap<>();
  private boolean drainScheduled;
  /** {@link #idle()}'s answer, written on the context, read by tests and benchmarks on their own threads. */
  private volatile boolean idle = true;
  /** {@link #passes()}'s answer; written on the context only. */
  private volatile long passes;

  private record Timer(long id, Instant at) {
  }

  public KeyedWorkQueue(String name, Vertx vertx, Context context, Clock clock,
      Function<TargetKey, Future<?>> reconcile) {
    this.name = name;
    this.vertx = vertx;
    this.context = context;
    this.clock = clock;
    this.reconcile = reconcile;
  }

  /** Reconciles the key soon; safe to call from any thread. */
  public void enqueue(TargetKey key) {
    if (Vertx.currentContext() == context) {
      markDirty(key);
    } else {
      context.runOnContext(v -> markDirty(key));
    }
  }

  /** Reconciles the key ahead of any backlog; safe to call from any thread. */
  public void enqueueUrgent(TargetKey key) {
    if (Vertx.currentContext() == context) {
      urgent.add(key);
      markDirty(key);
    } else {
      context.runOnContext(v -> {
        urgent.add(key);
        markDirty(key);
      });
    }
  }

  /** Reconciles the key at {@code at} (or now, if past); an earlier pending wake-up wins. */
  public void enqueueAt(TargetKey key, Instant at) {
    long delay = Duration.between(clock.instant(), at).toMillis();
    if (delay <= 0) {
      enqueue(key);
      return;
    }
    Timer existing = timers.get(key);
    if (existing != null) {
      if (!existing.at().isAfter(at)) {
        return;
      }
      vertx.cancelTimer(existing.id());
    }
    long id = vertx.setTimer(delay, t -> {
      timers.remove(key);
      markDirty(key);
    });
    timers.put(key, new Timer(id, at));
  }

  /** Forgets a deleted key's timer and failure count. */
  public void forget(TargetKey key) {
    Timer timer = timers.remove(key);
    if (timer != null) {
      vertx.cancelTimer(timer.id());
    }
    failures.remove(key);
  }

  /** The instant of the pending wake-up of a key, if any (for tests and status). */
  public Instant pendingWakeUp(TargetKey key) {
    Timer timer = timers.get(key);
    return timer == null ? null : timer.at();
  }

  /**
   * Whether no key is queued or running (a key waiting out a retry's backoff is neither); safe from any thread, as
   * of the queue's last change.
   */
  public boolean idle() {
    return idle;
  }

  /** Reconciles begun so far, of every key (a retry counts again); safe from any thread. */
  public long passes() {
    return passes;
  }

  /** Called on the context after every change of {@code dirty} or {@code running}. */
  private void changed() {
    idle = dirty.isEmpty() && running.isEmpty();
  }

  private void markDirty(TargetKey key) {
    dirty.add(key);
    changed();
    if (!drainScheduled) {
      drainScheduled = true;
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    drainScheduled = false;
    // Pick first, run after: a reconcile may enqueue keys (its own wake-up) while it starts.
    List<TargetKey> picked = new ArrayList<>(Math.min(SLICE, dirty.size()));
    for (var it = urgent.iterator(); it.hasNext(); ) {
      TargetKey key = it.next();
      if (!dirty.contains(key)) {
        it.remove();
      } else if (!running.contains(key)) {
        it.remove();
        picked.add(key);
      }
    }
    boolean more = false;
    for (TargetKey key : dirty) {
      if (picked.size() >= SLICE) {
        more = true;
        break;
      }
      if (!running.contains(key) && !picked.contains(key)) {
        picked.add(key);
      }
    }
    picked.forEach(dirty::remove);
    picked.forEach(this::run);
    changed();
    if (more && !drainScheduled) {
      drainScheduled = true;
      context.runOnContext(v -> drain());
    }
  }

  private void run(TargetKey key) {
    running.add(key);
    passes++;
    Future<?> pass;
    try {
      // A reconcile that never completes would hold its key forever; the timeout turns it into a retried failure.
      pass = reconcile.apply(key).timeout(RECONCILE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      pass = Future.failedFuture(e);
    }
    pass.onComplete(result -> {
      running.remove(key);
      changed();
      if (result.succeeded()) {
        failures.remove(key);
      } else {
        int attempt = failures.merge(key, 1, Integer::sum);
        long base = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(attempt, 12));
        // Jitter spreads retries of many keys failing together (an API server outage) over half a period.
        long backoff = base + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1);
        LOG.warn("[{}] {} reconcile failed (attempt {}), retrying in {} ms: {}", key, name, attempt, backoff,
            result.cause().toString());
        vertx.setTimer(backoff, t -> markDirty(key));
      }
      if (dirty.contains(key)) {
        markDirty(key);
      }
    });
  }
}
