package dev.swipeloop.plugins.rewards;

/** One rung of a tier ladder: the vested points that reach it and its name. */
record Tier(long points, String name) {
}
