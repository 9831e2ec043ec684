package dev.swipeloop.host.ranking;

import dev.swipeloop.host.export.RaterFlags;
import dev.swipeloop.host.quality.FlagRateAlarm;
import dev.swipeloop.host.quality.RaterFlag;
import dev.swipeloop.host.quality.RaterReport;
import dev.swipeloop.host.scoring.DawidSkene;
import dev.swipeloop.host.scoring.Krippendorff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rater quality as the API, exports and {@code /health} see it: each rater's flags with their
 * reasons and the counts behind them, a Dawid–Skene weight, the app's agreement (Krippendorff's
 * α over likes and dislikes, items as units) and the flag-rate alarms. Flags are facts to act
 * on, never a silent filter: exports keep flagged votes unless asked to leave them out.
 */
public final class QualityService implements RaterFlags, AutoCloseable {
    static final int DAWID_SKENE_ITERATIONS = 50;
    static final double DAWID_SKENE_TOLERANCE = 1e-6;
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    /** A rater's report, Dawid–Skene accuracy (null with no like or dislike yet) and the board's seq. */
    public record RaterView(RaterReport report, Double weight, long binaryVotes, long asOfSeq) {
    }

    /** An app's quality at a glance. {@code alpha} is NaN when no item has two answers or nothing varies. */
    public record AppView(long asOfSeq, int raters, long flaggedRaters, double alpha, long pairableItems,
                          List<FlagRateAlarm.Alarm> alarms) {
    }

    /** A rater of the app's list: report, when their latest vote arrived, Dawid–Skene accuracy (null without answers). */
    public record RaterRow(RaterReport report, Instant lastVoteAt, Double weight) {
    }

    /** An alarm of one app, for {@code /health}. */
    public record AppAlarm(String appId, FlagRateAlarm.Alarm alarm) {
    }

    private record Weights(Map<String, Integer> raterIndex, double[] accuracy, int[] votes) {
    }

    private final ScoreBoards boards;
    private final Clock clock;
    private final ExecutorService weighing = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "swipeloop-dawid-skene");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Recomputed<Weights>> weights = new ConcurrentHashMap<>();

    public QualityService(ScoreBoards boards, Clock clock) {
        this.boards = boards;
        this.clock = clock;
    }

    /** Null when the rater has no vote in the app. */
    public RaterView rater(String appId, String rater) {
        AppBoard board = boards.fresh(appId);
        RaterReport report = board.exclusive(b -> b.quality.report(rater, clock.instant()));
        if (report.votes() == 0) {
            return null;
        }
        // Weights depend on the votes alone; a rebuilt board (after an erasure) is a new basis.
        Recomputed<Weights> cache = weights.computeIfAbsent(appId, key -> new Recomputed<>(weighing, PATIENCE));
        Weights fitted = cache.get(board, board.lastSeq(), () -> weigh(board)).value();
        Integer index = fitted.raterIndex().get(rater);
        return index == null ? new RaterView(report, null, 0, board.lastSeq())
                : new RaterView(report, fitted.accuracy()[index], fitted.votes()[index], board.lastSeq());
    }

    /**
     * Every rater of the app with their report, as of the board's last vote: the dashboard's list.
     * The reports are made under the board's lock, O(raters), and new votes wait meanwhile; the
     * weights come from the same cache as {@link #rater}'s.
     */
    public List<RaterRow> raters(String appId) {
        AppBoard board = boards.fresh(appId);
        Instant now = clock.instant();
        List<RaterRow> reports = board.exclusive(b -> {
            List<RaterRow> out = new ArrayList<>();
            for (String rater : b.quality.raterIds()) {
                out.add(new RaterRow(b.quality.report(rater, now), b.quality.lastVoteAt(rater), null));
            }
            return out;
        });
        Recomputed<Weights> cache = weights.computeIfAbsent(appId, key -> new Recomputed<>(weighing, PATIENCE));
        Weights fitted = cache.get(board, board.lastSeq(), () -> weigh(board)).value();
        List<RaterRow> rows = new ArrayList<>(reports.size());
        for (RaterRow row : reports) {
            Integer index = fitted.raterIndex().get(row.report().rater());
            rows.add(index == null ? row : new RaterRow(row.report(), row.lastVoteAt(), fitted.accuracy()[index]));
        }
        return rows;
    }

    public AppView app(String appId) {
        AppBoard board = boards.fresh(appId);
        return board.exclusive(b -> {
            int items = b.catalogue.items();
            long[] likes = new long[items];
            long[] dislikes = new long[items];
            long pairable = 0;
            for (int item = 0; item < items; item++) {
                likes[item] = b.itemTally.likes(item);
                dislikes[item] = b.itemTally.dislikes(item);
                if (likes[item] + dislikes[item] >= 2) {
                    pairable++;
                }
            }
            return new AppView(b.lastSeq(), b.quality.raters(), b.quality.flaggedRaters(clock.instant()),
                    Krippendorff.alphaNominal(likes, dislikes), pairable, b.quality.alarms());
        });
    }

    /** Every standing flag-rate alarm of the apps whose boards are built. */
    public List<AppAlarm> alarms() {
        List<AppAlarm> alarms = new ArrayList<>();
        boards.built().forEach((appId, board) -> board.exclusive(b -> {
            b.quality.alarms().forEach(alarm -> alarms.add(new AppAlarm(appId, alarm)));
            return null;
        }));
        return alarms;
    }

    /**
     * The codes of the flags standing against the rater, for export rows. Exports remember the
     * answer per rater ({@link dev.swipeloop.host.export.RowReader}), so every row of one rater
     * in one export agrees.
     */
    @Override
    public List<String> of(String appId, String rater) {
        List<RaterFlag> flags = boards.recent(appId).exclusive(b -> b.quality.flags(rater, clock.instant()));
        return flags.stream().map(RaterFlag::code).toList();
    }

    private static Recomputed.Result<Weights> weigh(AppBoard board) {
        long[] seq = new long[1];
        BinaryVoteLog.Snapshot votes = board.read(b -> {
            seq[0] = b.lastSeq();
            return b.binaryLog.snapshot(b.catalogue.items());
        });
        int[] perRater = new int[votes.raterCount()];
        for (int rater : votes.raters()) {
            perRater[rater]++;
        }
        double[] accuracy = votes.raters().length == 0 ? new double[0]
                : DawidSkene.fit(votes.raterCount(), votes.itemCount(), votes.raters(), votes.items(), votes.labels(),
                DAWID_SKENE_ITERATIONS, DAWID_SKENE_TOLERANCE).raterAccuracy();
        return new Recomputed.Result<>(new Weights(votes.raterIndex(), accuracy, perRater), seq[0], false);
    }

    @Override
    public void close() {
        weighing.shutdownNow();
    }
}
