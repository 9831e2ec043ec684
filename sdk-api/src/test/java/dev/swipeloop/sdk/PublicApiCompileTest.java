package dev.swipeloop.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.export.ExportFormat;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.App;
import dev.swipeloop.sdk.model.AppStats;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.LedgerEntry;
import dev.swipeloop.sdk.model.Rater;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.model.VoteKind;
import dev.swipeloop.sdk.plugin.PluginContext;
import dev.swipeloop.sdk.plugin.SwipeloopPlugin;
import dev.swipeloop.sdk.reward.LedgerView;
import dev.swipeloop.sdk.reward.Progress;
import dev.swipeloop.sdk.reward.RewardPolicy;
import dev.swipeloop.sdk.storage.AppendResult;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Implements every extension point with every method spelled out, so that a change which
 * would break a third-party plugin (a new abstract method, a changed signature) is a compile
 * error here first. The API grows by {@code default} methods only.
 */
class PublicApiCompileTest {

    static final class AnyPlugin extends SwipeloopPlugin {
        AnyPlugin(PluginContext context) {
            super(context);
        }
    }

    static final class AnyStorage implements StorageBackend {
        @Override public String id() { return "any-storage"; }
        @Override public String description() { return "compile check"; }
        @Override public ConfigSpec configSpec() { return new ConfigSpec(); }
        @Override public void start(PluginContext context, Config config) { }
        @Override public void close() { }
        @Override public void createApp(App app) { }
        @Override public Optional<App> app(String appId) { return Optional.empty(); }
        @Override public List<App> apps() { return List.of(); }
        @Override public int upsertItems(List<Item> items) { return 0; }
        @Override public Optional<Item> item(String appId, String itemId) { return Optional.empty(); }
        @Override public AppendResult appendVotes(List<Vote> votes) { return new AppendResult(new long[0]); }
        @Override public List<Vote> votesAfter(String appId, long afterSeq, int limit) { return List.of(); }
        @Override public List<Item> deck(String appId, String rater, VoteKind kind, int limit) { return List.of(); }
        @Override public AppStats stats(String appId) { return new AppStats(0, 0, 0, 0, 0, 0); }
        @Override public Optional<Rater> rater(String appId, String raterId) { return Optional.empty(); }
        @Override public long deleteRater(String appId, String raterId) { return 0; }
        @Override public List<LedgerEntry> appendLedger(List<LedgerEntry> entries) { return entries; }
        @Override public List<LedgerEntry> ledger(String appId, String raterId) { return List.of(); }
        @Override public Map<String, Item> items(String appId, Collection<String> ids) { return Map.of(); }
        @Override public Map<String, Long> judgements(String appId, Collection<String> ids) { return Map.of(); }
        @Override public OptionalLong exportCursor(String appId, String name) { return OptionalLong.empty(); }
        @Override public void saveExportCursor(String appId, String name, long seq) { }
    }

    static final class AnyReward implements RewardPolicy {
        @Override public String id() { return "any-reward"; }
        @Override public void start(PluginContext context, Config config) { }
        @Override public List<LedgerEntry> onAccepted(List<Vote> votes, LedgerView ledger) { return List.of(); }
        @Override public Progress progress(String appId, String rater, LedgerView ledger) {
            return new Progress(id(), 0, null, null, null, 0);
        }
    }

    static final class AnyExport implements ExportFormat {
        @Override public String id() { return "any-export"; }
        @Override public void start(PluginContext context, Config config) { }
        @Override public String fileExtension() { return "txt"; }
        @Override public String mediaType() { return "text/plain"; }
        @Override public int schemaVersion() { return 2; }
        @Override public Set<VoteKind> kinds() { return Set.of(VoteKind.PAIR); }
        @Override public ConfigSpec optionSpec() { return new ConfigSpec(); }
        @Override public void write(ExportJob job, OutputStream out) { }
    }

    /** A format written before {@link ExportJob} existed still compiles and is still called. */
    @SuppressWarnings("deprecation")
    static final class FirstFormExport implements ExportFormat {
        int calls;
        @Override public String id() { return "first-form"; }
        @Override public void start(PluginContext context, Config config) { }
        @Override public String fileExtension() { return "txt"; }
        @Override public String mediaType() { return "text/plain"; }
        @Override public void write(Iterator<ExportRow> rows, ExportOptions options, OutputStream out) { calls++; }
    }

    @Test
    void everyExtensionPointCanBeImplementedAndDefaultsHold() {
        ConfigSpec spec = new ConfigSpec().define("size", ConfigType.INT, 3, false, "how many");
        assertEquals(3, spec.parse(Map.of()).getInt("size"));
        assertEquals("", new AnyReward().description());
        assertEquals(0, new AnyExport().configSpec().keys().size());
        assertEquals(0, new AnyStorage().appendVotes(List.of()).size());
    }

    @Test
    void aFormatWithTheFirstWriteMethodIsCalledThroughTheNewOne() throws Exception {
        FirstFormExport format = new FirstFormExport();
        format.write(RecordingExportJob.of(format, List.of(), Map.of()), OutputStream.nullOutputStream());
        assertEquals(1, format.calls);
        assertEquals(1, format.schemaVersion());
        assertEquals(Set.of(VoteKind.BINARY, VoteKind.PAIR), format.kinds());
    }
}
