/**
 * Gray (multi-stage) changes of a ReplicaProfile: from the profile in force (online, cutoff, standby), the
 * clamped portrait target and the IHPA {@code grayStrategy} per direction to the profile to apply now and the
 * instant to come back.
 *
 * <p>Entry point for the IHPA controller: {@link dev.reflex.core.gray.GrayPlanner#plan}. It takes the profile
 * last written, the target, {@link dev.reflex.core.gray.GrayStrategies}, the
 * {@link dev.reflex.core.gray.GrayProgress} returned by the previous call and {@code now}; it returns a
 * {@link dev.reflex.core.gray.GrayStep} with the profile to write, the progress to keep, the exact wake-up
 * instant (the controller requeues at it; nothing relies on a watch event to take the next step) and the phase.
 */
package dev.reflex.core.gray;
