package dev.swipeloop.plugins.postgres;

/** What of a JDBC URL may be shown: everything but a password parameter. */
final class JdbcUrls {
    private JdbcUrls() {
    }

    static String withoutPassword(String url) {
        return url == null ? null : url.replaceAll("(?i)([?&]password=)[^&]*", "$1****");
    }
}
