package dev.ntg.leakage;

import dev.ntg.NtgException;
import dev.ntg.cli.Stages;
import dev.ntg.config.ConfigLoader;
import dev.ntg.config.NtgConfig;
import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;
import dev.ntg.run.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("every output after the split has a leakage role")
class LeakageRolesTest {
    private final NtgConfig config = ConfigLoader.fromBase().load().config();

    @Test
    @DisplayName("each stage after build-dataset classifies all its outputs")
    void everyOutputClassified() {
        List<Stage> all = Stages.all();
        int split = all.stream().map(Stage::name).toList().indexOf("build-dataset");
        assertTrue(split >= 0);
        LeakageRoles roles = LeakageRoles.pipeline();
        for (Stage s : all.subList(split + 1, all.size())) {
            for (Artifact a : s.outputs(config)) {
                assertDoesNotThrow(() -> roles.of(a), s.name() + " writes " + a.relativePath() + " without a role");
            }
        }
    }

    @Test
    @DisplayName("what must keep its bytes: FITTED always, VAL_TUNED only when TEST is rewritten")
    void mustNotMove() {
        assertTrue(LeakageRole.FITTED.mustNotMoveWhenRewriting(SplitWindow.VAL));
        assertTrue(LeakageRole.FITTED.mustNotMoveWhenRewriting(SplitWindow.TEST));
        assertFalse(LeakageRole.VAL_TUNED.mustNotMoveWhenRewriting(SplitWindow.VAL));
        assertTrue(LeakageRole.VAL_TUNED.mustNotMoveWhenRewriting(SplitWindow.TEST));
        assertFalse(LeakageRole.EVALUATION.mustNotMoveWhenRewriting(SplitWindow.VAL));
        assertFalse(LeakageRole.EVALUATION.mustNotMoveWhenRewriting(SplitWindow.TEST));
    }

    @Test
    @DisplayName("plan-retention reads nothing that holds a TEST outcome: its churn input is guarded against a TEST rewrite")
    void planReadsNoTestOutcome() {
        LeakageRoles roles = LeakageRoles.pipeline();
        for (Artifact in : new dev.ntg.decisions.PlanRetentionStage().inputs(config)) {
            if (!in.producer().equals("score-churn")) continue;
            assertTrue(roles.of(in).mustNotMoveWhenRewriting(SplitWindow.TEST), in.relativePath());
        }
    }

    @Test
    @DisplayName("an unclassified artifact is an error that says where to classify it")
    void unclassified() {
        LeakageRoles roles = new LeakageRoles(Map.of(PathCatalog.USER_FEATURES, LeakageRole.FITTED));
        NtgException e = assertThrows(NtgException.class, () -> roles.of(PathCatalog.ITEM_EDGES));
        assertTrue(e.getMessage().contains("outputs/graph/item_edges.parquet"), e.getMessage());
        assertTrue(e.getMessage().contains("LeakageRoles"), e.getMessage());
        assertEquals(LeakageRole.FITTED, roles.of(PathCatalog.USER_FEATURES));
    }
}
