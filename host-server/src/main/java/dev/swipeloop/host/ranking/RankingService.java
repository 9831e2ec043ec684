package dev.swipeloop.host.ranking;

import dev.swipeloop.host.scoring.ArenaRank;
import dev.swipeloop.host.scoring.Battles;
import dev.swipeloop.host.scoring.BayesianAverage;
import dev.swipeloop.host.scoring.BradleyTerry;
import dev.swipeloop.host.scoring.Elo;
import dev.swipeloop.host.scoring.Interval;
import dev.swipeloop.host.scoring.Wilson;
import dev.swipeloop.host.settings.AppSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rankings of an app's items or generator models (FORMATS.md §4): Wilson lower bound and
 * Bayesian average over likes, Bradley–Terry with bootstrap intervals and live Elo over pairs.
 * Counts and Elo come straight from the live board; Bradley–Terry is fitted on a copy of the
 * battles and kept per scope until a vote adds a battle ({@link Recomputed}). Gold items are
 * honeypots, not the app's images: they count for raters' quality and are left out here.
 */
public final class RankingService implements AutoCloseable {
    /** Seed of the bootstrap: the same votes always give the same intervals. */
    static final long BOOTSTRAP_SEED = 20_260_527L;
    private static final Duration PATIENCE = Duration.ofSeconds(2);
    /** Fits kept (one per app, kind, prompt group and settings); past this the cache starts empty again. */
    private static final int MAX_SCOPES = 10_000;
    /**
     * Most bootstrap ratings held at once (rounds × players, 8 bytes each: 160 MB): a ranking of
     * very many images gets fewer rounds, never less than {@link #MIN_ROUNDS}; the answer says how many.
     */
    static final long MAX_BOOTSTRAP_CELLS = 20_000_000L;
    static final int MIN_ROUNDS = 10;

    public enum Of { ITEMS, MODELS }

    public enum Method { WILSON, BAYES, BT, ELO }

    private record Fitted(List<String> ids, double[] ratings, double[] lower, double[] upper, int[] ranks,
                          int rounds) {
    }

    private final ScoreBoards boards;
    private final ExecutorService fits = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "swipeloop-bradley-terry");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Recomputed<Fitted>> fitted = new ConcurrentHashMap<>();

    public RankingService(ScoreBoards boards) {
        this.boards = boards;
    }

    /** @param group for items, only those of this prompt group; null for all */
    public Ranking rank(String appId, Of of, Method method, String group) {
        AppBoard board = boards.fresh(appId);
        AppSettings.RankingSettings settings = board.settings().ranking();
        return switch (method) {
            case WILSON, BAYES -> board.read(b -> binary(b, of, method, group, settings));
            case ELO -> board.read(b -> elo(b, of, group));
            case BT -> bradleyTerry(board, of, group, settings);
        };
    }

    /** The item's stats; also for an item nobody judged yet (all counts 0). */
    public ItemStats itemStats(String appId, String itemId) {
        AppBoard board = boards.fresh(appId);
        return board.read(b -> ItemStats.of(b, itemId, b.catalogue.indexOf(itemId)));
    }

    /** The vote counts of every item the app's votes judged, from one board with every committed vote. */
    public ItemCounts itemCounts(String appId) {
        AppBoard board = boards.fresh(appId);
        return board.read(b -> {
            Tally tally = b.itemTally;
            Map<String, ItemCounts.Counts> counts = new HashMap<>();
            for (int item = 0; item < b.catalogue.items(); item++) {
                counts.put(b.catalogue.itemId(item), new ItemCounts.Counts(tally.likes(item), tally.dislikes(item),
                        tally.skips(item), tally.wins(item), tally.losses(item), tally.ties(item), tally.pairSkips(item)));
            }
            return new ItemCounts(b.lastSeq(), b.settings().ranking().z(), counts);
        });
    }

    private static Ranking binary(AppBoard board, Of of, Method method, String group,
                                  AppSettings.RankingSettings settings) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        double[] prior = BayesianAverage.prior(board.likeRate(), settings.priorStrength());
        if (method == Method.WILSON) {
            parameters.put("z", settings.z());
        } else {
            parameters.put("alpha", prior[0]);
            parameters.put("beta", prior[1]);
            parameters.put("level", 0.95);
        }
        Tally tally = of == Of.ITEMS ? board.itemTally : board.modelTally;
        List<Standing> rows = new ArrayList<>();
        for (int player = 0; player < players(board, of); player++) {
            if (!included(board, of, group, player) || tally.decided(player) + tally.skips(player) == 0) {
                continue;
            }
            long likes = tally.likes(player);
            long decided = tally.decided(player);
            double score;
            Interval interval;
            if (method == Method.WILSON) {
                score = Wilson.lowerBound(likes, decided, settings.z());
                interval = Wilson.interval(likes, decided, settings.z());
            } else {
                score = BayesianAverage.mean(likes, decided, prior[0], prior[1]);
                interval = BayesianAverage.credible(likes, decided, prior[0], prior[1], 0.95);
            }
            rows.add(standing(board, of, player, score, interval.lower(), interval.upper(),
                    new Standing.BinaryCounts(likes, tally.dislikes(player), tally.skips(player))));
        }
        return new Ranking(of, method, group, board.lastSeq(), false, parameters, ranked(rows));
    }

    private static Ranking elo(AppBoard board, Of of, String group) {
        Elo elo = of == Of.ITEMS ? board.itemElo : board.modelElo;
        Tally tally = of == Of.ITEMS ? board.itemTally : board.modelTally;
        List<Standing> rows = new ArrayList<>();
        for (int player = 0; player < players(board, of); player++) {
            if (!included(board, of, group, player) || tally.compared(player) == 0) {
                continue;
            }
            String id = id(board, of, player);
            rows.add(standing(board, of, player, elo.rating(id), null, null, pairCounts(tally, player)));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("k", board.settings().ranking().eloK());
        parameters.put("scale", 400);
        parameters.put("base", 10);
        parameters.put("initial", 1000);
        return new Ranking(of, Method.ELO, group, board.lastSeq(), false, parameters, ranked(rows));
    }

    private Ranking bradleyTerry(AppBoard board, Of of, String group, AppSettings.RankingSettings settings) {
        String scope = board.appId() + "\n" + of + "\n" + (group == null ? "" : group) + "\n"
                + settings.bootstrapRounds() + "\n" + settings.ridge();
        if (fitted.size() > MAX_SCOPES) {
            fitted.clear();
        }
        Recomputed<Fitted> cache = fitted.computeIfAbsent(scope, key -> new Recomputed<>(fits, PATIENCE));
        // Only votes that add a battle change a fit: binary votes arriving meanwhile do not refit it.
        Recomputed.Result<Fitted> result = cache.get(board, board.lastBattleSeq(), () -> fit(board, of, group, settings));
        Fitted fit = result.value();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rounds", fit.rounds());
        parameters.put("ridge", settings.ridge());
        parameters.put("scale", 400);
        parameters.put("base", 10);
        parameters.put("initial", 1000);
        List<Standing> rows = board.read(b -> {
            List<Standing> out = new ArrayList<>();
            Tally tally = of == Of.ITEMS ? b.itemTally : b.modelTally;
            for (int i = 0; i < fit.ids().size(); i++) {
                String id = fit.ids().get(i);
                int player = of == Of.ITEMS ? b.catalogue.indexOf(id) : b.catalogue.modelIndexOf(id);
                out.add(new Standing(fit.ranks()[i], id, fit.ratings()[i], fit.lower()[i], fit.upper()[i],
                        pairCounts(tally, player), of == Of.ITEMS ? modelName(b, player) : null,
                        of == Of.ITEMS ? b.catalogue.groupOf(player) : null));
            }
            return out;
        });
        rows.sort(Comparator.comparingInt(Standing::rank).thenComparing(Comparator.comparingDouble(Standing::score).reversed()));
        // A fit still current counts every vote up to the board's last: none since added a battle.
        long asOf = result.stale() ? result.seq() : board.lastSeq();
        return new Ranking(of, Method.BT, group, asOf, result.stale(), parameters, rows);
    }

    private static Recomputed.Result<Fitted> fit(AppBoard board, Of of, String group,
                                                 AppSettings.RankingSettings settings) {
        long[] seq = new long[1];
        Battles battles = board.read(b -> {
            seq[0] = b.lastBattleSeq();
            if (of == Of.MODELS) {
                return b.modelBattles.copy();
            }
            return group == null ? b.itemBattles.copy()
                    : b.itemBattles.restrictedTo(id -> group.equals(b.catalogue.groupOf(b.catalogue.indexOf(id))));
        });
        int n = battles.players();
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(battles.id(i));
        }
        if (n == 0) {
            return new Recomputed.Result<>(new Fitted(ids, new double[0], new double[0], new double[0], new int[0],
                    settings.bootstrapRounds()), seq[0], false);
        }
        int rounds = (int) Math.max(MIN_ROUNDS, Math.min(settings.bootstrapRounds(), MAX_BOOTSTRAP_CELLS / n));
        BradleyTerry.Fit mle = BradleyTerry.fit(battles, settings.ridge(), null);
        BradleyTerry.Bootstrap bootstrap = BradleyTerry.bootstrap(battles, rounds, BOOTSTRAP_SEED, settings.ridge(), mle,
                Runtime.getRuntime().availableProcessors());
        int[] ranks = ArenaRank.ranks(bootstrap.lower(), bootstrap.upper());
        return new Recomputed.Result<>(new Fitted(ids, mle.ratings(), bootstrap.lower(), bootstrap.upper(), ranks,
                rounds), seq[0], false);
    }

    private static int players(AppBoard board, Of of) {
        return of == Of.ITEMS ? board.catalogue.items() : board.catalogue.models();
    }

    private static boolean included(AppBoard board, Of of, String group, int player) {
        if (of == Of.MODELS) {
            return true;
        }
        return board.catalogue.goldOf(player) == null
                && (group == null || group.equals(board.catalogue.groupOf(player)));
    }

    private static String id(AppBoard board, Of of, int player) {
        return of == Of.ITEMS ? board.catalogue.itemId(player) : board.catalogue.modelId(player);
    }

    private static String modelName(AppBoard board, int item) {
        int model = board.catalogue.modelOf(item);
        return model < 0 ? null : board.catalogue.modelId(model);
    }

    private static Standing standing(AppBoard board, Of of, int player, double score, Double lower, Double upper,
                                     Standing.Counts counts) {
        return new Standing(0, id(board, of, player), score, lower, upper, counts,
                of == Of.ITEMS ? modelName(board, player) : null, of == Of.ITEMS ? board.catalogue.groupOf(player) : null);
    }

    private static Standing.PairCounts pairCounts(Tally tally, int player) {
        return new Standing.PairCounts(tally.wins(player), tally.losses(player), tally.ties(player));
    }

    /** Best first; rank = 1 + how many scored strictly higher, so equal scores share a rank. */
    private static List<Standing> ranked(List<Standing> rows) {
        rows.sort(Comparator.comparingDouble(Standing::score).reversed().thenComparing(Standing::id));
        List<Standing> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Standing row = rows.get(i);
            int rank = i > 0 && rows.get(i - 1).score() == row.score() ? out.get(i - 1).rank() : i + 1;
            out.add(new Standing(rank, row.id(), row.score(), row.lower(), row.upper(), row.counts(), row.model(),
                    row.group()));
        }
        return out;
    }

    @Override
    public void close() {
        fits.shutdownNow();
    }
}
