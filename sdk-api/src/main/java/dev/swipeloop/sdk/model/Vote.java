package dev.swipeloop.sdk.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One judgement by one rater. {@code id} is made by the client and is the idempotency key
 * (the widget sends UUIDv7, which keeps inserts append-ordered). {@code seq} and
 * {@code receivedAt} are the server's: seq is 0 until the storage backend assigns it on
 * append, then strictly increasing in commit order. The host sets {@code receivedAt} when
 * the request arrives; a backend fills in the current time when it is null. Times keep at
 * least microseconds (what PostgreSQL keeps). {@code session}, {@code dwellMs} and
 * {@code clientTs} may be null.
 *
 * <p>{@code verified} is true when the request that brought the vote carried a rater token
 * the host checked for this rater (see API.md, "Verified raters"); rewards read it, since an
 * anonymous rater id can be typed by anybody.
 */
public record Vote(UUID id, String appId, String rater, String session, Judgement judgement,
                   Integer dwellMs, Instant clientTs, long seq, Instant receivedAt, boolean verified) {

    /** A vote from an anonymous rater (no token checked), as before verification existed. */
    public Vote(UUID id, String appId, String rater, String session, Judgement judgement,
                Integer dwellMs, Instant clientTs, long seq, Instant receivedAt) {
        this(id, appId, rater, session, judgement, dwellMs, clientTs, seq, receivedAt, false);
    }

    public Vote withSeq(long newSeq) {
        return new Vote(id, appId, rater, session, judgement, dwellMs, clientTs, newSeq, receivedAt, verified);
    }

    public Vote withVerified(boolean isVerified) {
        return new Vote(id, appId, rater, session, judgement, dwellMs, clientTs, seq, receivedAt, isVerified);
    }
}
