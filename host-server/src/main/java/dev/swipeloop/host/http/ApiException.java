package dev.swipeloop.host.http;

import java.util.List;

/**
 * A request the API answers with a problem: thrown by handlers, turned into
 * {@code application/problem+json} once, by {@link ProblemMapper}. {@code slug} ends the
 * problem's type URI; {@code detail} is one sentence a developer can act on.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    protected ApiException(int status, String slug, String title, String detail, List<FieldError> errors,
                           Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds for {@code Retry-After}, or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** 400: the body or a parameter is wrong; {@code errors} names every bad field. */
    public static class Invalid extends ApiException {
        private static final long serialVersionUID = 1L;

        public Invalid(String detail, List<FieldError> errors) {
            super(400, "invalid-request", "The request has invalid fields", detail, errors, null);
        }
    }

    /** 400: the body is not JSON at all. */
    public static class MalformedJson extends ApiException {
        private static final long serialVersionUID = 1L;

        public MalformedJson(String detail) {
            super(400, "malformed-json", "The request body is not valid JSON", detail, List.of(), null);
        }
    }

    /** 401: no key, an unknown key or a bad rater token. */
    public static class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String slug, String detail) {
            super(401, slug, "Not authenticated", detail, List.of(), null);
        }
    }

    /** 403: a valid key that may not do this (wrong kind of key, origin not allowed). */
    public static class Forbidden extends ApiException {
        private static final long serialVersionUID = 1L;

        public Forbidden(String slug, String detail) {
            super(403, slug, "Not allowed", detail, List.of(), null);
        }
    }

    /** 404: no such route. */
    public static class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        public NotFound(String detail) {
            this("not-found", detail);
        }

        /** A route that exists, and a thing it names that does not (e.g. {@code rewards-off}). */
        public NotFound(String slug, String detail) {
            super(404, slug, "Not found", detail, List.of(), null);
        }
    }

    /** 409: the thing exists but is not in a state that allows this (an export not finished yet). */
    public static class Conflict extends ApiException {
        private static final long serialVersionUID = 1L;

        public Conflict(String slug, String detail) {
            super(409, slug, "Conflict", detail, List.of(), null);
        }
    }

    /** 413: the body, or the number of entries in a batch, is over a limit. */
    public static class TooLarge extends ApiException {
        private static final long serialVersionUID = 1L;

        public TooLarge(String slug, String detail, List<FieldError> errors) {
            super(413, slug, "The request is too large", detail, errors, null);
        }
    }

    /** 415: the body is not of a type this endpoint takes (decided by its bytes, not by Content-Type). */
    public static class UnsupportedMediaType extends ApiException {
        private static final long serialVersionUID = 1L;

        public UnsupportedMediaType(String slug, String detail, List<FieldError> errors) {
            super(415, slug, "Unsupported media type", detail, errors, null);
        }
    }

    /** 429: a rate limit; retry after the given seconds. */
    public static class RateLimited extends ApiException {
        private static final long serialVersionUID = 1L;

        public RateLimited(String detail, long retryAfterSeconds) {
            super(429, "rate-limited", "Too many requests", detail, List.of(), retryAfterSeconds);
        }
    }

    /** 503: storage failed or the server is stopping; the request may be retried as it is. */
    public static class Unavailable extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String slug, String detail, long retryAfterSeconds) {
            super(503, slug, "Service unavailable", detail, List.of(), retryAfterSeconds);
        }
    }
}
