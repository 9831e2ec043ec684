package dev.swipeloop.host.settings;

import dev.swipeloop.host.quality.QualitySettings;
import dev.swipeloop.sdk.config.Config;
import dev.swipeloop.sdk.config.ConfigError;
import dev.swipeloop.sdk.config.ConfigException;
import dev.swipeloop.sdk.config.ConfigSpec;
import dev.swipeloop.sdk.config.ConfigType;
import dev.swipeloop.sdk.config.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings each app may change for itself (ranking, rater quality, decks, rewards,
 * webhooks), declared once
 * with the {@link ConfigSpec} the host and plugins use, so they are validated the same way
 * (every error at once) and documented from one place. The defaults suit a meme app: many
 * fresh images, quick swipes, a few hundred votes per image at most. An app's changes live in
 * storage ({@link dev.swipeloop.sdk.storage.StorageBackend#appSettings}); {@link #of} reads
 * them over the defaults. The reward policies' own settings ({@code reward.<policy>.<key>}) are
 * declared by the policies and kept in {@link #rewardConfigs}.
 */
public record AppSettings(Config config, Map<String, String> overrides, Map<String, Config> rewardConfigs) {
    public static final ConfigSpec SPEC = new ConfigSpec()
            .define("ranking.z", ConfigType.DOUBLE, 1.96, false,
                    "z of the Wilson interval and lower bound (1.96: 95 %)", Validator.between(0.5, 5))
            .define("ranking.prior.strength", ConfigType.DOUBLE, 10.0, false,
                    "Weight of the Bayesian average's prior, in votes (α + β); its mean is the app's own like rate",
                    Validator.between(0.01, 1_000_000))
            .define("ranking.bt.rounds", ConfigType.INT, 100, false,
                    "Bootstrap rounds behind Bradley–Terry's 95 % intervals (fewer for a ranking of very many images:"
                            + " rounds × players is capped at 20 million)", Validator.range(10, 2_000))
            .define("ranking.bt.ridge", ConfigType.DOUBLE, 0.01, false,
                    "L2 penalty λ·Σr² of the Bradley–Terry fit: keeps an image that never lost finite; smaller is closer"
                            + " to the plain MLE", Validator.between(0.0001, 10))
            .define("ranking.elo.k", ConfigType.DOUBLE, 4.0, false,
                    "K factor of the live Elo shown for display (Chatbot Arena uses 4)", Validator.between(0.1, 100))
            .define("quality.fast.dwellMs", ConfigType.INT, 400, false,
                    "A vote faster than this (dwell, ms) counts as too fast for the speed rule", Validator.range(1, 60_000))
            .define("quality.fast.k", ConfigType.INT, 4, false,
                    "The speed rule flags a rater when this many of their last quality.fast.n votes were too fast",
                    Validator.range(1, 64))
            .define("quality.fast.n", ConfigType.INT, 10, false,
                    "Window of the speed rule, in votes", Validator.range(1, 64))
            .define("quality.gold.rate", ConfigType.DOUBLE, 0.05, false,
                    "Share of deck cards that are gold items (known answer), while the rater has unseen ones",
                    Validator.between(0, 1))
            .define("quality.gold.minAnswers", ConfigType.INT, 8, false,
                    "Gold answers a rater gives before the gold rule may flag them", Validator.range(1, 10_000))
            .define("quality.gold.minAccuracy", ConfigType.DOUBLE, 0.75, false,
                    "Gold accuracy under which a rater is flagged", Validator.between(0.01, 1))
            .define("quality.pattern.minVotes", ConfigType.INT, 50, false,
                    "Votes before the one-answer and same-side rules may flag a rater", Validator.range(2, 1_000_000))
            .define("quality.pattern.share", ConfigType.DOUBLE, 0.95, false,
                    "Share of one answer (or one side in pairs) that flags a rater", Validator.between(0.51, 1))
            .define("quality.dailyCap", ConfigType.INT, 1000, false,
                    "Votes a rater may give in one UTC day before the daily-cap flag stands for that day",
                    Validator.range(1, 10_000_000))
            .define("quality.alarm.windowVotes", ConfigType.INT, 1000, false,
                    "Votes per window of the flag-rate alarm in /health (a jump against the previous 10 windows)",
                    Validator.range(10, 10_000_000))
            .define("deck.order", ConfigType.STRING, "learning", false,
                    "learning: least-known first, close pairs, settled items retired; least-judged: fewest votes first, nothing retired",
                    Validator.oneOf("learning", "least-judged"))
            .define("deck.retire.votes", ConfigType.INT, 200, false,
                    "A learning deck stops showing an item with this many votes of the deck's kind; 0 never",
                    Validator.range(0, 100_000_000))
            .define("deck.retire.width", ConfigType.DOUBLE, 0.2, false,
                    "A learning deck stops showing an item whose interval (like rate, or share of pair wins) is this narrow; 0 never",
                    Validator.between(0, 1))
            .define("rewards.policies", ConfigType.LIST, List.of(), false,
                    "Reward policies that pay this app's raters, in order (e.g. points,quality-weighted,tiers); empty: no"
                            + " rewards. Turned on, they count votes from then on, not earlier ones")
            .define("rewards.anonymous", ConfigType.BOOLEAN, false, false,
                    "Whether raters without a rater token earn rewards (an anonymous id can be typed by anyone)")
            .define("rewards.appDailyCap", ConfigType.LONG, 0L, false,
                    "Points all of the app's raters together may earn in one UTC day; 0: no cap",
                    Validator.range(0, Long.MAX_VALUE))
            .define("webhooks.url", ConfigType.STRING, null, false,
                    "Where rater.tier_reached events are POSTed (https, or http for a local receiver); none: no webhooks",
                    AppSettings::webhookUrlProblem)
            .define("webhooks.secret", ConfigType.PASSWORD, null, false,
                    "The whsec_ secret webhooks are signed with; made and rotated by POST /v1/webhooks/secret, never"
                            + " set by PATCH");

    /** The defaults, for an app that changed nothing. */
    public static final AppSettings DEFAULTS = of(Map.of());

    /** Settings only the host writes: a PATCH naming them is refused. */
    public static final List<String> READ_ONLY = List.of("webhooks.secret");

    /**
     * The app's settings: its overrides over the defaults. Throws {@link ConfigException} listing
     * every bad key, including rules that join two keys.
     */
    public static AppSettings of(Map<String, String> overrides) {
        return of(overrides, RewardPolicySpecs.NONE);
    }

    /**
     * The app's settings, its {@code reward.*} keys checked against the policies this host runs
     * (and {@code rewards.policies} naming only those).
     */
    public static AppSettings of(Map<String, String> overrides, RewardPolicySpecs policies) {
        Map<String, String> own = new HashMap<>();
        Map<String, String> rewardOwn = new HashMap<>();
        overrides.forEach((key, value) -> (key.startsWith(RewardPolicySpecs.PREFIX) ? rewardOwn : own).put(key, value));
        List<ConfigError> errors = new ArrayList<>(SPEC.validate(own));
        Map<String, Config> rewardConfigs = policies.parse(rewardOwn, errors);
        List<String> listed = SPEC.parse(Map.of("rewards.policies", own.getOrDefault("rewards.policies", "")))
                .getList("rewards.policies");
        for (String policy : listed) {
            if (!policies.knows(policy)) {
                errors.add(new ConfigError("rewards.policies", "no reward policy '" + policy + "' on this host; known: "
                        + (policies.policies().isEmpty() ? "none" : String.join(", ", policies.policies()))));
            }
        }
        if (new java.util.HashSet<>(listed).size() < listed.size()) {
            errors.add(new ConfigError("rewards.policies", "names a policy twice; each pays once per vote"));
        }
        Map<String, String> speedRule = new HashMap<>();
        for (String key : List.of("quality.fast.k", "quality.fast.n")) {
            if (overrides.containsKey(key)) {
                speedRule.put(key, overrides.get(key));
            }
        }
        if (SPEC.validate(speedRule).isEmpty()) {
            Config speed = SPEC.parse(speedRule);
            if (speed.getInt("quality.fast.k") > speed.getInt("quality.fast.n")) {
                errors.add(new ConfigError("quality.fast.k", "must be at most quality.fast.n ("
                        + speed.getInt("quality.fast.n") + "): k of the last n votes"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return new AppSettings(SPEC.parse(own), Map.copyOf(overrides), Map.copyOf(rewardConfigs));
    }

    private static String webhookUrlProblem(Object value) {
        try {
            java.net.URI uri = new java.net.URI((String) value);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return web && uri.getHost() != null ? null : "must be an absolute http(s) URL such as https://example.com/hooks";
        } catch (java.net.URISyntaxException e) {
            return "must be an absolute http(s) URL such as https://example.com/hooks";
        }
    }

    /**
     * The effective values a score board is built from (rater-quality rules and Elo's K), so a
     * board is rebuilt only when one of these changes, not for a deck or interval setting.
     */
    public Map<String, Object> boardInputs() {
        Map<String, Object> inputs = new java.util.TreeMap<>();
        for (dev.swipeloop.sdk.config.ConfigKey key : SPEC.keys()) {
            if (key.name().startsWith("quality.") && !key.name().equals("quality.gold.rate")
                    || key.name().equals("ranking.elo.k")) {
                inputs.put(key.name(), config.getDouble(key.name()));
            }
        }
        return inputs;
    }

    public RankingSettings ranking() {
        return new RankingSettings(config.getDouble("ranking.z"), config.getDouble("ranking.prior.strength"),
                config.getInt("ranking.bt.rounds"), config.getDouble("ranking.bt.ridge"), config.getDouble("ranking.elo.k"));
    }

    public QualitySettings quality() {
        QualitySettings d = QualitySettings.DEFAULTS;
        return new QualitySettings(config.getInt("quality.fast.n"), config.getInt("quality.fast.k"),
                config.getInt("quality.fast.dwellMs"), config.getInt("quality.gold.minAnswers"),
                config.getDouble("quality.gold.minAccuracy"), config.getInt("quality.pattern.minVotes"),
                config.getDouble("quality.pattern.share"), config.getInt("quality.dailyCap"),
                config.getInt("quality.alarm.windowVotes"), d.alarmBaselineWindows(), d.alarmRatio(), d.alarmMinRise());
    }

    public DeckSettings deck() {
        return new DeckSettings(config.getString("deck.order").equals("learning"), config.getInt("deck.retire.votes"),
                config.getDouble("deck.retire.width"), config.getDouble("quality.gold.rate"));
    }

    public RewardSettings rewards() {
        return new RewardSettings(config.getList("rewards.policies"), config.getBoolean("rewards.anonymous"),
                config.getLong("rewards.appDailyCap"));
    }

    /** The app's settings for one reward policy it lists; defaults when it changed none. */
    public Config rewardConfig(String policy) {
        Config config = rewardConfigs.get(policy);
        if (config == null) {
            throw new IllegalArgumentException("no reward policy '" + policy + "' on this host");
        }
        return config;
    }

    /** Where webhooks go and what signs them; empty without a URL or a secret. */
    public java.util.Optional<WebhookTarget> webhooks() {
        String url = config.getString("webhooks.url");
        String secret = config.getString("webhooks.secret");
        return url == null || secret == null ? java.util.Optional.empty() : java.util.Optional.of(new WebhookTarget(url, secret));
    }

    /** Which policies pay (in order), whether anonymous raters earn, and the app's daily cap in points (0: none). */
    public record RewardSettings(List<String> policies, boolean anonymous, long appDailyCap) {
        public boolean enabled() {
            return !policies.isEmpty();
        }
    }

    /** An app's webhook endpoint and signing secret. */
    public record WebhookTarget(String url, String secret) {
    }

    /** The settings rankings are computed with. */
    public record RankingSettings(double z, double priorStrength, int bootstrapRounds, double ridge, double eloK) {
    }

    /** How decks are dealt; {@code goldRate} is the share of honeypot cards. */
    public record DeckSettings(boolean learning, int retireVotes, double retireWidth, double goldRate) {
    }
}
