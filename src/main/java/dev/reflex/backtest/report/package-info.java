/**
 * The {@code --report DIR} of a backtest: PNG plots drawn headless with JFreeChart (demand against each policy's
 * serving capacity with the unserved traffic shaded, pods over time) and a {@code report.html} with the figures.
 * Everything it shows comes from {@link dev.reflex.backtest.Backtest.Result}; nothing is fetched when it is viewed.
 */
package dev.reflex.backtest.report;
