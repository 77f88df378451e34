package dev.ntg.data;

import dev.ntg.io.DuckSession;

import java.nio.file.Path;
import java.util.List;

/**
 * A raw event log in some layout. It stages its records for the {@link EventValidator} (see {@link RawEvents})
 * and its item metadata, if it has any, into table {@value #ITEM_META} (item_id, title, genres).
 */
interface EventSource {
    String ITEM_META = "item_meta";

    /** The files read, for the manifest and the up-to-date check. */
    List<Path> files();

    /** Creates {@link RawEvents#VIEW} and {@link RawEvents#STRUCTURAL_REJECTS}; returns the number of records read. */
    long stageEvents(DuckSession duck);

    /** Creates {@value #ITEM_META}; empty when the source has no metadata. */
    default void stageItems(DuckSession duck) {
        createItemMeta(duck);
    }

    static void createItemMeta(DuckSession duck) {
        duck.execute("CREATE OR REPLACE TABLE " + ITEM_META + " (item_id VARCHAR, title VARCHAR, genres VARCHAR)");
    }
}
