package dev.swipeloop.host.quality;

import dev.swipeloop.sdk.model.Vote;
import dev.swipeloop.sdk.reward.RaterSignals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the rules keep about one rater: a few counters and the speed window, a couple
 * of hundred bytes whatever the number of votes. The settings are passed in rather than
 * kept, since there are as many of these as raters.
 */
final class RaterState {
    private int votes;
    private Instant lastVoteAt;
    private final TooFastCheck speed = new TooFastCheck();
    private final GoldAccuracyCheck gold = new GoldAccuracyCheck();
    private final PatternCheck patterns = new PatternCheck();
    private final DailyCapCheck daily = new DailyCapCheck();

    void observe(Vote vote, GoldLookup goldLookup, QualitySettings settings) {
        votes++;
        lastVoteAt = vote.receivedAt();
        speed.observe(vote, settings);
        gold.observe(vote, goldLookup, settings);
        patterns.observe(vote, settings);
        daily.observe(vote, settings);
    }

    /** When the rater's latest vote arrived. */
    Instant lastVoteAt() {
        return lastVoteAt;
    }

    /** The rules standing at {@code now}, without building their reasons. */
    Set<FlagRule> standing(Instant now, QualitySettings settings) {
        Set<FlagRule> rules = EnumSet.noneOf(FlagRule.class);
        if (speed.flag() != null) {
            rules.add(FlagRule.TOO_FAST);
        }
        if (gold.standing()) {
            rules.add(FlagRule.GOLD_ACCURACY);
        }
        if (patterns.oneAnswerStanding()) {
            rules.add(FlagRule.ONE_ANSWER);
        }
        if (patterns.sameSideStanding()) {
            rules.add(FlagRule.SAME_SIDE);
        }
        if (daily.standing(now, settings)) {
            rules.add(FlagRule.DAILY_CAP);
        }
        return rules;
    }

    /** The flags standing at {@code now}, in {@link FlagRule} order. */
    List<RaterFlag> flags(Instant now, QualitySettings settings) {
        List<RaterFlag> flags = new ArrayList<>();
        addIfStanding(speed.flag(), flags);
        addIfStanding(gold.flag(settings), flags);
        patterns.addFlags(settings, flags);
        addIfStanding(daily.flag(now, settings), flags);
        return flags;
    }

    private static void addIfStanding(RaterFlag flag, List<RaterFlag> into) {
        if (flag != null) {
            into.add(flag);
        }
    }

    /** What rewards read, as of {@code now}: the standing rules' codes, without their reasons' wording. */
    RaterSignals signals(boolean verified, Instant now, QualitySettings settings) {
        Set<FlagRule> rules = standing(now, settings);
        List<String> codes = rules.isEmpty() ? List.of() : rules.stream().map(FlagRule::code).toList();
        return new RaterSignals(verified, codes, votes, gold.answered(), gold.correct());
    }

    RaterReport report(String rater, Instant now, QualitySettings settings) {
        return new RaterReport(rater, votes,
                patterns.likes(), patterns.dislikes(), patterns.binarySkips(),
                patterns.left(), patterns.right(), patterns.ties(), patterns.pairSkips(),
                gold.answered(), gold.correct(),
                speed.fastVotesInWindow(), speed.votesInWindow(),
                daily.votesOn(now), daily.cappedDays(), flags(now, settings));
    }
}
