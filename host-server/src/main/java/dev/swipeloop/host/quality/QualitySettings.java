package dev.swipeloop.host.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The thresholds of the rater-quality rules. The defaults suit a meme app: quick swipes on
 * pictures with a line of text, rewards that make spam worth a try, gold items that are
 * objectively broken (or objectively fine) images. Changing a setting means rebuilding the
 * {@link RaterQuality} from the stored votes.
 *
 * @param fastWindowVotes      n of the speed rule: how many of the rater's latest votes with a
 *                             dwell time are looked at. Default 10: short enough to catch a burst
 *                             of clicking, long enough that an honest rater's few reflex swipes
 *                             rarely pile up. At most 64, so the window fits in one {@code long}.
 * @param fastVotesToFlag      k of the speed rule: flag when at least this many of the window are
 *                             fast. Default 4 (Toloka's "fast responses" example): an honest rater
 *                             whose votes are each fast with a 2 % chance has 4 of 10 fast in about
 *                             one window in 30,000, while a clicker has most of them fast.
 * @param fastDwellMs          a vote is fast when its dwell is under this. Default 400 ms: dwell runs
 *                             from the image appearing to the decision, and seeing a picture (about
 *                             250 ms) plus a swipe or a key press (150 ms or more) leaves no time
 *                             under 400 ms to read a meme's text. Honest reflex swipes ("seen this
 *                             repost") mostly take 500–800 ms.
 * @param goldMinAnswers       the gold rule judges a rater only after this many gold answers.
 *                             Default 8 ("more than 7", the Toloka golden-set habit): with fewer, an
 *                             honest rater's one slip is too large a share.
 * @param goldMinAccuracy      flag when the share of correct gold answers is under this. Default
 *                             0.75: gold items here are objectively broken or fine images, which
 *                             honest raters get right well over 90 % of the time, while random
 *                             answers score 50 %.
 * @param patternMinVotes      the one-answer and same-side rules judge a rater only after this
 *                             many votes of the kind counted. Default 50: before that, an honest
 *                             rater who happens to like a good run of memes looks like a bot.
 * @param patternShare         flag when one answer (or one side) reaches this share. Default 0.95:
 *                             honest taste on memes is mixed, and even an enthusiast likes
 *                             95 % of 50 different memes only by accident; more than 0.5, so the
 *                             dominant answer is never ambiguous.
 * @param dailyCap             flag a rater for a UTC day once they vote more than this that day.
 *                             Default 1,000: at an honest two seconds a card that is more than half
 *                             an hour of non-stop swiping, where rewards farming becomes likelier
 *                             than taste (LMSYS caps votes per user per day for the same reason).
 * @param alarmWindowVotes     the flag-rate alarm compares windows of this many observed votes.
 *                             Default 1,000: large enough that a 3 % rate moves by about half a
 *                             point from window to window, small enough to notice a broken
 *                             detector within a busy hour.
 * @param alarmBaselineWindows how many windows before the latest one form the baseline. Default 10:
 *                             ten thousand votes of history, so one odd window does not become the
 *                             norm.
 * @param alarmRatio           alarm when the latest window's flagged share is at least this many
 *                             times the baseline's. Default 2: a detector that doubles its catch
 *                             overnight deserves a look before it excludes honest votes.
 * @param alarmMinRise         …and at least this much above the baseline (a share, 0.10 = ten
 *                             points). Default 0.10: a rule that goes from 0.2 % to 0.5 % is
 *                             noise, not a broken detector.
 */
public record QualitySettings(int fastWindowVotes, int fastVotesToFlag, int fastDwellMs,
                              int goldMinAnswers, double goldMinAccuracy,
                              int patternMinVotes, double patternShare,
                              int dailyCap,
                              int alarmWindowVotes, int alarmBaselineWindows, double alarmRatio,
                              double alarmMinRise) {

    /** The defaults documented on each component. */
    public static final QualitySettings DEFAULTS =
            new QualitySettings(10, 4, 400, 8, 0.75, 50, 0.95, 1000, 1000, 10, 2.0, 0.10);

    /** Checks every component and reports every problem at once. */
    public QualitySettings {
        List<String> problems = new ArrayList<>();
        if (fastWindowVotes < 1 || fastWindowVotes > 64) {
            problems.add("fastWindowVotes must be 1 to 64, was " + fastWindowVotes);
        }
        if (fastVotesToFlag < 1 || fastVotesToFlag > fastWindowVotes) {
            problems.add("fastVotesToFlag must be 1 to fastWindowVotes (" + fastWindowVotes + "), was "
                    + fastVotesToFlag);
        }
        if (fastDwellMs < 1) {
            problems.add("fastDwellMs must be at least 1, was " + fastDwellMs);
        }
        if (goldMinAnswers < 1) {
            problems.add("goldMinAnswers must be at least 1, was " + goldMinAnswers);
        }
        if (!(goldMinAccuracy > 0 && goldMinAccuracy <= 1)) {
            problems.add("goldMinAccuracy must be more than 0 and at most 1, was " + goldMinAccuracy);
        }
        if (patternMinVotes < 1) {
            problems.add("patternMinVotes must be at least 1, was " + patternMinVotes);
        }
        if (!(patternShare > 0.5 && patternShare <= 1)) {
            problems.add("patternShare must be more than 0.5 and at most 1, was " + patternShare);
        }
        if (dailyCap < 1) {
            problems.add("dailyCap must be at least 1, was " + dailyCap);
        }
        if (alarmWindowVotes < 1) {
            problems.add("alarmWindowVotes must be at least 1, was " + alarmWindowVotes);
        }
        if (alarmBaselineWindows < 1) {
            problems.add("alarmBaselineWindows must be at least 1, was " + alarmBaselineWindows);
        }
        if (!(alarmRatio >= 1)) {
            problems.add("alarmRatio must be at least 1, was " + alarmRatio);
        }
        if (!(alarmMinRise >= 0 && alarmMinRise <= 1)) {
            problems.add("alarmMinRise must be 0 to 1, was " + alarmMinRise);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid rater-quality settings: " + String.join("; ", problems));
        }
    }
}
