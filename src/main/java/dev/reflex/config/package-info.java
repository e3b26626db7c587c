/**
 * Configuration: every key Reflex understands, its default and its documentation live in {@link
 * dev.reflex.config.Settings}; {@link dev.reflex.config.ConfigLoader} layers a YAML file and {@code REFLEX_*}
 * environment variables over those defaults and turns the result into the immutable {@link
 * dev.reflex.config.ReflexConfig} record tree. Anything wrong is a {@link dev.reflex.config.ConfigException} naming
 * the key, which the command line reports in one line with exit code 2.
 */
package dev.reflex.config;
