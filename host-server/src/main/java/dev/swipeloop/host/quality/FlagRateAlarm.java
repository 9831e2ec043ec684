package dev.swipeloop.host.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Notices a rule that suddenly flags far more than it used to, so that a broken detector
 * (a bad gold item, a widget release that reports dwell wrong) is looked at rather than
 * quietly excluding honest votes.
 *
 * <p>For each rule it counts, over windows of {@code windowVotes} observed votes, how many
 * votes came from a rater that rule stood against when the vote was observed. The latest
 * complete window is compared with the pooled baseline of up to {@code baselineWindows}
 * complete windows before it; a rule alarms when its latest share is at least
 * {@code max(ratio × baseline, baseline + minRise)}. Nothing alarms until there is a latest
 * window and at least one baseline window. The window being filled is not judged: a few
 * dozen votes from one spammer would swing it.
 *
 * <p>Memory is fixed: {@code (baselineWindows + 1)} counts per rule. Not thread-safe; see
 * {@link RaterQuality}.
 */
public final class FlagRateAlarm {
    private static final FlagRule[] RULES = FlagRule.values();

    /**
     * One rule flagging far more than its baseline.
     *
     * @param rule         the rule's code, as in {@link RaterFlag#code()}
     * @param recentRate   the share of the latest window's votes from raters the rule flagged
     * @param baselineRate the same share over the baseline windows
     * @param windowVotes  votes per window
     * @param message      one sentence for the operator, with the numbers and what to check
     */
    public record Alarm(String rule, double recentRate, double baselineRate, long windowVotes, String message) {
    }

    private final int windowVotes;
    private final int baselineWindows;
    private final double ratio;
    private final double minRise;
    /** Per rule, flagged votes of the complete windows, a ring indexed by window number. */
    private final int[][] flaggedInWindow;
    private final int[] flaggedInCurrent = new int[RULES.length];
    private int votesInCurrent;
    private long completeWindows;

    public FlagRateAlarm(int windowVotes, int baselineWindows, double ratio, double minRise) {
        if (windowVotes < 1 || baselineWindows < 1 || !(ratio >= 1) || !(minRise >= 0 && minRise <= 1)) {
            throw new IllegalArgumentException("FlagRateAlarm needs windowVotes ≥ 1, baselineWindows ≥ 1, ratio ≥ 1 "
                    + "and minRise 0 to 1; was " + windowVotes + ", " + baselineWindows + ", " + ratio + ", " + minRise);
        }
        this.windowVotes = windowVotes;
        this.baselineWindows = baselineWindows;
        this.ratio = ratio;
        this.minRise = minRise;
        this.flaggedInWindow = new int[RULES.length][baselineWindows + 1];
    }

    public static FlagRateAlarm of(QualitySettings settings) {
        return new FlagRateAlarm(settings.alarmWindowVotes(), settings.alarmBaselineWindows(),
                settings.alarmRatio(), settings.alarmMinRise());
    }

    /** Counts one observed vote, with the rules standing against its rater at that moment. */
    public void observe(Set<FlagRule> standing) {
        for (FlagRule rule : standing) {
            flaggedInCurrent[rule.ordinal()]++;
        }
        if (++votesInCurrent < windowVotes) {
            return;
        }
        int slot = (int) (completeWindows % (baselineWindows + 1));
        for (int rule = 0; rule < RULES.length; rule++) {
            flaggedInWindow[rule][slot] = flaggedInCurrent[rule];
            flaggedInCurrent[rule] = 0;
        }
        votesInCurrent = 0;
        completeWindows++;
    }

    /** The rules alarming now, in {@link FlagRule} order; empty while all is normal or too early to say. */
    public List<Alarm> alarms() {
        List<Alarm> alarms = new ArrayList<>();
        long baselineCount = Math.min(completeWindows - 1, baselineWindows);
        if (baselineCount < 1) {
            return alarms;
        }
        int ring = baselineWindows + 1;
        int latestSlot = (int) ((completeWindows - 1) % ring);
        for (FlagRule rule : RULES) {
            int[] counts = flaggedInWindow[rule.ordinal()];
            long baselineFlagged = 0;
            for (long back = 1; back <= baselineCount; back++) {
                baselineFlagged += counts[(int) ((completeWindows - 1 - back) % ring)];
            }
            double recent = (double) counts[latestSlot] / windowVotes;
            double baseline = (double) baselineFlagged / (baselineCount * windowVotes);
            double limit = Math.max(ratio * baseline, baseline + minRise);
            if (recent >= limit) {
                alarms.add(new Alarm(rule.code(), recent, baseline, windowVotes, String.format(Locale.ROOT,
                        "%s: %s of the latest %d votes came from raters it flagged, against %s over the %d "
                                + "votes before (alarm at %s); check its recent flags before trusting or excluding them.",
                        rule.code(), Percent.of(recent), windowVotes, Percent.of(baseline),
                        baselineCount * windowVotes, Percent.of(limit))));
            }
        }
        return alarms;
    }

    /** Forgets every window, for a rebuild from the first vote. */
    public void reset() {
        for (int[] counts : flaggedInWindow) {
            Arrays.fill(counts, 0);
        }
        Arrays.fill(flaggedInCurrent, 0);
        votesInCurrent = 0;
        completeWindows = 0;
    }
}
