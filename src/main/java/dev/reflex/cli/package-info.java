/**
 * The command line: {@code run}, {@code embedded}, {@code tap}, {@code decide} and {@code help}. Each subcommand
 * parses its own options, prints its own {@code --help}, and reports user errors in one line with exit code 2.
 */
package dev.reflex.cli;
