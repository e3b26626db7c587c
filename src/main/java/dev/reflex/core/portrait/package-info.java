/**
 * Portraits: what each IHPA portrait provider (Static, Cron, Dynamic with Static, Cron or TimeSeries data) says
 * the online replica count should be at an instant, and how the providers merge into one target.
 *
 * <p>Entry points for the IHPA controller:
 * <ul>
 *   <li>build providers with {@link dev.reflex.core.portrait.PortraitProvider#staticReplicas},
 *       {@link dev.reflex.core.portrait.PortraitProvider#cron} (rules from
 *       {@link dev.reflex.core.portrait.CronRule#of}) and {@link dev.reflex.core.portrait.PortraitProvider#dynamic}
 *       (data: {@link dev.reflex.core.portrait.StaticPortrait}, {@link dev.reflex.core.portrait.CronPortrait},
 *       {@link dev.reflex.core.portrait.TimeSeriesPortrait} or {@link dev.reflex.core.portrait.NoPortraitData});
 *       invalid input throws {@code IllegalArgumentException} naming the field, once, at build time;</li>
 *   <li>call {@link dev.reflex.core.portrait.PortraitMerger#merge} with the providers, the
 *       {@link dev.reflex.core.portrait.ReplicaBounds} and {@code now}. A
 *       {@link dev.reflex.core.portrait.MergeOutcome.Merged} carries the raw winning value (store it as the
 *       current portrait value), the clamped target (hand it to the gray planner) and the {@code ScalingLimited}
 *       reason; a {@link dev.reflex.core.portrait.MergeOutcome.NoValidValue} means "leave the workload alone".
 *       Both carry {@code wakeAt}: the exact instant a cron boundary, a time-series point or an expiry may
 *       change the answer, for a one-shot timer.</li>
 * </ul>
 * Everything here is pure: no clock is read, and cron-utils is used only for calendar arithmetic.
 */
package dev.reflex.core.portrait;
