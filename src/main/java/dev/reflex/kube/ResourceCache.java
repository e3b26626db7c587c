package dev.reflex.kube;

import dev.reflex.bus.TargetKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reflex's one set of informer caches, as JSON objects: what the controllers reconcile from, what the pod directory
 * routes streamed samples with, and what the Kubernetes taps publish. Started by the application on every replica,
 * leading or not (a standby routes samples too); the controllers subscribe while they lead. Generic (untyped)
 * informers are used on purpose: an IHPA with a value the model cannot read must still be seen, so that it can be
 * reported as an invalid spec instead of silently vanishing. Each subscriber names the kinds it wants and the
 * context its notifications hop onto.
 *
 * <p><b>Converted once.</b> Each object is turned into JSON once, when its event arrives; readers get copies, so a
 * reconcile may change what it reads without touching the cache. (Converting on every read made a resync of
 * thousands of keys hold the controllers' context for hundreds of milliseconds.)
 *
 * <p><b>Our own writes.</b> {@link #wrote} records an object a controller just wrote, as the API server answered
 * it, so the next reader sees it without waiting for the watch to echo it back: this is what lets the ReplicaProfile
 * controller act on the profile the IHPA controller wrote a moment ago. The first watch event that brings any
 * version other than the one the informer held at the time of the write (our echo, or something newer), a deletion,
 * or {@value #WRITTEN_TTL_SECONDS} s without such an event hand the object back to the informer. (Waiting for the
 * echo's exact resourceVersion would be enough against an API server that answers a write with the version its watch
 * then carries, as kube-apiserver and the embedded one do; giving way to any other version also survives one that
 * does not, where a written object outliving its echo would hide every later change.)
 */
public final class ResourceCache {

  /** The kinds the controllers watch. */
  public enum Kind {
    IHPA("autoscaling.kapacitystack.io", "v1alpha1", "intelligenthorizontalpodautoscalers",
        "IntelligentHorizontalPodAutoscaler"),
    HP("autoscaling.kapacitystack.io", "v1alpha1", "horizontalportraits", "HorizontalPortrait"),
    RP("autoscaling.kapacitystack.io", "v1alpha1", "replicaprofiles", "ReplicaProfile"),
    POD("", "v1", "pods", "Pod"),
    CONFIG_MAP("", "v1", "configmaps", "ConfigMap"),
    STATEFUL_SET("apps", "v1", "statefulsets", "StatefulSet"),
    DEPLOYMENT("apps", "v1", "deployments", "Deployment"),
    REPLICA_SET("apps", "v1", "replicasets", "ReplicaSet");

    final ResourceDefinitionContext definition;

    Kind(String group, String version, String plural, String kind) {
      this.definition = new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version)
          .withPlural(plural).withKind(kind).withNamespaced(true).build();
    }

    /** The collection path in a namespace, e.g. {@code /apis/apps/v1/namespaces/ns/statefulsets}. */
    public String collection(String namespace) {
      String prefix = definition.getGroup().isEmpty() ? "/api/" + definition.getVersion()
          : "/apis/" + definition.getGroup() + "/" + definition.getVersion();
      return prefix + "/namespaces/" + namespace + "/" + definition.getPlural();
    }

    public String path(String namespace, String name) {
      return collection(namespace) + "/" + name;
    }

    public String apiVersion() {
      return definition.getGroup().isEmpty() ? definition.getVersion()
          : definition.getGroup() + "/" + definition.getVersion();
    }

    public String kind() {
      return definition.getKind();
    }

    /** The kind with this Kubernetes kind name, e.g. {@code StatefulSet}. */
    public static java.util.Optional<Kind> byKind(String kind) {
      return java.util.Arrays.stream(values()).filter(k -> k.kind().equals(kind)).findFirst();
    }
  }

  static final long WRITTEN_TTL_SECONDS = 10;

  /**
   * An object as we wrote it, until a newer version arrives from the watch.
   *
   * @param before the resourceVersion the informer held when we wrote (null: none, a create)
   */
  private record Written(JsonObject object, String before, Instant at) {
  }

  /**
   * Told of every add, update and delete of the kinds it subscribed to. The object is the cache's own JSON, shared
   * with every reader: read it, never change it.
   */
  @FunctionalInterface
  public interface Listener {
    void changed(Kind kind, JsonObject object, boolean deleted);
  }

  /** A subscription; closing it ends it. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** @param writer whether this is the writer's subscription (see {@link #subscribeWriter}) */
  private record Subscriber(Context context, Set<Kind> kinds, Listener listener, boolean writer) {
  }

  private final KubernetesClient client;
  /** Times a written object's wait for its echo. */
  private final Clock clock;
  private final Map<Kind, SharedIndexInformer<GenericKubernetesResource>> informers = new LinkedHashMap<>();
  /** The JSON of each stored object, converted by the informers' threads as events arrive. */
  private final Map<Kind, JsonByVersion> converted = new EnumMap<>(Kind.class);
  /** Objects the controllers wrote whose echo has not arrived; touched on the controllers' context only. */
  private final Map<Kind, Map<String, Written>> written = new EnumMap<>(Kind.class);
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private Future<Void> started;

  /** @param clock times how long a written object waits for its echo */
  public ResourceCache(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    for (Kind kind : Kind.values()) {
      converted.put(kind, new JsonByVersion());
      written.put(kind, new HashMap<>());
    }
  }

  /**
   * Tells {@code listener} of every change of {@code kinds} from now on, on {@code context}; with a null context on
   * the informer's own thread (for thread-safe, quick listeners such as the pod directory's index). Objects already
   * cached are not replayed: a subscriber after {@link #whenSynced()} reads them with {@link #keys} or {@link #list}.
   *
   * @return closing it ends the subscription
   */
  public Subscription subscribe(Context context, Set<Kind> kinds, Listener listener) {
    Subscriber subscriber = new Subscriber(context, Set.copyOf(kinds), listener, false);
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /**
   * {@link #subscribe} for the one writer (the controllers): the objects it records with {@link #wrote} are kept on
   * {@code context}, and each event first retires the written copy it makes stale, in the same task that then tells
   * the writer. Closing the subscription forgets what was written.
   */
  public Subscription subscribeWriter(Context context, Listener listener) {
    Subscriber subscriber = new Subscriber(context, EnumSet.allOf(Kind.class), listener, true);
    subscribers.add(subscriber);
    return () -> {
      subscribers.remove(subscriber);
      context.runOnContext(v -> written.values().forEach(Map::clear));
    };
  }

  /**
   * Starts every informer (once; later calls answer the same future), with informer resync off: the controllers
   * resync on their own timer. The future completes on {@code context} once all caches are filled.
   */
  public synchronized Future<Void> start(Context context) {
    if (started != null) {
      return started;
    }
    List<Future<Void>> filled = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      JsonByVersion jsonOf = converted.get(kind);
      SharedIndexInformer<GenericKubernetesResource> informer = LeanInformers.withoutManagedFields(
          client.genericKubernetesResources(kind.definition).inAnyNamespace().runnableInformer(0));
      informer.addEventHandler(new ResourceEventHandler<>() {
        @Override
        public void onAdd(GenericKubernetesResource obj) {
          stored(obj);
        }

        @Override
        public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
          stored(newObj);
        }

        @Override
        public void onDelete(GenericKubernetesResource obj, boolean deletedFinalStateUnknown) {
          JsonObject json = json(obj);
          jsonOf.remove(storeKey(obj));
          tell(kind, json, true);
        }

        private void stored(GenericKubernetesResource obj) {
          JsonObject json = json(obj);
          jsonOf.put(storeKey(obj), obj.getMetadata().getResourceVersion(), json);
          tell(kind, json, false);
        }
      });
      informers.put(kind, informer);
      filled.add(Future.fromCompletionStage(informer.start(), context));
    }
    started = Future.all(filled).mapEmpty();
    return started;
  }

  /** Completes once every cache is filled; fails when the cache was never started. */
  public synchronized Future<Void> whenSynced() {
    return started == null ? Future.failedFuture(new IllegalStateException("the resource cache is not started"))
        : started;
  }

  private void tell(Kind kind, JsonObject json, boolean deleted) {
    for (Subscriber subscriber : subscribers) {
      if (!subscriber.kinds().contains(kind)) {
        continue;
      }
      if (subscriber.context() == null) {
        subscriber.listener().changed(kind, json, deleted);
      } else if (subscriber.writer()) {
        // The writer's stale copy goes in the same task, before it hears of the change.
        subscriber.context().runOnContext(v -> {
          echoed(kind, json, deleted);
          subscriber.listener().changed(kind, json, deleted);
        });
      } else {
        subscriber.context().runOnContext(v -> subscriber.listener().changed(kind, json, deleted));
      }
    }
  }

  public void stop() {
    informers.values().forEach(SharedIndexInformer::stop);
  }

  public boolean synced() {
    return !informers.isEmpty() && informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
  }

  /**
   * Records an object a controller just wrote (the API server's answer); readers get it until its watch echo
   * arrives. Must be called on the writer's context (see {@link #subscribeWriter}).
   */
  public void wrote(Kind kind, JsonObject object) {
    JsonObject meta = object.getJsonObject("metadata", new JsonObject());
    String rv = meta.getString("resourceVersion");
    if (rv == null || rv.isEmpty()) {
      return;
    }
    String key = meta.getString("namespace", "") + "/" + meta.getString("name");
    GenericKubernetesResource stored = informers.get(kind).getStore().getByKey(key);
    if (stored != null && rv.equals(stored.getMetadata().getResourceVersion())) {
      return;
    }
    written.get(kind).put(key, new Written(object.copy(),
        stored == null ? null : stored.getMetadata().getResourceVersion(), clock.instant()));
  }

  /**
   * Every event passes through here first, on the writer's context. For a key we wrote, the written object gives way
   * to a deletion or to any version other than the one the informer already held when we wrote (whose event may
   * still be on its way here). That is our echo, or something newer; at worst an intermediate version from another
   * writer, which is no staler than an informer without this.
   */
  private void echoed(Kind kind, JsonObject object, boolean deleted) {
    String key = keyOf(object);
    if (deleted) {
      written.get(kind).remove(key);
      return;
    }
    Written w = written.get(kind).get(key);
    String resourceVersion = object.getJsonObject("metadata", new JsonObject()).getString("resourceVersion");
    if (w != null && !Objects.equals(w.before(), resourceVersion)) {
      written.get(kind).remove(key);
    }
  }

  private static String keyOf(JsonObject object) {
    JsonObject meta = object.getJsonObject("metadata", new JsonObject());
    return meta.getString("namespace", "") + "/" + meta.getString("name");
  }

  /** The written object of a key while it is still ahead of the informer, or null. */
  private JsonObject ahead(Kind kind, String key) {
    Map<String, Written> byKey = written.get(kind);
    if (byKey == null || byKey.isEmpty()) {
      return null;
    }
    Written w = byKey.get(key);
    if (w == null) {
      return null;
    }
    if (clock.instant().isAfter(w.at().plusSeconds(WRITTEN_TTL_SECONDS))) {
      byKey.remove(key);
      return null;
    }
    return w.object();
  }

  /** The cached object (a copy), or null. */
  public JsonObject get(Kind kind, String namespace, String name) {
    String key = namespace + "/" + name;
    JsonObject mine = ahead(kind, key);
    if (mine != null) {
      return mine.copy();
    }
    GenericKubernetesResource obj = informers.get(kind).getStore().getByKey(key);
    return obj == null ? null : jsonOf(kind, key, obj);
  }

  /** A copy of the object's JSON, as converted when its event came if that is the stored version. */
  private JsonObject jsonOf(Kind kind, String key, GenericKubernetesResource obj) {
    return sharedJsonOf(kind, key, obj).copy();
  }

  private JsonObject sharedJsonOf(Kind kind, String key, GenericKubernetesResource obj) {
    return converted.get(kind).shared(key, obj.getMetadata().getResourceVersion(), () -> json(obj));
  }

  private static String storeKey(GenericKubernetesResource obj) {
    String namespace = obj.getMetadata().getNamespace();
    return (namespace == null ? "" : namespace) + "/" + obj.getMetadata().getName();
  }

  public JsonObject get(Kind kind, TargetKey key) {
    return get(kind, key.namespace(), key.name());
  }

  /** The keys of every cached object of a kind, without converting the objects (a resync needs only these). */
  public List<TargetKey> keys(Kind kind) {
    List<TargetKey> keys = new ArrayList<>();
    for (String key : informers.get(kind).getStore().listKeys()) {
      int slash = key.indexOf('/');
      keys.add(slash < 0 ? new TargetKey("", key) : new TargetKey(key.substring(0, slash), key.substring(slash + 1)));
    }
    return keys;
  }

  public List<JsonObject> list(Kind kind, String namespace) {
    return objects(kind, namespace, true);
  }

  /**
   * {@link #list} without the copies: the cached JSON itself, shared with every other reader. For the reconciles that
   * only read (a ReplicaProfile counts its pods on every pass), where a copy of every pod of the namespace was most
   * of what a reconcile cost at ten thousand workloads. Read it, never change it.
   */
  public List<JsonObject> listShared(Kind kind, String namespace) {
    return objects(kind, namespace, false);
  }

  private List<JsonObject> objects(Kind kind, String namespace, boolean copies) {
    SharedIndexInformer<GenericKubernetesResource> informer = informers.get(kind);
    // The informer's namespace index: a namespace's objects without looking at every other namespace's.
    List<GenericKubernetesResource> objects = namespace == null ? informer.getStore().list()
        : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace);
    List<JsonObject> result = new ArrayList<>(objects.size());
    for (GenericKubernetesResource obj : objects) {
      String key = storeKey(obj);
      JsonObject mine = ahead(kind, key);
      JsonObject json = mine != null ? mine : sharedJsonOf(kind, key, obj);
      result.add(copies ? json.copy() : json);
    }
    return result;
  }

  private JsonObject json(GenericKubernetesResource obj) {
    return new JsonObject(client.getKubernetesSerialization().asJson(obj));
  }
}
