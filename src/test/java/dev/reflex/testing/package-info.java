/** Test helpers shared across packages. */
package dev.reflex.testing;
