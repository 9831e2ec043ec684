package dev.swipeloop.host.ranking;

import java.util.List;
import java.util.Map;

/**
 * A ranking of an app's items or models by one method, as of the vote {@code asOfSeq}.
 * {@code stale} says a newer one is being computed (Bradley–Terry on a big app) and this is the
 * last finished one. {@code parameters} are what the numbers depend on (z, prior, rounds…).
 */
public record Ranking(RankingService.Of of, RankingService.Method method, String group, long asOfSeq, boolean stale,
                      Map<String, Object> parameters, List<Standing> standings) {
}
