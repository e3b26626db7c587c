/**
 * Rules of the design checked on the product's compiled classes (ArchUnit): pure decision cores, and time taken
 * from an injected Clock everywhere but the composition roots.
 */
package dev.reflex.architecture;
