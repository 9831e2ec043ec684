/**
 * The bundled reward policies: {@code points}, {@code quality-weighted} and {@code tiers}.
 *
 * <p>Every policy here is stateless: what it pays for a vote follows from the vote, the rater's
 * signals as of that vote, the app's settings and the ledger so far, read through the
 * {@link dev.swipeloop.sdk.reward.RewardContext} of the call. Time is read from
 * {@code context.now()} only, so replaying the same votes writes the same ledger.
 */
package dev.swipeloop.plugins.rewards;
