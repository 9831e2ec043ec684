package dev.swipeloop.plugins.pickapic;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.export.ExportFixtures;
import dev.swipeloop.sdk.export.ExportJob;
import dev.swipeloop.sdk.export.ExportOptions;
import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Provenance;
import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.plugin.TestPluginContext;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Not a test: exports PAIRS generated pairs with IMAGE_BYTES-byte images (made on demand, never
 * stored) to a byte-counting sink, and prints the largest heap in use after any garbage
 * collection, the output size and the time. Run it under the host's export heap
 * to check that memory stays flat:
 * <pre>java -Xmx64m -cp "plugins/export-pickapic/target/classes:plugins/export-pickapic/target/test-classes:\
 * plugins/export-pickapic/target/lib/*:sdk-api/target/classes:sdk-api/target/test-classes:$HOME/.m2/repository/org/pf4j/pf4j/3.14.1/pf4j-3.14.1.jar:\
 * $HOME/.m2/repository/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar" \
 * dev.swipeloop.plugins.pickapic.PickapicHeapBench PAIRS IMAGE_BYTES PROMPTS [KEY=VALUE…]</pre>
 * The optional KEY=VALUE pairs are plugin settings, e.g. {@code rowGroupBytes=16777216}.
 */
public final class PickapicHeapBench {
    private static final AtomicLong PEAK_AFTER_GC = new AtomicLong();

    private PickapicHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = Integer.parseInt(args[0]);
        int imageBytes = Integer.parseInt(args[1]);
        int prompts = Integer.parseInt(args[2]);
        Map<String, String> settings = new HashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            settings.put(setting[0], setting[1]);
        }
        watchGarbageCollections();
        PickapicExport format = new PickapicExport();
        format.start(new TestPluginContext("export-pickapic", Path.of("."), "pickapic"),
                format.configSpec().parse(settings));
        GeneratedJob job = new GeneratedJob(format.optionSpec().parse(Map.of()), pairs, imageBytes, prompts);
        CountingSink sink = new CountingSink();
        long started = System.nanoTime();
        format.write(job, sink);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("pairs=%d imageBytes=%d prompts=%d settings=%s%n", pairs, imageBytes, prompts, settings);
        System.out.printf("written=%d rows, %.1f MB in %.1f s (%.0f MB/s); max heap %d MB; "
                        + "peak heap after GC %.1f MB%n", job.written, sink.bytes / 1e6, seconds,
                sink.bytes / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20, PEAK_AFTER_GC.get() / 1e6);
    }

    private static void watchGarbageCollections() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey()))
                        .mapToLong(pool -> pool.getValue().getUsed()).sum();
                PEAK_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    /** Pairs made on the fly, in seq order, the same on every pass; images are seeded random bytes. */
    private static final class GeneratedJob implements ExportJob {
        private static final Choice[] CHOICES = {Choice.LEFT, Choice.RIGHT, Choice.LEFT, Choice.TIE};
        private final Config formatOptions;
        private final int pairs;
        private final int imageBytes;
        private final int prompts;
        private long written;

        GeneratedJob(Config formatOptions, int pairs, int imageBytes, int prompts) {
            this.formatOptions = formatOptions;
            this.pairs = pairs;
            this.imageBytes = imageBytes;
            this.prompts = prompts;
        }

        @Override
        public String appId() {
            return ExportFixtures.APP;
        }

        @Override
        public ExportOptions options() {
            return new ExportOptions(ExportFixtures.APP, Map.of());
        }

        @Override
        public Config formatOptions() {
            return formatOptions;
        }

        @Override
        public Iterator<ExportRow> rows() {
            return new Iterator<>() {
                private int seq;

                @Override
                public boolean hasNext() {
                    return seq < pairs;
                }

                @Override
                public ExportRow next() {
                    seq++;
                    int prompt = seq % prompts;
                    Item left = item(prompt, seq % 7, "sdxl");
                    Item right = item(prompt, 7 + seq % 5, "flux");
                    Vote vote = new Vote(new UUID(seq, seq), ExportFixtures.APP, ExportFixtures.pseudonym("r" + seq % 997),
                            null, new Judgement.Pair(left.id(), right.id(), CHOICES[seq % CHOICES.length]), null, null,
                            seq, Instant.EPOCH.plusSeconds(seq));
                    return new ExportRow(vote, null, left, right);
                }
            };
        }

        private static Item item(int prompt, int variant, String model) {
            String id = "p" + prompt + "-v" + variant;
            return new Item(ExportFixtures.APP, id, "https://cdn.example/" + id + ".png",
                    new Provenance("prompt number " + prompt + ", a fox in snow, studio light, highly detailed", null,
                            model, null, null, null), "g" + prompt, null, Instant.EPOCH);
        }

        @Override
        public Optional<MediaBlob> image(Item item) {
            byte[] bytes = new byte[imageBytes];
            new Random(item.id().hashCode()).nextBytes(bytes);
            return Optional.of(new MediaBlob("0", "image/png", bytes));
        }

        @Override
        public void wrote(ExportRow row, String label) {
            written++;
        }

        @Override
        public void skipped(ExportRow row, String reason) {
        }
    }

    private static final class CountingSink extends OutputStream {
        private long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
