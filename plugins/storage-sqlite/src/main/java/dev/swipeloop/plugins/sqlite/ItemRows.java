package dev.swipeloop.plugins.sqlite;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Verdict;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** An {@link Item} to the parameters of {@link #UPSERT}, and an items row back to an Item. */
final class ItemRows {
    static final String COLUMNS = "app_id, id, image_url, prompt, negative_prompt, model, model_version, seed, "
            + "params_json, pair_group, gold, updated_at";

    /** Replaces every described field; the judged counts belong to the votes and stay. */
    static final String UPSERT = """
            INSERT INTO items (app_id, id, image_url, prompt, negative_prompt, model, model_version, seed, \
            params_json, pair_group, gold, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) \
            ON CONFLICT (app_id, id) DO UPDATE SET image_url = excluded.image_url, prompt = excluded.prompt, \
            negative_prompt = excluded.negative_prompt, model = excluded.model, \
            model_version = excluded.model_version, seed = excluded.seed, params_json = excluded.params_json, \
            pair_group = excluded.pair_group, gold = excluded.gold, updated_at = excluded.updated_at""";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM items WHERE app_id = ? AND id = ?";

    /** ?1 = app, ?2 = the id to start after, ?3 = limit; walks the primary key (app_id, id) in byte order. */
    static final String AFTER = "SELECT " + COLUMNS + " FROM items WHERE app_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3";

    static final String COUNT = "SELECT count(*) FROM items WHERE app_id = ?";

    private ItemRows() {
    }

    /** ?1 = app; then {@code count} ids from ?2 on, as {@link IdBatches} makes them. */
    static String byIds(int count) {
        return "SELECT " + COLUMNS + " FROM items WHERE app_id = ?1 AND id IN ("
                + IdBatches.parameters(2, count) + ")";
    }

    /** {@code updatedAt} stands in when the item carries none. */
    static void bind(PreparedStatement upsert, Item item, Instant updatedAt) throws SQLException {
        Provenance provenance = item.provenance() != null ? item.provenance() : Provenance.NONE;
        upsert.setString(1, item.appId());
        upsert.setString(2, item.id());
        upsert.setString(3, item.imageUrl());
        upsert.setString(4, provenance.prompt());
        upsert.setString(5, provenance.negativePrompt());
        upsert.setString(6, provenance.model());
        upsert.setString(7, provenance.modelVersion());
        Columns.setLong(upsert, 8, provenance.seed());
        upsert.setString(9, provenance.paramsJson());
        upsert.setString(10, item.group());
        upsert.setString(11, item.gold() != null ? item.gold().wire() : null);
        Columns.setInstant(upsert, 12, item.updatedAt() != null ? item.updatedAt() : updatedAt);
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
