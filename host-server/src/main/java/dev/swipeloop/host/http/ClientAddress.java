package dev.swipeloop.host.http;

import io.javalin.http.Context;

/** Who sent a request, for per-address rate limits. */
final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * The socket's peer, or with {@code trustProxy} the last entry of {@code X-Forwarded-For}:
     * the one the operator's proxy appended. Earlier entries are written by the client and could
     * name a fresh address on every request to dodge the limit; so could the header without a
     * proxy, hence the setting. An entry that is not an IP address is ignored.
     */
    static String of(Context ctx, boolean trustProxy) {
        if (trustProxy) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String last = forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
                if (isIpAddress(last)) {
                    return last;
                }
            }
        }
        return ctx.req().getRemoteAddr();
    }

    /** An IPv4 or IPv6 literal (no host names: those would need a lookup and could be anything). */
    static boolean isIpAddress(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return false;
        }
        if (text.indexOf(':') >= 0) {
            return text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit) || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
