/**
 * Checks of custom resource specs beyond what the OpenAPI schema expresses: bounds that relate two fields, cron
 * expressions and time zones that parse, members that must match their type, algorithm parameters, gray ranges and
 * the metric conventions of predictive portraits.
 *
 * <p>Pure with respect to I/O and the clock: a spec goes in, a {@link dev.reflex.api.validation.ValidationResult}
 * of {@link dev.reflex.api.validation.Violation}s (field path and problem) comes out. Schema-level rules (required
 * fields, minimums) are checked again here because the embedded API server does not enforce the schema. The entry
 * point is {@link dev.reflex.api.validation.SpecValidator}.
 */
package dev.reflex.api.validation;
