///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT
//DESCRIPTION Stage 02: user, item and interaction features from TRAIN only, with a schema-validated feature manifest.

// Thin entry point: the same code as `./ntg build-features`. Options: --config FILE, --set key=value, --workdir DIR.
class build_features {
    public static void main(String... args) {
        System.exit(dev.ntg.cli.NtgCli.run("build-features", args));
    }
}
