package dev.swipeloop.host.migrate;

import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.List;

/**
 * Copies every app of one backend into another, app by app in the order of {@link Tables#ALL},
 * a page at a time: each page read from the source is written to the target in one call, which
 * is one transaction where the target has a batch write (items, votes, ledger). Votes and ledger
 * entries keep their seqs, so the copied cursors stay valid. The target is expected to be empty
 * (the caller checks); the source should not change meanwhile.
 */
public final class DatabaseCopy {
    /** Rows per page: large enough that a transaction's fixed cost disappears, small enough to hold in memory. */
    public static final int PAGE_ROWS = 2_000;

    private final StorageBackend source;
    private final StorageBackend target;
    private final int pageRows;

    public DatabaseCopy(StorageBackend source, StorageBackend target, int pageRows) {
        this.source = source;
        this.target = target;
        this.pageRows = pageRows;
    }

    /** Counts the rows to copy into {@code progress}, then copies them, adding each page as it is written. */
    public void run(CopyProgress progress) {
        List<String> apps = appIds(source);
        progress.total(rows(source, apps, pageRows));
        SeqFloor floor = new SeqFloor();
        for (String appId : apps) {
            for (Table<?> table : Tables.ALL) {
                copy(table, appId, progress, floor);
            }
        }
        floor.apply(target, apps);
    }

    private <T> void copy(Table<T> table, String appId, CopyProgress progress, SeqFloor floor) {
        table.forEachPage(source, appId, pageRows, page -> {
            table.writer().write(target, appId, page);
            floor.copied(page);
            progress.add(page.size());
        });
    }

    /** Every row of every table of these apps. */
    static long rows(StorageBackend storage, List<String> appIds, int pageRows) {
        long rows = 0;
        for (String appId : appIds) {
            for (Table<?> table : Tables.ALL) {
                rows += table.count(storage, appId, pageRows);
            }
        }
        return rows;
    }

    /** The backend's app ids in one order both sides of a copy agree on. */
    static List<String> appIds(StorageBackend storage) {
        return storage.apps().stream().map(App::id).sorted().toList();
    }
}
