package dev.swipeloop.plugins.text;

import static dev.swipeloop.plugins.text.Utf8Sink.ascii;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Vote;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * One vote as one JSON object on one line. Every key is written on every line, null when it
 * does not apply, so a reader that infers a schema (DuckDB, {@code datasets}, pandas) sees one
 * schema for binary and pair votes alike; the keys are documented in {@code docs/exports-text.md}.
 * Not thread-safe: one per export, around that export's sink.
 */
final class VoteJsonLine {
    private static final byte[] SEQ = ascii("{\"seq\":");
    private static final byte[] ID = ascii(",\"id\":\"");
    private static final byte[] KIND = ascii("\",\"kind\":");
    private static final byte[] VERDICT = ascii(",\"verdict\":");
    private static final byte[] CHOICE = ascii(",\"choice\":");
    private static final byte[] DERIVED_TRUE = ascii(",\"derived\":true");
    private static final byte[] DERIVED_FALSE = ascii(",\"derived\":false");
    private static final byte[] SPLIT = ascii(",\"split\":");
    private static final byte[] RATER = ascii(",\"rater\":");
    private static final byte[] RATER_FLAGS = ascii(",\"raterFlags\":[");
    private static final byte[] SESSION = ascii("],\"session\":");
    private static final byte[] DWELL_MS = ascii(",\"dwellMs\":");
    private static final byte[] CLIENT_TS = ascii(",\"clientTs\":");
    private static final byte[] RECEIVED_AT = ascii(",\"receivedAt\":");
    private static final byte[] ITEM = ascii(",\"item\":");
    private static final byte[] LEFT = ascii(",\"left\":");
    private static final byte[] RIGHT = ascii(",\"right\":");
    private static final byte[] END = ascii("}\n");

    private static final byte[] ITEM_ID = ascii("{\"id\":");
    private static final byte[] IMAGE_URL = ascii(",\"imageUrl\":");
    private static final byte[] PROMPT = ascii(",\"prompt\":");
    private static final byte[] NEGATIVE_PROMPT = ascii(",\"negativePrompt\":");
    private static final byte[] MODEL = ascii(",\"model\":");
    private static final byte[] MODEL_VERSION = ascii(",\"modelVersion\":");
    private static final byte[] SEED = ascii(",\"seed\":");
    private static final byte[] PARAMS = ascii(",\"params\":");
    private static final byte[] GROUP = ascii(",\"group\":");
    private static final byte[] GOLD = ascii(",\"gold\":");
    private static final byte[] NULL = ascii("null");

    private final Utf8Sink sink;

    VoteJsonLine(Utf8Sink sink) {
        this.sink = sink;
    }

    void write(ExportRow row) throws IOException {
        Vote vote = row.vote();
        sink.raw(SEQ);
        sink.decimal(vote.seq());
        sink.raw(ID);
        sink.uuid(vote.id());
        sink.raw(KIND);
        sink.jsonString(vote.judgement().kind().wire());
        sink.raw(VERDICT);
        string(Votes.verdict(row));
        sink.raw(CHOICE);
        string(Votes.choice(row));
        sink.raw(row.derived() ? DERIVED_TRUE : DERIVED_FALSE);
        sink.raw(SPLIT);
        string(row.split());
        sink.raw(RATER);
        string(vote.rater());
        sink.raw(RATER_FLAGS);
        flags(row.raterFlags());
        sink.raw(SESSION);
        string(vote.session());
        sink.raw(DWELL_MS);
        if (vote.dwellMs() == null) {
            sink.raw(NULL);
        } else {
            sink.decimal(vote.dwellMs());
        }
        sink.raw(CLIENT_TS);
        instant(vote.clientTs());
        sink.raw(RECEIVED_AT);
        instant(vote.receivedAt());
        sink.raw(ITEM);
        item(row.item());
        sink.raw(LEFT);
        item(row.left());
        sink.raw(RIGHT);
        item(row.right());
        sink.raw(END);
    }

    private void item(Item item) throws IOException {
        if (item == null) {
            sink.raw(NULL);
            return;
        }
        Provenance provenance = item.provenance() == null ? Provenance.NONE : item.provenance();
        sink.raw(ITEM_ID);
        string(item.id());
        sink.raw(IMAGE_URL);
        string(item.imageUrl());
        sink.raw(PROMPT);
        string(provenance.prompt());
        sink.raw(NEGATIVE_PROMPT);
        string(provenance.negativePrompt());
        sink.raw(MODEL);
        string(provenance.model());
        sink.raw(MODEL_VERSION);
        string(provenance.modelVersion());
        sink.raw(SEED);
        if (provenance.seed() == null) {
            sink.raw(NULL);
        } else {
            sink.decimal(provenance.seed());
        }
        sink.raw(PARAMS);
        params(provenance.paramsJson());
        sink.raw(GROUP);
        string(item.group());
        sink.raw(GOLD);
        string(item.gold() == null ? null : item.gold().wire());
        sink.raw('}');
    }

    /**
     * Embedded as an object, so readers get its fields as columns. Text that is not one JSON
     * object (never from the host's item API, which accepts objects only) is written as null
     * rather than breaking the line.
     */
    private void params(String paramsJson) throws IOException {
        if (paramsJson == null || !JsonObjectText.isObject(paramsJson)) {
            sink.raw(NULL);
        } else {
            sink.text(JsonObjectText.oneLine(paramsJson.strip()));
        }
    }

    private void flags(List<String> flags) throws IOException {
        for (int i = 0; i < flags.size(); i++) {
            if (i > 0) {
                sink.raw(',');
            }
            sink.jsonString(flags.get(i));
        }
    }

    private void string(String value) throws IOException {
        if (value == null) {
            sink.raw(NULL);
        } else {
            sink.jsonString(value);
        }
    }

    private void instant(Instant value) throws IOException {
        if (value == null) {
            sink.raw(NULL);
            return;
        }
        sink.raw('"');
        IsoInstant.write(sink, value);
        sink.raw('"');
    }
}
