package dev.swipeloop.host.migrate;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a copy against its source: for every table of {@link Tables#ALL}, the rows on each side
 * and a {@link RecordChecksum} over every record read back from each side in paging order (apps
 * in id order). Reads through the storage API only, as the copy did, but shares nothing else
 * with it: a row the copy dropped, doubled or changed shows as a mismatch.
 */
public final class CopyVerifier {
    private final StorageBackend source;
    private final StorageBackend target;
    private final int pageRows;

    public CopyVerifier(StorageBackend source, StorageBackend target, int pageRows) {
        this.source = source;
        this.target = target;
        this.pageRows = pageRows;
    }

    /** One check per table, in copy order; {@code progress} counts the rows read on both sides. */
    public List<TableCheck> run(CopyProgress progress) {
        List<String> sourceApps = DatabaseCopy.appIds(source);
        List<String> targetApps = DatabaseCopy.appIds(target);
        progress.total(DatabaseCopy.rows(source, sourceApps, pageRows) + DatabaseCopy.rows(target, targetApps, pageRows));
        List<TableCheck> checks = new ArrayList<>();
        for (Table<?> table : Tables.ALL) {
            RecordChecksum here = sum(table, source, sourceApps, progress);
            RecordChecksum there = sum(table, target, targetApps, progress);
            checks.add(new TableCheck(table.name(), here.records(), there.records(), here.hex(), there.hex()));
        }
        return checks;
    }

    private <T> RecordChecksum sum(Table<T> table, StorageBackend storage, List<String> appIds, CopyProgress progress) {
        RecordChecksum sum = new RecordChecksum();
        for (String appId : appIds) {
            table.forEachPage(storage, appId, pageRows, page -> {
                page.forEach(row -> sum.add(table.fields().apply(row)));
                progress.add(page.size());
            });
        }
        return sum;
    }
}
