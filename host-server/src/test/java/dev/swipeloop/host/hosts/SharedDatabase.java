package dev.swipeloop.host.hosts;

import java.nio.file.Path;
import java.util.List;

/** The one database the hosts of a test share: the storage flags every process of the test gets. */
interface SharedDatabase extends AutoCloseable {
    List<String> flags();

    @Override
    void close();

    /** One SQLite file in {@code dir}, opened by every process (WAL lets them share it on one machine). */
    static SharedDatabase forTest(Path dir) {
        String path = dir.resolve("shared.db").toString();
        return new SharedDatabase() {
            @Override
            public List<String> flags() {
                return List.of("--plugin.sqlite.path", path);
            }

            @Override
            public void close() {
            }
        };
    }
}
