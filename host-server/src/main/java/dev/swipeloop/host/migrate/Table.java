package dev.swipeloop.host.migrate;

import dev.swipeloop.sdk.storage.StorageBackend;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One kind of record a backend keeps, as migrate copies and checks it: an app's records read
 * page by page in a fixed order, a page written into another backend, and the fields that make
 * a record what it is (for the checksum). Reads and writes go through {@link StorageBackend} only,
 * so any pair of backends can be copied.
 *
 * @param name    what the report calls it
 * @param pager   the app's records after {@code last} (null: from the first), at most {@code limit}
 * @param writer  stores one page in the target, in one transaction where the backend has a batch write
 * @param fields  a record's fields in a fixed order
 * @param counter how many records the app has, for the progress bar; null: count by paging
 */
record Table<T>(String name, Pager<T> pager, Writer<T> writer, Function<T, Object[]> fields, Counter counter) {

    @FunctionalInterface
    interface Pager<T> {
        List<T> page(StorageBackend storage, String appId, T last, int limit);
    }

    @FunctionalInterface
    interface Writer<T> {
        void write(StorageBackend target, String appId, List<T> page);
    }

    @FunctionalInterface
    interface Counter {
        long count(StorageBackend storage, String appId);
    }

    /** Calls {@code each} with every page of the app's records, in order. */
    void forEachPage(StorageBackend storage, String appId, int limit, Consumer<List<T>> each) {
        T last = null;
        while (true) {
            List<T> page = pager.page(storage, appId, last, limit);
            if (page.isEmpty()) {
                return;
            }
            each.accept(page);
            last = page.get(page.size() - 1);
        }
    }

    long count(StorageBackend storage, String appId, int limit) {
        if (counter != null) {
            return counter.count(storage, appId);
        }
        long[] rows = {0};
        forEachPage(storage, appId, limit, page -> rows[0] += page.size());
        return rows[0];
    }
}
