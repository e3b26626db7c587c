package dev.reflex.embedded.apiserver;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded API server's write path without HTTP, on one thread: what one create or one merge patch of a pod
 * costs the store's event loop (admission with defaulting, validation and pruning, managed fields, the store, and
 * the JSON every response and watch event sends). The pods and patches are those of {@code scripts/bench-apiserver},
 * so the figures explain its writes per second; run with {@code scripts/bench-core} (see its header).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WritePathBenchmark {

  private static final int PODS = 1000;
  private static final String NAMESPACE = "bench";

  private Resources resources;
  private ResourceType pods;
  private final List<StoredObject> live = new ArrayList<>();
  private int next;

  /** A new store per iteration, so that creates do not pile up across iterations. */
  @Setup(Level.Iteration)
  public void newStore() {
    ObjectStore store = new ObjectStore(10_000);
    ResourceRegistry registry = new ResourceRegistry(BuiltInTypes.all());
    resources = new Resources(store, registry, new ObjectLifecycle(new Random(1)), Clock.systemUTC(),
        List.of(new CrdAdmission(), new SchemaAdmission(), new BuiltInAdmission()));
    ResourceType namespaces = registry.byPath("", "v1", "namespaces").orElseThrow();
    pods = registry.byPath("", "v1", "pods").orElseThrow();
    resources.create(namespaces, null, new JsonObject().put("apiVersion", "v1").put("kind", "Namespace")
        .put("metadata", new JsonObject().put("name", NAMESPACE)), options(), new ArrayList<>());
    live.clear();
    for (int p = 0; p < PODS; p++) {
      live.add(resources.create(pods, NAMESPACE, pod("pod-%05d".formatted(p)), options(), new ArrayList<>()));
    }
    next = 0;
  }

  @Benchmark
  public int createPod() {
    StoredObject created = resources.create(pods, NAMESPACE, pod("new-%07d".formatted(next++)), options(),
        new ArrayList<>());
    return created.json().length();
  }

  @Benchmark
  public int mergePatchPod() {
    int p = next++ % PODS;
    StoredObject current = live.get(p);
    String patch = "{\"metadata\":{\"labels\":{\"tick\":\"t" + next % 10 + "\"},\"annotations\":{\"stamp\":\""
        + next + "\"}}}";
    JsonObject patched = Conversions.toStorage(pods,
        MergePatch.applyTo(Conversions.fromStorage(pods, current.copy()), patch));
    StoredObject updated = resources.update(pods, current, patched, null, options(), new ArrayList<>());
    live.set(p, updated);
    return updated.json().length();
  }

  private static WriteOptions options() {
    return new WriteOptions(false, "", WriteOptions.FieldValidation.STRICT, false, "bench/v1", false);
  }

  private static JsonObject pod(String name) {
    return new JsonObject().put("apiVersion", "v1").put("kind", "Pod")
        .put("metadata", new JsonObject().put("name", name).put("namespace", NAMESPACE)
            .put("labels", new JsonObject().put("app", "bench").put("group", "g1"))
            .put("annotations", new JsonObject().put("stamp", "0")))
        .put("spec", new JsonObject().put("containers", new JsonArray().add(new JsonObject().put("name", "main")
            .put("image", "nginx:stable").put("ports", new JsonArray().add(new JsonObject()
                .put("containerPort", 8080))))));
  }
}
