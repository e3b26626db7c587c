package dev.reflex.taps;

import dev.reflex.bus.BusMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sees every message sent or published on Reflex's addresses. Runs on the sender's thread, so it only counts and
 * offers the message to each subscriber's bounded buffer; rendering and writing happen on the subscriber's context.
 */
public final class TapHub {

  /** Only our own addresses are counted; Vert.x's reply addresses and others are not interesting to tap. */
  public static final String PREFIX = "reflex.";

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, List<TapSubscription>> subscribers = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  public TapHub(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Registers the interceptor on the bus; call once. */
  public void install(EventBus bus) {
    bus.addOutboundInterceptor(this::intercept);
  }

  private void intercept(DeliveryContext<Object> delivery) {
    String address = delivery.message().address();
    if (address.startsWith(PREFIX)) {
      counts.computeIfAbsent(address, this::newCounter).increment();
      List<TapSubscription> subs = subscribers.get(address);
      if (subs != null && delivery.body() instanceof BusMessage message) {
        for (TapSubscription sub : subs) {
          sub.offer(message);
        }
      }
    }
    delivery.next();
  }

  private LongAdder newCounter(String address) {
    LongAdder adder = new LongAdder();
    Counter.builder("reflex.bus.messages").tag("address", address)
        .description("Messages sent or published on a Reflex event-bus address").register(registry);
    return adder;
  }

  /** Messages seen per address, including addresses known but silent so far. */
  public Map<String, Long> counts(List<String> knownAddresses) {
    Map<String, Long> result = new TreeMap<>();
    knownAddresses.forEach(a -> result.put(a, 0L));
    counts.forEach((address, adder) -> result.put(address, adder.sum()));
    return result;
  }

  public int clients(String address) {
    List<TapSubscription> subs = subscribers.get(address);
    return subs == null ? 0 : subs.size();
  }

  void subscribe(String address, TapSubscription subscription) {
    subscribers.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>()).add(subscription);
  }

  void unsubscribe(String address, TapSubscription subscription) {
    subscribers.computeIfPresent(address, (a, list) -> {
      list.remove(subscription);
      return list.isEmpty() ? null : list;
    });
  }
}
