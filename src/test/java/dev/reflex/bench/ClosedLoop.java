package dev.reflex.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code concurrency} request chains, each sending its next request as soon as the previous
 * answer's body has arrived, until {@code total} requests have been sent or the deadline has passed. Each chain
 * keeps one HTTP/1.1 keep-alive connection of the client's pool busy, so the load is exactly {@code concurrency}
 * requests in flight. Latency runs from just before a request is built (its body may carry that instant as a
 * stamp) until its whole answer has been read.
 */
final class ClosedLoop {

  /** One request of the load; {@code stamp} is {@link System#nanoTime()} just before it is sent. */
  interface Requests {
    Request next(int index, long stamp);

    /** Called on the event loop when request {@code index} was answered as expected. */
    default void answered(int index) {
    }
  }

  /** A request; any 2xx answer counts as done (fabric8's mock answers a patch with 202, kube-apiserver 200). */
  record Request(HttpMethod method, String path, String contentType, Buffer body) {
  }

  /** What a run reached: requests answered as expected, other answers and failures, and how long it took. */
  record Result(long ok, long errors, double seconds, boolean complete, String firstError, Latencies latencies) {

    double perSecond() {
      return seconds <= 0 ? 0 : ok / seconds;
    }

    JsonObject figures(String prefix) {
      return new JsonObject().put(prefix + "Ok", ok).put(prefix + "Errors", errors)
          .put(prefix + "Seconds", BenchCluster.round(seconds, 2))
          .put(prefix + "PerSec", BenchCluster.round(perSecond(), 0))
          .put(prefix + "Complete", complete)
          .mergeIn(latencies.summary(prefix))
          .put(prefix + "FirstError", firstError);
    }
  }

  private final HttpClient client;
  private final int port;
  private final int concurrency;

  ClosedLoop(HttpClient client, int port, int concurrency) {
    this.client = client;
    this.port = port;
    this.concurrency = concurrency;
  }

  /**
   * Runs the load and waits for it; a server that stops answering is given {@code grace} after the deadline (each
   * request also has an idle timeout), then the result says what was reached.
   */
  Result run(int total, long deadlineSeconds, long graceSeconds, Requests requests) throws Exception {
    Latencies latencies = new Latencies();
    AtomicInteger nextIndex = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(deadlineSeconds);
    CompletableFuture<?>[] chains = new CompletableFuture<?>[concurrency];
    for (int c = 0; c < concurrency; c++) {
      Promise<Void> done = Promise.promise();
      chains[c] = done.future().toCompletionStage().toCompletableFuture();
      new Chain(requests, nextIndex, total, deadline, latencies, ok, errors, lastAnswer, firstError, done).next();
    }
    boolean complete;
    try {
      CompletableFuture.allOf(chains).get(deadlineSeconds + graceSeconds, TimeUnit.SECONDS);
      complete = nextIndex.get() >= total && ok.get() + errors.get() >= total;
    } catch (java.util.concurrent.TimeoutException e) {
      complete = false;
    }
    long end = lastAnswer.get() == 0 ? System.nanoTime() : lastAnswer.get();
    return new Result(ok.get(), errors.get(), (end - start) / 1e9, complete && errors.get() == 0,
        firstError.get(), latencies);
  }

  /** One request chain: the next request goes out when the previous answer is in. */
  private final class Chain {
    private final Requests requests;
    private final AtomicInteger nextIndex;
    private final int total;
    private final long deadline;
    private final Latencies latencies;
    private final AtomicLong ok;
    private final AtomicLong errors;
    private final AtomicLong lastAnswer;
    private final AtomicReference<String> firstError;
    private final Promise<Void> done;

    Chain(Requests requests, AtomicInteger nextIndex, int total, long deadline, Latencies latencies, AtomicLong ok,
        AtomicLong errors, AtomicLong lastAnswer, AtomicReference<String> firstError, Promise<Void> done) {
      this.requests = requests;
      this.nextIndex = nextIndex;
      this.total = total;
      this.deadline = deadline;
      this.latencies = latencies;
      this.ok = ok;
      this.errors = errors;
      this.lastAnswer = lastAnswer;
      this.firstError = firstError;
      this.done = done;
    }

    void next() {
      if (System.nanoTime() > deadline) {
        done.tryComplete();
        return;
      }
      int index = nextIndex.getAndIncrement();
      if (index >= total) {
        done.tryComplete();
        return;
      }
      long stamp = System.nanoTime();
      Request request = requests.next(index, stamp);
      send(request).onComplete(answer -> {
        long now = System.nanoTime();
        latencies.record(now - stamp);
        lastAnswer.accumulateAndGet(now, Math::max);
        if (answer.succeeded() && answer.result() / 100 == 2) {
          ok.incrementAndGet();
          requests.answered(index);
        } else {
          errors.incrementAndGet();
          firstError.compareAndSet(null, request.method() + " " + request.path() + ": "
              + (answer.succeeded() ? "status " + answer.result() : answer.cause().toString()));
        }
        next();
      });
    }

    private Future<Integer> send(Request request) {
      RequestOptions options = new RequestOptions().setMethod(request.method()).setHost("127.0.0.1").setPort(port)
          .setURI(request.path()).setIdleTimeout(20_000);
      if (request.contentType() != null) {
        options.putHeader("Content-Type", request.contentType());
      }
      options.putHeader("Accept", "application/json");
      return client.request(options)
          .compose(r -> request.body() == null ? r.send() : r.send(request.body()))
          .compose(response -> response.body().map(body -> response.statusCode()));
    }
  }
}
