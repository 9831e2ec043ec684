package dev.swipeloop.plugins.pickapic;

import static dev.swipeloop.plugins.pickapic.PickapicSchema.*;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;

/**
 * A Pick-a-Pic Parquet file being written to the host's stream, without Hadoop: parquet-java's
 * example writer (whose write support needs no Hadoop type) over a {@link StreamOutputFile}, a
 * {@link PlainParquetConfiguration} and {@link PageCodecs}. Closing it writes the footer and leaves
 * the host's stream open.
 *
 * <p>Memory: one row group ({@link PickapicSettings#rowGroupBytes()}) plus a page per column. The
 * image columns are written plain, without dictionary or min/max statistics: distinct images rarely
 * fit a 1 MiB dictionary, and trying hashes every image and re-encodes each page on fallback;
 * statistics compare every image byte by byte and keep copies of the smallest and largest per page
 * and per column chunk, only for parquet-java to drop them from the file when over 4 KB. Sizes are
 * checked after every row rather than after the first 100 (parquet-java's default), so a run of
 * large images cannot overshoot the row group or page size by a hundred images.
 * Not thread-safe.
 */
final class PickapicFile implements AutoCloseable {
    private final ParquetWriter<Group> writer;

    private PickapicFile(ParquetWriter<Group> writer) {
        this.writer = writer;
    }

    static PickapicFile open(OutputStream out, PickapicSettings settings) throws IOException {
        return new PickapicFile(ExampleParquetWriter.builder(new StreamOutputFile(out))
                .withType(SCHEMA)
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new PageCodecs())
                .withCompressionCodec(settings.compression())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(settings.rowGroupBytes())
                .withMinRowCountForPageSizeCheck(1)
                .withDictionaryEncoding(JPG_0, false)
                .withDictionaryEncoding(JPG_1, false)
                .withStatisticsEnabled(JPG_0, false)
                .withStatisticsEnabled(JPG_1, false)
                .build());
    }

    void append(PickapicRow row) throws IOException {
        Group group = new SimpleGroup(SCHEMA);
        group.append(ARE_DIFFERENT, row.areDifferent());
        group.append(BEST_IMAGE_UID, row.bestImageUid());
        group.append(CAPTION, row.caption());
        if (row.createdAtNanos() != null) {
            group.append(CREATED_AT, row.createdAtNanos());
        }
        group.append(HAS_LABEL, row.hasLabel());
        group.append(IMAGE_0_UID, row.image0Uid());
        appendIfPresent(group, IMAGE_0_URL, row.image0Url());
        group.append(IMAGE_1_UID, row.image1Uid());
        appendIfPresent(group, IMAGE_1_URL, row.image1Url());
        group.append(JPG_0, Binary.fromConstantByteArray(row.jpg0()));
        group.append(JPG_1, Binary.fromConstantByteArray(row.jpg1()));
        group.append(LABEL_0, row.label0());
        group.append(LABEL_1, row.label1());
        appendIfPresent(group, MODEL_0, row.model0());
        appendIfPresent(group, MODEL_1, row.model1());
        group.append(RANKING_ID, row.rankingId());
        group.append(USER_ID, row.userId());
        group.append(NUM_EXAMPLE_PER_PROMPT, row.numExamplePerPrompt());
        writer.write(group);
    }

    /** A null stays null (the columns are optional, as pyarrow writes them). */
    private static void appendIfPresent(Group group, String column, String value) {
        if (value != null) {
            group.append(column, value);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
