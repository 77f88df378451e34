///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT
//DESCRIPTION Stage 00: generate the embedded synthetic streaming service (events, catalog, ground truth), deterministic from the seed.

// Thin entry point: the same code as `./ntg generate-events`. Options: --config FILE, --set key=value, --workdir DIR.
class generate_events {
    public static void main(String... args) {
        System.exit(dev.ntg.cli.NtgCli.run("generate-events", args));
    }
}
