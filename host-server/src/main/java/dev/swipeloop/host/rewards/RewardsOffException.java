package dev.swipeloop.host.rewards;

import dev.swipeloop.sdk.SwipeloopException;

/** The app lists no reward policy ({@code rewards.policies} is empty), so there is no progress to show. */
public final class RewardsOffException extends SwipeloopException {
    private static final long serialVersionUID = 1L;

    public RewardsOffException(String appId) {
        super("App " + appId + " pays no rewards: its setting rewards.policies is empty.");
    }
}
