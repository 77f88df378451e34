///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 03: build the pruned item–item similarity graph and its diagnostics from TRAIN (outputs/graph/).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class BuildGraph {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("build-graph", args));
    }
}
