package dev.swipeloop.sdk.model;

/** What a vote says: about one image ({@link Binary}) or about two shown side by side ({@link Pair}). */
public sealed interface Judgement permits Judgement.Binary, Judgement.Pair {
    VoteKind kind();

    record Binary(String item, Verdict verdict) implements Judgement {
        @Override
        public VoteKind kind() {
            return VoteKind.BINARY;
        }
    }

    /** {@code left} and {@code right} are the items in the order the rater saw them. */
    record Pair(String left, String right, Choice choice) implements Judgement {
        @Override
        public VoteKind kind() {
            return VoteKind.PAIR;
        }
    }
}
