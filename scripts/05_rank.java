///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 05: blended top-N per user with reasons, tuned on VAL, evaluated once on TEST against baselines with intervals (outputs/ranking/, outputs/reports/ranking.json).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class Rank {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("rank", args));
    }
}
