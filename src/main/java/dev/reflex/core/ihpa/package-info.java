/**
 * One pass of the IHPA controller as a pure plan: merge the portraits, then (unless previewing) plan the gray step
 * towards the clamped target from the profile in force. {@link dev.reflex.core.ihpa.IhpaPlanner} is the entry point;
 * the controller only gathers the inputs and carries the plan out.
 */
package dev.reflex.core.ihpa;
