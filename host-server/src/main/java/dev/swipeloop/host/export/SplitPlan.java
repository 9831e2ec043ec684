package dev.swipeloop.host.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dataset splits with weights ({@code train:0.9,test:0.1}) and the rule that puts a row in one:
 * a stable 64-bit hash of the row's prompt group key, so the same group lands in the same
 * split in every export, on every host, and no prompt is in two splits (which would leak the
 * test set into training).
 */
record SplitPlan(List<String> names, double[] upperBounds) {
    private static final String NAME = "[a-z][a-z0-9_]{0,31}";

    static final SplitPlan TRAIN_ONLY = parse("train:1");

    /** Null when {@code text} is a valid plan, else what is wrong with it. */
    static String problem(String text) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] nameWeight = part.trim().split(":", -1);
            if (nameWeight.length != 2 || !nameWeight[0].trim().matches(NAME)) {
                return "must be name:weight pairs separated by commas, names in lower case (e.g. train:0.9,test:0.1)";
            }
            double weight;
            try {
                weight = Double.parseDouble(nameWeight[1].trim());
            } catch (NumberFormatException e) {
                return "weight of '" + nameWeight[0].trim() + "' must be a number";
            }
            if (!(weight > 0) || Double.isInfinite(weight)) {
                return "weight of '" + nameWeight[0].trim() + "' must be above 0";
            }
            if (weights.put(nameWeight[0].trim(), weight) != null) {
                return "split '" + nameWeight[0].trim() + "' is named twice";
            }
        }
        return null;
    }

    static SplitPlan parse(String text) {
        String problem = problem(text);
        if (problem != null) {
            throw new IllegalArgumentException("splits " + problem);
        }
        List<String> names = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] nameWeight = part.trim().split(":");
            names.add(nameWeight[0].trim());
            weights.add(Double.parseDouble(nameWeight[1].trim()));
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double[] bounds = new double[names.size()];
        double running = 0;
        for (int i = 0; i < bounds.length; i++) {
            running += weights.get(i) / total;
            bounds[i] = running;
        }
        bounds[bounds.length - 1] = 1.0;
        return new SplitPlan(List.copyOf(names), bounds);
    }

    /** The split for rows of prompt group {@code groupKey}. */
    String splitOf(String groupKey) {
        if (names.size() == 1) {
            return names.get(0);
        }
        double position = (mix(fnv1a(groupKey)) >>> 11) * 0x1.0p-53;
        for (int i = 0; i < upperBounds.length; i++) {
            if (position < upperBounds[i]) {
                return names.get(i);
            }
        }
        return names.get(names.size() - 1);
    }

    /** The text form, as the manifest records it. */
    String describe() {
        StringBuilder out = new StringBuilder();
        double previous = 0;
        for (int i = 0; i < names.size(); i++) {
            double share = Math.round((upperBounds[i] - previous) * 1e6) / 1e6;
            out.append(i == 0 ? "" : ",").append(names.get(i)).append(':')
                    .append(java.math.BigDecimal.valueOf(share).stripTrailingZeros().toPlainString());
            previous = upperBounds[i];
        }
        return out.toString();
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: FNV alone leaves the high bits of short keys poorly mixed. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
