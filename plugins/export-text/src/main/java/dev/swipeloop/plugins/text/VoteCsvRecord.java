package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Utf8Sink.ascii;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Vote;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One vote as one RFC 4180 record: the content of {@link VoteJsonLine}, flat, items as three
 * groups of {@code item_}, {@code left_} and {@code right_} columns. Records end in CRLF, as the
 * RFC asks; a field with a comma, quote, CR or LF is quoted. A null is an empty field; an empty
 * string is {@code ""}, so a reader that is asked to can tell the two apart (DuckDB's
 * {@code allow_quoted_nulls = false}); by default readers take both for null.
 * Not thread-safe: one per export, around that export's sink.
 */
final class VoteCsvRecord {
    static final List<String> COLUMNS = columns();

    private static final byte[] HEADER = ascii(String.join(",", COLUMNS) + "\r\n");
    private static final byte[] EMPTY_ITEM = ascii(",".repeat(10));
    private static final byte[] QUOTED_EMPTY = ascii("\"\"");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] END = ascii("\r\n");

    private final Utf8Sink sink;

    VoteCsvRecord(Utf8Sink sink) {
        this.sink = sink;
    }

    void header() throws IOException {
        sink.raw(HEADER);
    }

    void write(ExportRow row) throws IOException {
        Vote vote = row.vote();
        sink.decimal(vote.seq());
        sink.raw(',');
        sink.uuid(vote.id());
        sink.raw(',');
        sink.text(vote.judgement().kind().wire());
        sink.raw(',');
        field(Votes.verdict(row));
        sink.raw(',');
        field(Votes.choice(row));
        sink.raw(',');
        sink.raw(row.derived() ? TRUE : FALSE);
        sink.raw(',');
        field(row.split());
        sink.raw(',');
        field(vote.rater());
        sink.raw(',');
        if (!row.raterFlags().isEmpty()) {
            sink.csvField(String.join(";", row.raterFlags()));
        }
        sink.raw(',');
        field(vote.session());
        sink.raw(',');
        if (vote.dwellMs() != null) {
            sink.decimal(vote.dwellMs());
        }
        sink.raw(',');
        instant(vote.clientTs());
        sink.raw(',');
        instant(vote.receivedAt());
        item(row.item());
        item(row.left());
        item(row.right());
        sink.raw(END);
    }

    /** Ten fields, each after a comma. */
    private void item(Item item) throws IOException {
        if (item == null) {
            sink.raw(EMPTY_ITEM);
            return;
        }
        Provenance provenance = item.provenance() == null ? Provenance.NONE : item.provenance();
        sink.raw(',');
        field(item.id());
        sink.raw(',');
        field(item.imageUrl());
        sink.raw(',');
        field(provenance.prompt());
        sink.raw(',');
        field(provenance.negativePrompt());
        sink.raw(',');
        field(provenance.model());
        sink.raw(',');
        field(provenance.modelVersion());
        sink.raw(',');
        if (provenance.seed() != null) {
            sink.decimal(provenance.seed());
        }
        sink.raw(',');
        field(provenance.paramsJson());
        sink.raw(',');
        field(item.group());
        sink.raw(',');
        field(item.gold() == null ? null : item.gold().wire());
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.isEmpty()) {
            sink.raw(QUOTED_EMPTY);
        } else {
            sink.csvField(value);
        }
    }

    private void instant(Instant value) throws IOException {
        if (value != null) {
            IsoInstant.write(sink, value);
        }
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("seq", "id", "kind", "verdict", "choice", "derived", "split",
                "rater", "rater_flags", "session", "dwell_ms", "client_ts", "received_at"));
        for (String prefix : List.of("item", "left", "right")) {
            for (String column : List.of("id", "image_url", "prompt", "negative_prompt", "model", "model_version",
                    "seed", "params", "group", "gold")) {
                columns.add(prefix + "_" + column);
            }
        }
        return List.copyOf(columns);
    }
}
