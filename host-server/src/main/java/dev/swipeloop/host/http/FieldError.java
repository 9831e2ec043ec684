package dev.swipeloop.host.http;

/** One bad field of a request: {@code votes[3].verdict} "must be one of like, dislike, skip". */
public record FieldError(String field, String message) {
}
