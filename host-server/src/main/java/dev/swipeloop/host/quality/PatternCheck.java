package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Vote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One rater's answer counts and the two degenerate-pattern rules over all of the rater's
 * votes, each standing only while it holds:
 * <ul>
 *   <li>{@code one-answer}: likes, or dislikes, make up the threshold share of the rater's
 *       answered binary votes (skips left out, so that a bot mixing in skips does not escape);
 *       or skips make up that share of all binary votes (a rater who skips everything gives no
 *       data, yet would collect points); or ties, or skips, make up that share of all pair
 *       votes. Each counts only once its denominator reaches the minimum.</li>
 *   <li>{@code same-side}: left, or right, makes up the threshold share of the rater's pair
 *       votes that chose a side (ties and skips left out). The widget shows pairs in random
 *       order, so honest raters pick both sides.</li>
 * </ul>
 */
final class PatternCheck {
    private int likes;
    private int dislikes;
    private int binarySkips;
    private int left;
    private int right;
    private int ties;
    private int pairSkips;
    private FlagStart oneAnswerSince;
    private FlagStart sameSideSince;

    void observe(Vote vote, QualitySettings settings) {
        if (vote.judgement() instanceof Judgement.Binary binary) {
            switch (binary.verdict()) {
                case LIKE -> likes++;
                case DISLIKE -> dislikes++;
                case SKIP -> binarySkips++;
            }
        } else {
            switch (((Judgement.Pair) vote.judgement()).choice()) {
                case LEFT -> left++;
                case RIGHT -> right++;
                case TIE -> ties++;
                case SKIP -> pairSkips++;
            }
        }
        oneAnswerSince = oneAnswers(settings).isEmpty() ? null : startOr(oneAnswerSince, vote);
        sameSideSince = sameSide(settings) == null ? null : startOr(sameSideSince, vote);
    }

    private static FlagStart startOr(FlagStart standing, Vote vote) {
        return standing != null ? standing : FlagStart.of(vote);
    }

    /** Each one-answer pattern that holds now, as a clause with its numbers. */
    private List<String> oneAnswers(QualitySettings settings) {
        List<String> found = new ArrayList<>(1);
        int answered = likes + dislikes;
        int binary = answered + binarySkips;
        int pairs = left + right + ties + pairSkips;
        dominant("likes", likes, answered, "answered cards", settings, found);
        dominant("dislikes", dislikes, answered, "answered cards", settings, found);
        dominant("skips", binarySkips, binary, "cards", settings, found);
        dominant("ties", ties, pairs, "pairs", settings, found);
        dominant("skips", pairSkips, pairs, "pairs", settings, found);
        return found;
    }

    private String sameSide(QualitySettings settings) {
        List<String> found = new ArrayList<>(1);
        int decided = left + right;
        dominant("left", left, decided, "pairs that chose a side", settings, found);
        dominant("right", right, decided, "pairs that chose a side", settings, found);
        return found.isEmpty() ? null : found.get(0);
    }

    private static void dominant(String answer, int count, int total, String of, QualitySettings settings,
                                 List<String> found) {
        if (total >= settings.patternMinVotes() && (double) count / total >= settings.patternShare()) {
            found.add(String.format(Locale.ROOT, "%s in %d of %d %s (%s)", answer, count, total, of,
                    Percent.of(count, total)));
        }
    }

    /** The flags standing now: none, one or both. */
    void addFlags(QualitySettings settings, List<RaterFlag> into) {
        String threshold = String.format(Locale.ROOT, "; the rule flags %s or more over at least %d.",
                Percent.of(settings.patternShare()), settings.patternMinVotes());
        if (oneAnswerSince != null) {
            into.add(oneAnswerSince.flag(FlagRule.ONE_ANSWER,
                    capitalised(String.join(", ", oneAnswers(settings))) + threshold));
        }
        if (sameSideSince != null) {
            into.add(sameSideSince.flag(FlagRule.SAME_SIDE, capitalised(sameSide(settings)) + threshold));
        }
    }

    private static String capitalised(String clause) {
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    boolean oneAnswerStanding() {
        return oneAnswerSince != null;
    }

    boolean sameSideStanding() {
        return sameSideSince != null;
    }

    int likes() {
        return likes;
    }

    int dislikes() {
        return dislikes;
    }

    int binarySkips() {
        return binarySkips;
    }

    int left() {
        return left;
    }

    int right() {
        return right;
    }

    int ties() {
        return ties;
    }

    int pairSkips() {
        return pairSkips;
    }
}
