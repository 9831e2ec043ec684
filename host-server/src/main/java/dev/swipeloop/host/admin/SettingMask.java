package dev.swipeloop.host.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Setting values as the dashboard may show them: a secret setting (type password) never, and in
 * any other value the secrets a URL can carry (the password of {@code user:password@}, and
 * query parameters such as {@code password=} or {@code sslpassword=} in a JDBC URL).
 */
public final class SettingMask {
    public static final String MASK = "••••";
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/?#@:]*:)[^/?#@]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?&;][^=&;#]*(?:password|secret|token|key)[^=&;#]*=)[^&;#]*");

    private SettingMask() {
    }

    /** {@code value} fit to show: null stays null, a secret becomes {@link #MASK}. */
    public static String shown(String value, boolean secret) {
        if (value == null) {
            return null;
        }
        if (secret) {
            return MASK;
        }
        String masked = USER_INFO_PASSWORD.matcher(value).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return SECRET_PARAMETER.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
