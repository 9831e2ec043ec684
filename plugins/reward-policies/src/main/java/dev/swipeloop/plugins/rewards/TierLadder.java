package dev.swipeloop.plugins.rewards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code thresholds} setting of the tiers policy, {@code points:name} pairs such as
 * {@code 25:Supporter,100:Early access}: parsed, and checked with every problem named.
 */
final class TierLadder {
    private TierLadder() {
    }

    /** The tiers of a list that {@link #problem} accepted, lowest first. */
    static List<Tier> parse(List<String> thresholds) {
        List<Tier> tiers = new ArrayList<>(thresholds.size());
        for (String threshold : thresholds) {
            int colon = threshold.indexOf(':');
            tiers.add(new Tier(Long.parseLong(threshold.substring(0, colon).trim()), threshold.substring(colon + 1).trim()));
        }
        return tiers;
    }

    /** Null when {@code thresholds} is a valid ladder, else every problem in one message. */
    static String problem(Object thresholds) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long previous = 0;
        for (Object item : (List<?>) thresholds) {
            String threshold = (String) item;
            String[] parts = threshold.split(":", -1);
            if (parts.length != 2) {
                problems.add("'" + threshold + "' is not one points:name pair (a name has no ':' or ',')");
                continue;
            }
            String name = parts[1].trim();
            if (name.isEmpty()) {
                problems.add("'" + threshold + "' has no name after ':'");
            } else if (!names.add(name)) {
                problems.add("the name '" + name + "' is used twice");
            }
            long points;
            try {
                points = Long.parseLong(parts[0].trim());
            } catch (NumberFormatException e) {
                problems.add("'" + threshold + "' needs a whole number of points before ':'");
                continue;
            }
            if (points <= 0) {
                problems.add("'" + threshold + "' needs points above 0");
            } else if (points <= previous) {
                problems.add("'" + threshold + "' must need more points than the tier before (" + previous + ")");
            }
            previous = Math.max(previous, points);
        }
        if (problems.isEmpty()) {
            return null;
        }
        return "must be points:name pairs with strictly increasing points, such as 25:Supporter,100:Early access: "
                + String.join("; ", problems);
    }
}
