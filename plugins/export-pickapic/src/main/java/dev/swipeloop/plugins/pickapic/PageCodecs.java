package dev.swipeloop.plugins.pickapic;

import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression without Hadoop. parquet-java's own {@code CodecFactory} compresses through
 * Hadoop's {@code CompressionCodec}/{@code CodecPool}; this factory offers the two codecs the
 * export needs directly: none, and SNAPPY through snappy-java (raw Snappy blocks, which is what a
 * Parquet SNAPPY page holds). Write-only: it has no decompressors. Stateless, thread-safe.
 */
final class PageCodecs implements CompressionCodecFactory {

    private static final BytesInputCompressor NONE = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
        }
    };

    private static final BytesInputCompressor SNAPPY = new BytesInputCompressor() {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.SNAPPY;
        }

        @Override
        public void release() {
        }
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        switch (codecName) {
            case UNCOMPRESSED:
                return NONE;
            case SNAPPY:
                return SNAPPY;
            default:
                throw new IllegalArgumentException("the Pick-a-Pic export writes UNCOMPRESSED or SNAPPY pages, not "
                        + codecName);
        }
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("the Pick-a-Pic export only writes Parquet");
    }

    @Override
    public void release() {
    }
}
