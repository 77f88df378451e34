///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 07: value at risk, a retention plan under a budget with ROI and sensitivity, and the experiment design (outputs/decisions/, outputs/reports/decisions.json).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class PlanRetention {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("plan-retention", args));
    }
}
