///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Every stage in order, skipping those whose inputs, config and code are unchanged: the same as ./ntg run-all (options --force, --from STAGE, --config FILE, --set key=value, --workdir DIR).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class RunAll {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("run-all", args));
    }
}
