/**
 * What the notebooks call. A notebook narrates artifacts and holds no pipeline logic, so every cell after the
 * first is one call into this package plus a display: {@link dev.ntg.report.notebook.Artifacts} opens a work dir
 * and gives typed access to its manifests and Tablesaw tables read from its Parquet files (through DuckDB, with
 * the column types Tablesaw cannot read cast to ones it can); the {@code *Report} classes turn artifacts into
 * small tables and sentences, showing the numbers the stages reported rather than recomputing them (a sum over a
 * stage's Parquet file appears only as a labelled cross-check); the {@code *Charts} and {@code *Figures} classes draw
 * the HTML report's figures with the report's own builders and aggregates, and {@link dev.ntg.report.notebook.Charts}
 * turns them into the {@link java.awt.image.BufferedImage} that the JJava kernel displays as a PNG. This package sits
 * on top of {@code report} and {@code report.figures}; neither depends on it. Everything here only reads.
 */
package dev.ntg.report.notebook;
