package dev.ntg.features;

import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A feature table ready to be written: its columns (the single source of their SQL and their manifest entries)
 * over an aggregate relation built from a {@link dev.ntg.run.TrainView}, sorted by its key for byte-identical files.
 */
public final class FeatureTable {
    private final String name;
    private final Artifact artifact;
    private final String grain;
    private final List<String> key;
    private final List<FeatureColumn> columns;
    private final String relation;
    private final DuckSession duck;

    FeatureTable(String name, Artifact artifact, String grain, List<String> key, List<FeatureColumn> columns,
                 String relation, DuckSession duck) {
        this.name = name;
        this.artifact = artifact;
        this.grain = grain;
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        this.relation = relation;
        this.duck = duck;
    }

    public String name() {
        return name;
    }

    public Artifact artifact() {
        return artifact;
    }

    /** What one row is, in words. */
    public String grain() {
        return grain;
    }

    public List<String> key() {
        return key;
    }

    public List<FeatureColumn> columns() {
        return columns;
    }

    /** The query that produces the table, every column cast to its declared type, in key order. */
    public String query() {
        String select = columns.stream()
                .map(c -> "CAST(" + c.sql() + " AS " + c.type() + ") AS " + Sql.ident(c.name()))
                .collect(Collectors.joining(",\n  "));
        String order = key.stream().map(Sql::ident).collect(Collectors.joining(", "));
        return "SELECT\n  " + select + "\nFROM (" + relation + ")\nORDER BY " + order;
    }

    /** Writes the table to a Parquet file. */
    public void write(Path target) {
        duck.copyToParquet(query(), target);
    }

    DuckSession duck() {
        return duck;
    }
}
