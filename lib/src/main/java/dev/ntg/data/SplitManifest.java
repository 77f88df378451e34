package dev.ntg.data;

import java.util.List;
import java.util.Map;

/**
 * {@code split_manifest.json} (schema {@value #SCHEMA}): the cutoffs, what each part holds, and who appears only after
 * TRAIN. The stage adds its provenance block when it writes the file.
 *
 * @param schemaVersion {@value #VERSION}
 * @param valStart   first instant of VAL (ISO-8601)
 * @param testStart  first instant of TEST (ISO-8601)
 * @param rule       how the cutoffs were chosen, and the tie rule
 * @param source     dataset.source and the files read
 * @param ingestion  records read, loaded and rejected, with reasons
 * @param parts      per part: rows, users, items, time range, file hash
 * @param coldStart  per later part: users and items absent from TRAIN, and their events
 */
public record SplitManifest(String schemaVersion, String valStart, String testStart, String rule, Source source, Ingestion ingestion,
                            Map<String, PartStats> parts, Map<String, ColdStart> coldStart) {
    public static final String SCHEMA = "split_manifest.schema.json";
    public static final String VERSION = "1";

    public record Source(String kind, List<String> files) {
    }

    public record Ingestion(long recordsRead, long eventsLoaded, long rejected, Map<String, Long> rejectReasons) {
    }

    public record PartStats(long rows, long users, long items, String minTs, String maxTs, String sha256) {
    }

    /**
     * @param newUsers          users with events in this part and none in TRAIN
     * @param newItems          items with events in this part and none in TRAIN
     * @param eventsOfNewUsers  events in this part by new users
     * @param eventsOnNewItems  events in this part on new items
     */
    public record ColdStart(long newUsers, long newItems, long eventsOfNewUsers, long eventsOnNewItems) {
    }
}
