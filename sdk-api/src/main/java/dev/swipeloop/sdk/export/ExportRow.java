package dev.swipeloop.sdk.export;

import dev.swipeloop.sdk.model.Item;
import dev.swipeloop.sdk.model.Vote;

/**
 * One vote with the items it is about: {@code item} for binary votes, {@code left} and
 * {@code right} (in the order shown) for pairs; the others are null. An item that no longer
 * exists is null as well.
 */
public record ExportRow(Vote vote, Item item, Item left, Item right) {
}
