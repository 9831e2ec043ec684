package dev.swipeloop.host.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Online Elo, as FastChat's {@code compute_elo} (fastchat/serve/monitor/elo_analysis.py): each
 * battle moves both players by {@code K·(score − expected)}, with the expected score
 * {@code 1 / (1 + base^((r_b − r_a)/scale))}. The result depends on the order of the battles and
 * never settles, which is why Arena replaced it with {@link BradleyTerry}; here it is only the
 * cheap live number shown while votes arrive.
 *
 * <p>Thread-safe: votes may be recorded from several request threads.
 */
public final class Elo {
    /** FastChat's defaults: K = 4, scale 400, base 10, everyone starts at 1000. */
    public static final double DEFAULT_K = 4;
    public static final double DEFAULT_SCALE = 400;
    public static final double DEFAULT_BASE = 10;
    public static final double DEFAULT_INITIAL = 1000;

    private final double k;
    private final double scale;
    private final double base;
    private final double initial;
    private final Map<String, Double> ratings = new LinkedHashMap<>();

    /** Elo with FastChat's defaults. */
    public Elo() {
        this(DEFAULT_K, DEFAULT_SCALE, DEFAULT_BASE, DEFAULT_INITIAL);
    }

    public Elo(double k, double scale, double base, double initial) {
        if (!(k > 0 && scale > 0 && base > 1) || !Double.isFinite(k + scale + base + initial)) {
            throw new IllegalArgumentException("Elo needs finite k > 0, scale > 0, base > 1 and initial rating, got k="
                    + k + ", scale=" + scale + ", base=" + base + ", initial=" + initial);
        }
        this.k = k;
        this.scale = scale;
        this.base = base;
        this.initial = initial;
    }

    /**
     * Records one battle.
     *
     * @param scoreA 1 when {@code a} won, 0 when {@code b} won, 0.5 for a tie
     */
    public synchronized void record(String a, String b, double scoreA) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("a battle needs two different players, got " + a + " twice");
        }
        if (!(scoreA == 0 || scoreA == 0.5 || scoreA == 1)) {
            throw new IllegalArgumentException("scoreA must be 1 (a wins), 0 (b wins) or 0.5 (tie), got " + scoreA);
        }
        double ratingA = rating(a);
        double ratingB = rating(b);
        double expectedA = 1 / (1 + Math.pow(base, (ratingB - ratingA) / scale));
        double expectedB = 1 / (1 + Math.pow(base, (ratingA - ratingB) / scale));
        ratings.put(a, ratingA + k * (scoreA - expectedA));
        ratings.put(b, ratingB + k * (1 - scoreA - expectedB));
    }

    /** The current rating; the initial rating for a player never seen. */
    public synchronized double rating(String id) {
        return ratings.getOrDefault(id, initial);
    }

    /** A snapshot of every rated player, in the order they first played. */
    public synchronized Map<String, Double> ratings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
    }
}
