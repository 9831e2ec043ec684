package dev.swipeloop.host.hosts;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The default {@code host.id}: the machine's name, so an operator knows where a host runs, and a
 * random suffix, so two hosts on one machine (or a restart, while the last run's lease has not
 * run out) are never taken for one.
 */
public final class HostName {
    private HostName() {
    }

    public static String withSuffix() {
        byte[] suffix = new byte[3];
        new SecureRandom().nextBytes(suffix);
        return machine() + "-" + HexFormat.of().formatHex(suffix);
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }
}
