package dev.ntg.leakage;

import dev.ntg.NtgException;
import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.EvaluateStage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.*;

/**
 * The role of every artifact written after the split. A stage that adds an output must classify it here, or the
 * tamper check refuses to run (and {@code LeakageRolesTest} fails), so a new stage is covered as soon as it exists.
 */
public final class LeakageRoles {
    private final Map<Artifact, LeakageRole> roles;

    public LeakageRoles(Map<Artifact, LeakageRole> roles) {
        this.roles = Map.copyOf(roles);
    }

    /** The pipeline's own classification. */
    public static LeakageRoles pipeline() {
        Map<Artifact, LeakageRole> m = new LinkedHashMap<>();
        List.of(USER_FEATURES, ITEM_FEATURES, INTERACTION_FEATURES, FEATURE_MANIFEST,
                ITEM_EDGES, GRAPH_DIAGNOSTICS,
                TASTE_AXES, ITEM_AXES, USER_TASTE, TASTE_DIAGNOSTICS, USER_FACTORS, ITEM_FACTORS,
                // score-churn fits on examples labelled inside TRAIN only
                CHURN_EXAMPLES, CHURN_MODEL).forEach(a -> m.put(a, LeakageRole.FITTED));
        // rank chooses blend weights on VAL, and candidates.parquet depends on TRAIN and those weights only.
        // latest_scores.parquet holds the TEST-cutoff scores without outcomes (TRAIN-fitted, VAL-chosen model, history
        // before the TEST cutoff, which includes VAL events); plan-retention fits nothing and reads only those.
        List.of(RANKING_BLEND, RANKING_CANDIDATES, CHURN_SELECTION, LATEST_CHURN_SCORES,
                VALUE_AT_RISK, RETENTION_PLAN, ASSIGNMENT, DECISIONS_REPORT).forEach(a -> m.put(a, LeakageRole.VAL_TUNED));
        // evaluate restates the reports; the published schemas never move but are classified with their report
        List.of(RANKING_REPORT, CHURN_SCORES, CHURN_REPORT, RUN_SUMMARY, HTML_REPORT).forEach(a -> m.put(a, LeakageRole.EVALUATION));
        EvaluateStage.FIGURES.forEach(f -> {
            m.put(PathCatalog.figure(f), LeakageRole.EVALUATION);
            m.put(PathCatalog.figureSvg(f), LeakageRole.EVALUATION);
        });
        EvaluateStage.SCHEMAS.forEach(s -> m.put(PathCatalog.publishedSchema(s), LeakageRole.EVALUATION));
        return new LeakageRoles(m);
    }

    public LeakageRole of(Artifact artifact) {
        LeakageRole role = roles.get(artifact);
        if (role == null) {
            throw new NtgException(artifact.producer() + " writes " + artifact.relativePath() + ", which has no leakage role: "
                    + "classify it as FITTED, VAL_TUNED or EVALUATION in " + LeakageRoles.class.getName());
        }
        return role;
    }
}
