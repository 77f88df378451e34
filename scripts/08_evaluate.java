///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 08: schema-checked run summary linking every report (outputs/reports/run_summary.json), figures (reports/figures/) and the self-contained HTML report (reports/index.html).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class Evaluate {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("evaluate", args));
    }
}
