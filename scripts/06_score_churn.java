///usr/bin/env jbang "$0" "$@" ; exit $?
//DESCRIPTION Stage 06: calibrated probabilities of going inactive within churn.horizon_days, with drivers and a report (outputs/churn/, outputs/reports/churn.json).
//JAVA 17+
//DEPS dev.ntg:ntg:0.1.0-SNAPSHOT

class ScoreChurn {
    public static void main(String[] args) {
        System.exit(dev.ntg.cli.NtgCli.run("score-churn", args));
    }
}
