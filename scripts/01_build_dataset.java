///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT
//DESCRIPTION Stage 01: ingest raw events with DuckDB, quarantine bad rows, write the one chronological train/val/test split.

// Thin entry point: the same code as `./ntg build-dataset`. Options: --config FILE, --set key=value, --workdir DIR.
class build_dataset {
    public static void main(String... args) {
        System.exit(dev.ntg.cli.NtgCli.run("build-dataset", args));
    }
}
