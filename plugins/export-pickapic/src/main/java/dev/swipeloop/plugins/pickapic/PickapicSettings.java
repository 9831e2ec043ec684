package dev.swipeloop.plugins.pickapic;

import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The operator's settings of the Pick-a-Pic export, validated before start.
 *
 * <p>{@code rowGroupBytes}: parquet-java holds a whole row group in memory before it writes it,
 * so this bounds the export's heap (about once this, plus one 1 MiB page per image column). The
 * default 8 MiB is a few hundred pairs of typical generated images and leaves room under the 64 MiB
 * heap the host's exports are measured at; Hugging Face {@code datasets} itself writes image
 * datasets in row groups of only 100 rows ({@code PARQUET_ROW_GROUP_SIZE_FOR_IMAGE_DATASETS}), so
 * small groups cost readers nothing that matters.
 *
 * <p>{@code compression}: {@code none} by default, since the bulk of the file is PNG/JPEG/WebP
 * bytes that are already compressed (Snappy gains next to nothing on them and costs a copy per
 * page); {@code snappy} for exports whose images compress (uncompressed or BMP uploads).
 */
record PickapicSettings(long rowGroupBytes, CompressionCodecName compression) {
    static final String ROW_GROUP_BYTES = "rowGroupBytes";
    static final String COMPRESSION = "compression";
    private static final long MIB = 1024L * 1024L;

    static final ConfigSpec SPEC = new ConfigSpec()
            .define(ROW_GROUP_BYTES, ConfigType.LONG, 8 * MIB, false,
                    "Bytes of rows buffered in memory before a Parquet row group is written (1 MiB to 128 MiB); "
                            + "an export holds about this much heap",
                    Validator.range(MIB, 128 * MIB))
            .define(COMPRESSION, ConfigType.STRING, "none", false,
                    "Page compression: none (images are already compressed) or snappy",
                    Validator.oneOf("none", "snappy"));

    static final PickapicSettings DEFAULTS = from(SPEC.parse(Map.of()));

    static PickapicSettings from(Config config) {
        return new PickapicSettings(config.getLong(ROW_GROUP_BYTES),
                config.getString(COMPRESSION).equals("snappy") ? CompressionCodecName.SNAPPY : CompressionCodecName.UNCOMPRESSED);
    }
}
