package dev.swipeloop.plugins.postgres;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Items to the column arrays of {@link #UPSERT}, and an items row back to an Item. */
final class ItemRows {
    /** Qualified, so statements that join items with other tables can select them as they are. */
    static final String COLUMNS = "items.app_id, items.id, items.image_url, items.prompt, items.negative_prompt,"
            + " items.model, items.model_version, items.seed, items.params_json, items.pair_group, items.gold,"
            + " items.updated_at";

    /**
     * One statement per batch, every column an array. Replaces every described field of an
     * existing item and keeps its place in the deck's order. A batch that names one item twice
     * keeps the last copy, as one upsert after the other would.
     */
    static final String UPSERT = """
            INSERT INTO items (app_id, id, image_url, prompt, negative_prompt, model, model_version, seed, \
            params_json, pair_group, gold, updated_at) \
            SELECT DISTINCT ON (app_id, id) app_id, id, image_url, prompt, negative_prompt, model, model_version, \
            seed, params_json, pair_group, gold, updated_at FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], \
            ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::int8[]) WITH ORDINALITY \
            AS i (app_id, id, image_url, prompt, negative_prompt, model, model_version, seed, params_json, \
            pair_group, gold, updated_at, position) ORDER BY app_id, id, position DESC \
            ON CONFLICT (app_id, id) DO UPDATE SET image_url = excluded.image_url, prompt = excluded.prompt, \
            negative_prompt = excluded.negative_prompt, model = excluded.model, \
            model_version = excluded.model_version, seed = excluded.seed, params_json = excluded.params_json, \
            pair_group = excluded.pair_group, gold = excluded.gold, updated_at = excluded.updated_at""";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM items WHERE app_id = ? AND id = ?";

    static final String BY_IDS = "SELECT " + COLUMNS + " FROM items WHERE app_id = ? AND id = ANY (?::text[])";

    /** Walks the primary key (app_id, id) in byte order of the ids. */
    static final String AFTER = "SELECT " + COLUMNS + " FROM items WHERE app_id = ? AND id > ? ORDER BY id LIMIT ?";

    private ItemRows() {
    }

    /** {@code updatedAt} stands in for an item that carries no time. */
    static void bindColumns(ArrayParameters parameters, List<Item> items, Instant updatedAt) throws SQLException {
        int n = items.size();
        String[][] text = new String[10][n];
        Long[] seeds = new Long[n];
        Long[] updated = new Long[n];
        long defaultUpdated = Columns.micros(updatedAt);
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            Provenance provenance = item.provenance() != null ? item.provenance() : Provenance.NONE;
            text[0][i] = item.appId();
            text[1][i] = item.id();
            text[2][i] = item.imageUrl();
            text[3][i] = provenance.prompt();
            text[4][i] = provenance.negativePrompt();
            text[5][i] = provenance.model();
            text[6][i] = provenance.modelVersion();
            seeds[i] = provenance.seed();
            text[7][i] = provenance.paramsJson();
            text[8][i] = item.group();
            text[9][i] = item.gold() != null ? item.gold().wire() : null;
            updated[i] = item.updatedAt() != null ? Columns.micros(item.updatedAt()) : defaultUpdated;
        }
        for (int column = 0; column < 7; column++) {
            parameters.add("text", text[column]);
        }
        parameters.add("int8", seeds).add("text", text[7]).add("text", text[8]).add("text", text[9])
                .add("int8", updated);
    }

    /** Reads a row selected with {@link #COLUMNS}. */
    static Item read(ResultSet row) throws SQLException {
        Provenance provenance = new Provenance(row.getString("prompt"), row.getString("negative_prompt"),
                row.getString("model"), row.getString("model_version"), Columns.getLong(row, "seed"),
                row.getString("params_json"));
        String gold = row.getString("gold");
        return new Item(row.getString("app_id"), row.getString("id"), row.getString("image_url"), provenance,
                row.getString("pair_group"), gold != null ? Verdict.fromWire(gold) : null,
                Columns.getInstant(row, "updated_at"));
    }
}
