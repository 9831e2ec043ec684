package dev.swipeloop.host.export;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.storage.StorageBackend;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

/**
 * The {@link ExportJob} the host hands a format: rows from {@link RowReader} (a new pass per
 * call, sharing the caches so a second pass is cheap and decides alike), image bytes from the
 * {@link ImageSource}, counts into the {@link ExportTally}. Used by the one exporting thread.
 */
final class RunningExport implements ExportJob {
    private final StorageBackend storage;
    private final ExportPlan plan;
    private final ImageSource images;
    private final RaterFlags flags;
    private final ItemCache items;
    private final JudgementCounts judgements;
    private final RaterPseudonyms pseudonyms;
    private final ExportTally tally = new ExportTally();
    private final ExportProgress progress;
    private int passes;

    RunningExport(StorageBackend storage, ExportPlan plan, byte[] pseudonymKey, ImageSource images, RaterFlags flags,
                  String imageUrlBase, ExportProgress progress) {
        this.storage = storage;
        this.plan = plan;
        this.images = images;
        this.flags = flags;
        this.items = new ItemCache(storage, plan.appId(), imageUrlBase);
        this.judgements = new JudgementCounts(storage, plan.appId());
        this.pseudonyms = new RaterPseudonyms(pseudonymKey, plan.appId());
        this.progress = progress;
    }

    @Override
    public String appId() {
        return plan.appId();
    }

    @Override
    public ExportOptions options() {
        return plan.options();
    }

    @Override
    public Config formatOptions() {
        return plan.formatOptions();
    }

    @Override
    public Iterator<ExportRow> rows() {
        passes++;
        return new RowReader(storage, plan, items, judgements, pseudonyms, flags, tally, progress, passes == 1);
    }

    @Override
    public Optional<MediaBlob> image(Item item) throws IOException {
        return item == null ? Optional.empty() : images.image(item, plan.common().fetchMedia());
    }

    @Override
    public void wrote(ExportRow row, String label) {
        tally.wrote(row.split(), label);
        progress.wrote();
    }

    @Override
    public void skipped(ExportRow row, String reason) {
        tally.skipped(reason);
    }

    ExportTally tally() {
        return tally;
    }
}
