/**
 * Event-bus taps for debugging: an outbound interceptor counts every message per address and copies it to the
 * clients watching that address, each through its own bounded buffer. A slow client loses messages (counted and
 * reported in its stream); the producer never waits for it.
 */
package dev.reflex.taps;
