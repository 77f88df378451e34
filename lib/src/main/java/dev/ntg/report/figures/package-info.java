/**
 * The HTML report's figures, one small class per family (split, graph, taste, ranking, churn, decisions). Each
 * method turns already-computed numbers (a report's JSON, or a few aggregates the evaluate stage queried) into a
 * {@link dev.ntg.report.figures.Figure}: an XChart chart in one house style, with a title, axis titles that carry
 * units, and a one-line caption. Nothing here reads files, so every figure can be drawn in a unit test from
 * hand-made numbers; the report and the notebooks query the numbers alike, and this package depends on neither.
 */
package dev.ntg.report.figures;
