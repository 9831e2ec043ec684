package dev.swipeloop.plugins.postgres;

/** What of a JDBC URL may be shown: everything but the values of password parameters. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    /** Masks {@code password=}, and any other parameter whose name ends in password ({@code sslpassword=}). */
    static String withoutPassword(String url) {
        return url == null ? null : url.replaceAll("(?i)([?&][a-z]*password=)[^&]*", "$1****");
    }
}
