/**
 * The event-driven shell shared by the streamed deciders: a verticle that feeds every accepted sample batch to a
 * single-threaded engine, decides at once (coalesced per target) when the engine says a batch calls for it, and
 * runs the engine's periodic pass every decision interval. Engines hold the per-target state and the rules.
 */
package dev.reflex.metrics.decider;
