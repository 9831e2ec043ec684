package dev.swipeloop.plugins.rewards;

import dev.swipeloop.sdk.model.Choice;
import dev.swipeloop.sdk.model.Judgement;
import dev.swipeloop.sdk.model.Verdict;
import dev.swipeloop.sdk.model.Vote;

/** What a vote answered, as far as rewards care. */
final class Answers {
    private Answers() {
    }

    /**
     * A skip claims nothing about the images (the widget offers it for a card that did not
     * load), so no policy pays for one: paying would reward swiping past cards unseen.
     */
    static boolean isSkip(Vote vote) {
        if (vote.judgement() instanceof Judgement.Binary binary) {
            return binary.verdict() == Verdict.SKIP;
        }
        return ((Judgement.Pair) vote.judgement()).choice() == Choice.SKIP;
    }
}
