package dev.swipeloop.host.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // IPv4
            "93.184.215.14, PUBLIC",
            "8.8.8.8, PUBLIC",
            "1.1.1.1, PUBLIC",
            "100.63.255.255, PUBLIC",
            "100.128.0.0, PUBLIC",
            "172.15.255.255, PUBLIC",
            "172.32.0.0, PUBLIC",
            "223.255.255.255, PUBLIC",
            "0.0.0.0, UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED",
            "127.0.0.1, LOOPBACK",
            "127.255.255.254, LOOPBACK",
            "10.0.0.1, PRIVATE",
            "10.255.255.255, PRIVATE",
            "172.16.0.1, PRIVATE",
            "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE",
            "169.254.169.254, LINK_LOCAL",
            "100.64.0.1, SHARED",
            "100.127.255.255, SHARED",
            "224.0.0.1, MULTICAST",
            "239.255.255.250, MULTICAST",
            "240.0.0.1, RESERVED",
            "255.255.255.255, RESERVED",
            "192.0.2.10, RESERVED",
            "198.18.0.1, RESERVED",
            "198.51.100.7, RESERVED",
            "203.0.113.9, RESERVED",
            "192.0.0.8, RESERVED",
            // IPv6
            "2606:4700:4700::1111, PUBLIC",
            "2a00:1450:4001:80b::200e, PUBLIC",
            "::, UNSPECIFIED",
            "::1, LOOPBACK",
            "fc00::1, PRIVATE",
            "fd12:3456:789a::1, PRIVATE",
            "fec0::1, PRIVATE",
            "fe80::1, LINK_LOCAL",
            "febf:ffff::1, LINK_LOCAL",
            "ff02::1, MULTICAST",
            "2001:db8::1, RESERVED",
            "2001:0:4136:e378::1, RESERVED",
            "100::1, RESERVED",
            "4000::1, RESERVED",
            "64:ff9b:1::a00:1, PRIVATE",
            // IPv4 inside IPv6: judged by the IPv4 address
            "::ffff:8.8.8.8, PUBLIC",
            "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:10.1.2.3, PRIVATE",
            "::ffff:169.254.169.254, LINK_LOCAL",
            "::ffff:100.64.1.1, SHARED",
            "::127.0.0.1, LOOPBACK",
            "::10.0.0.1, PRIVATE",
            "64:ff9b::8.8.8.8, PUBLIC",
            "64:ff9b::192.168.0.1, PRIVATE",
            "64:ff9b::127.0.0.1, LOOPBACK",
            "2002:0808:0808::1, PUBLIC",
            "2002:7f00:0001::1, LOOPBACK",
            "2002:a9fe:a9fe::1, LINK_LOCAL",
    })
    void addressesAreClassified(String literal, AddressClass expected) throws Exception {
        assertEquals(expected, AddressClass.of(InetAddress.getByName(literal)));
    }

    @ParameterizedTest(name = "::ffff:{0} kept as IPv6 is {1}")
    @CsvSource({"127.0.0.1, LOOPBACK", "10.0.0.1, PRIVATE", "169.254.169.254, LINK_LOCAL", "0.0.0.0, UNSPECIFIED",
            "8.8.8.8, PUBLIC"})
    void ipv4MappedAddressesAreJudgedByTheirIpv4EvenAsIpv6Objects(String ipv4, AddressClass expected) throws Exception {
        // InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address; a resolver may hand over the 16-byte form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(InetAddress.getByName(ipv4).getAddress(), 0, mapped, 12, 4);
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertInstanceOf(Inet6Address.class, address);
        assertEquals(expected, AddressClass.of(address));
    }
}
