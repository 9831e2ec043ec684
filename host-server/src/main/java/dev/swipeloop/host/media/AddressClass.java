package dev.swipeloop.host.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * What kind of network an IP address belongs to, so the host connects out only to the public
 * internet. Anything not known to be public unicast is refused, including the IPv4 ranges hidden
 * inside IPv6 forms (IPv4-mapped, IPv4-compatible, NAT64, 6to4). Ranges: the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890 and its updates).
 */
public enum AddressClass {
    PUBLIC("public"),
    UNSPECIFIED("unspecified"),
    LOOPBACK("loopback"),
    PRIVATE("private"),
    LINK_LOCAL("link-local"),
    SHARED("shared address space (CGNAT)"),
    MULTICAST("multicast"),
    RESERVED("reserved for special use");

    private record Block(byte[] prefix, int bits, AddressClass kind) {
        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, prefix, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[whole] & mask) == (prefix[whole] & mask);
        }
    }

    private static final List<Block> IPV4 = List.of(
            block("0.0.0.0", 8, UNSPECIFIED), // "this network"; 0.0.0.0 reaches the local host on Linux
            block("10.0.0.0", 8, PRIVATE),
            block("100.64.0.0", 10, SHARED),
            block("127.0.0.0", 8, LOOPBACK),
            block("169.254.0.0", 16, LINK_LOCAL), // cloud metadata services live here
            block("172.16.0.0", 12, PRIVATE),
            block("192.0.0.0", 24, RESERVED),
            block("192.0.2.0", 24, RESERVED),
            block("192.88.99.0", 24, RESERVED),
            block("192.168.0.0", 16, PRIVATE),
            block("198.18.0.0", 15, RESERVED),
            block("198.51.100.0", 24, RESERVED),
            block("203.0.113.0", 24, RESERVED),
            block("224.0.0.0", 4, MULTICAST),
            block("240.0.0.0", 4, RESERVED)); // includes the broadcast address

    /** Matched first: both also lie inside the IPv4-compatible block below. */
    private static final List<Block> IPV6_EXACT = List.of(
            block("::", 128, UNSPECIFIED),
            block("::1", 128, LOOPBACK));

    /** IPv6 forms that carry an IPv4 address in their last four bytes, judged by that address. */
    private static final List<Block> IPV6_EMBEDDING_IPV4_AT_END = List.of(
            block("::ffff:0:0", 96, null), // IPv4-mapped
            block("64:ff9b::", 96, null), // NAT64 well-known prefix: the gateway connects to the IPv4 inside
            block("::", 96, null)); // IPv4-compatible (deprecated)

    private static final Block SIX_TO_FOUR = block("2002::", 16, null); // IPv4 in bytes 2..5

    private static final List<Block> IPV6 = List.of(
            block("64:ff9b:1::", 48, PRIVATE), // local-use NAT64
            block("100::", 64, RESERVED), // discard-only
            block("2001::", 32, RESERVED), // Teredo: the IPv4 inside is obfuscated, so never trusted
            block("2001:db8::", 32, RESERVED), // documentation
            block("fc00::", 7, PRIVATE), // unique local
            block("fe80::", 10, LINK_LOCAL),
            block("fec0::", 10, PRIVATE), // site-local (deprecated)
            block("ff00::", 8, MULTICAST));

    /** All global unicast space allocated so far; anything outside it is not the public internet. */
    private static final Block IPV6_GLOBAL_UNICAST = block("2000::", 3, PUBLIC);

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static AddressClass of(InetAddress address) {
        return of(address.getAddress());
    }

    /** The class of a raw address: 4 bytes (IPv4) or 16 (IPv6). */
    static AddressClass of(byte[] address) {
        if (address.length == 4) {
            return first(IPV4, address, PUBLIC);
        }
        AddressClass exact = first(IPV6_EXACT, address, null);
        if (exact != null) {
            return exact;
        }
        for (Block embedding : IPV6_EMBEDDING_IPV4_AT_END) {
            if (embedding.contains(address)) {
                return of(Arrays.copyOfRange(address, 12, 16));
            }
        }
        if (SIX_TO_FOUR.contains(address)) {
            return of(Arrays.copyOfRange(address, 2, 6));
        }
        AddressClass special = first(IPV6, address, null);
        if (special != null) {
            return special;
        }
        return IPV6_GLOBAL_UNICAST.contains(address) ? PUBLIC : RESERVED;
    }

    private static AddressClass first(List<Block> blocks, byte[] address, AddressClass otherwise) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block.kind();
            }
        }
        return otherwise;
    }

    private static Block block(String literal, int bits, AddressClass kind) {
        try {
            // Literals only: getByName parses them without a DNS lookup.
            byte[] prefix = InetAddress.getByName(literal).getAddress();
            if (literal.contains(":") && prefix.length == 4) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address; the prefix needs the 16-byte form.
                prefix = mapped(prefix);
            }
            return new Block(prefix, bits, kind);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad address literal " + literal, e);
        }
    }

    private static byte[] mapped(byte[] ipv4) {
        byte[] out = new byte[16];
        out[10] = (byte) 0xFF;
        out[11] = (byte) 0xFF;
        System.arraycopy(ipv4, 0, out, 12, 4);
        return out;
    }
}
