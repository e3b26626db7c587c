/**
 * The event-bus contract: {@link dev.reflex.bus.Addresses} names every address, the message families are sealed
 * interfaces of records that all implement {@link dev.reflex.bus.BusMessage}, and {@link dev.reflex.bus.Codecs}
 * registers the single local codec once. Messages never leave the JVM, so the codec hands the same immutable
 * instance to the receiver; {@link dev.reflex.bus.BusMessage#toJson()} exists for taps and logs only.
 */
package dev.reflex.bus;
