package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;
import java.util.Locale;

/**
 * One rater's gold rule: once the rater has answered enough gold items, a share of correct
 * answers under the threshold raises {@code gold-accuracy}. The flag stands only while the
 * accuracy is low, because later gold answers can show the early misses were slips.
 *
 * <p>What counts as a gold answer:
 * <ul>
 *   <li>a binary like or dislike of a gold item; a skip is not an answer (the widget lets a
 *       rater skip a card that did not load, and a skip claims nothing);</li>
 *   <li>a pair of one gold-LIKE and one gold-DISLIKE item: the LIKE side is right; a tie is
 *       wrong, since one side is known to be broken; a skip is not an answer. Any other pair
 *       has no known right answer and is ignored.</li>
 * </ul>
 */
final class GoldAccuracyCheck {
    private int answered;
    private int correct;
    private FlagStart raised;

    void observe(Vote vote, GoldLookup gold, QualitySettings settings) {
        Boolean right = vote.judgement() instanceof Judgement.Binary binary
                ? binaryCorrect(binary, gold)
                : pairCorrect((Judgement.Pair) vote.judgement(), gold);
        if (right == null) {
            return;
        }
        answered++;
        if (right) {
            correct++;
        }
        if (!failing(settings)) {
            raised = null;
        } else if (raised == null) {
            raised = FlagStart.of(vote);
        }
    }

    private static Boolean binaryCorrect(Judgement.Binary binary, GoldLookup gold) {
        Verdict known = known(gold.goldOf(binary.item()));
        if (known == null || binary.verdict() == Verdict.SKIP) {
            return null;
        }
        return binary.verdict() == known;
    }

    private static Boolean pairCorrect(Judgement.Pair pair, GoldLookup gold) {
        Verdict left = known(gold.goldOf(pair.left()));
        Verdict right = known(gold.goldOf(pair.right()));
        if (left == null || right == null || left == right || pair.choice() == Choice.SKIP) {
            return null;
        }
        Choice good = left == Verdict.LIKE ? Choice.LEFT : Choice.RIGHT;
        return pair.choice() == good;
    }

    /** A gold SKIP has no right answer, so it is treated as not gold. */
    private static Verdict known(Verdict gold) {
        return gold == Verdict.SKIP ? null : gold;
    }

    private boolean failing(QualitySettings settings) {
        return answered >= settings.goldMinAnswers() && (double) correct / answered < settings.goldMinAccuracy();
    }

    int answered() {
        return answered;
    }

    int correct() {
        return correct;
    }

    boolean standing() {
        return raised != null;
    }

    /** The flag while the accuracy is too low, else null. */
    RaterFlag flag(QualitySettings settings) {
        if (raised == null) {
            return null;
        }
        return raised.flag(FlagRule.GOLD_ACCURACY, String.format(Locale.ROOT,
                "%d of %d gold answers were correct (%s), under the %s needed once %d are answered.",
                correct, answered, Percent.of(correct, answered), Percent.of(settings.goldMinAccuracy()),
                settings.goldMinAnswers()));
    }
}
