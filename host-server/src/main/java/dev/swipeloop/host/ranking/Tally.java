package dev.swipeloop.host.ranking;

import java.util.Arrays;

/**
 * Vote counts per player (an item, or a generator model), by index: the binary answers and,
 * for pairs, the player's wins, losses, ties and skips. Primitive columns that grow by
 * doubling, so a million votes over a hundred thousand items cost a few megabytes.
 */
final class Tally {
    private int[] likes = new int[16];
    private int[] dislikes = new int[16];
    private int[] skips = new int[16];
    private int[] wins = new int[16];
    private int[] losses = new int[16];
    private int[] ties = new int[16];
    private int[] pairSkips = new int[16];

    void binary(int player, dev.swipeloop.sdk.model.Verdict verdict) {
        fit(player);
        switch (verdict) {
            case LIKE -> likes[player]++;
            case DISLIKE -> dislikes[player]++;
            case SKIP -> skips[player]++;
        }
    }

    void win(int player) {
        fit(player);
        wins[player]++;
    }

    void loss(int player) {
        fit(player);
        losses[player]++;
    }

    void tie(int player) {
        fit(player);
        ties[player]++;
    }

    void pairSkip(int player) {
        fit(player);
        pairSkips[player]++;
    }

    long likes(int player) {
        return player < likes.length ? likes[player] : 0;
    }

    long dislikes(int player) {
        return player < dislikes.length ? dislikes[player] : 0;
    }

    long skips(int player) {
        return player < skips.length ? skips[player] : 0;
    }

    long wins(int player) {
        return player < wins.length ? wins[player] : 0;
    }

    long losses(int player) {
        return player < losses.length ? losses[player] : 0;
    }

    long ties(int player) {
        return player < ties.length ? ties[player] : 0;
    }

    long pairSkips(int player) {
        return player < pairSkips.length ? pairSkips[player] : 0;
    }

    /** Likes and dislikes: the votes a like rate is made of. */
    long decided(int player) {
        return likes(player) + dislikes(player);
    }

    /** Pairs won, lost or tied: the comparisons a share of wins is made of. */
    long compared(int player) {
        return wins(player) + losses(player) + ties(player);
    }

    private void fit(int player) {
        if (player >= likes.length) {
            int size = Math.max(player + 1, likes.length * 2);
            likes = Arrays.copyOf(likes, size);
            dislikes = Arrays.copyOf(dislikes, size);
            skips = Arrays.copyOf(skips, size);
            wins = Arrays.copyOf(wins, size);
            losses = Arrays.copyOf(losses, size);
            ties = Arrays.copyOf(ties, size);
            pairSkips = Arrays.copyOf(pairSkips, size);
        }
    }
}
