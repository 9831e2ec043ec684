package dev.swipeloop.plugins.pickapic;

import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The columns of Hugging Face dataset {@code yuvalkirstain/pickapic_v2}, in its order and with its
 * types (dataset card: {@code bool, string, string, timestamp[ns], bool, string ×4, binary ×2,
 * float64 ×2, string ×2, int64 ×3}), as a pandas/pyarrow writer lays them out: every column
 * optional, strings as UTF-8 binary, {@code timestamp[ns]} as INT64 nanoseconds not adjusted to
 * UTC (a zone-less timestamp, which pyarrow reads back as {@code timestamp[ns]}), images as plain
 * binary. The card's {@code __index_level_0__} (a leftover pandas index) is left out.
 */
final class PickapicSchema {
    static final String ARE_DIFFERENT = "are_different";
    static final String BEST_IMAGE_UID = "best_image_uid";
    static final String CAPTION = "caption";
    static final String CREATED_AT = "created_at";
    static final String HAS_LABEL = "has_label";
    static final String IMAGE_0_UID = "image_0_uid";
    static final String IMAGE_0_URL = "image_0_url";
    static final String IMAGE_1_UID = "image_1_uid";
    static final String IMAGE_1_URL = "image_1_url";
    static final String JPG_0 = "jpg_0";
    static final String JPG_1 = "jpg_1";
    static final String LABEL_0 = "label_0";
    static final String LABEL_1 = "label_1";
    static final String MODEL_0 = "model_0";
    static final String MODEL_1 = "model_1";
    static final String RANKING_ID = "ranking_id";
    static final String USER_ID = "user_id";
    static final String NUM_EXAMPLE_PER_PROMPT = "num_example_per_prompt";

    static final MessageType SCHEMA = Types.buildMessage()
            .optional(BOOLEAN).named(ARE_DIFFERENT)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(BEST_IMAGE_UID)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(CAPTION)
            .optional(INT64).as(LogicalTypeAnnotation.timestampType(false, TimeUnit.NANOS)).named(CREATED_AT)
            .optional(BOOLEAN).named(HAS_LABEL)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(IMAGE_0_UID)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(IMAGE_0_URL)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(IMAGE_1_UID)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(IMAGE_1_URL)
            .optional(BINARY).named(JPG_0)
            .optional(BINARY).named(JPG_1)
            .optional(DOUBLE).named(LABEL_0)
            .optional(DOUBLE).named(LABEL_1)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(MODEL_0)
            .optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(MODEL_1)
            .optional(INT64).named(RANKING_ID)
            .optional(INT64).named(USER_ID)
            .optional(INT64).named(NUM_EXAMPLE_PER_PROMPT)
            .named("schema");

    private PickapicSchema() {
    }
}
