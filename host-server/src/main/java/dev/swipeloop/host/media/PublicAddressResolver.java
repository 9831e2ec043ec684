package dev.swipeloop.host.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Jetty's name resolution with the non-public addresses taken out. The HTTP client connects only
 * to the addresses this returns, so the check applies to the very address connected to: a name
 * that resolves to a public address when checked and to 127.0.0.1 a moment later (DNS
 * rebinding) gets no second lookup to exploit. Thread-safe.
 */
final class PublicAddressResolver implements SocketAddressResolver {
    /** A host name that resolved only to addresses the fetcher may not connect to. */
    static final class RefusedAddressException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String message) {
            super(message);
        }
    }

    private final SocketAddressResolver delegate;
    private final boolean allowLoopback;

    /** @param allowLoopback for tests against a server on this machine only */
    PublicAddressResolver(SocketAddressResolver delegate, boolean allowLoopback) {
        this.delegate = delegate;
        this.allowLoopback = allowLoopback;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        delegate.resolve(host, port, context, Promise.from(resolved -> {
            List<InetSocketAddress> allowed = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (InetSocketAddress address : resolved) {
                if (address.getAddress() == null) {
                    refused.add(address.getHostString() + " (unresolved)");
                    continue;
                }
                AddressClass kind = AddressClass.of(address.getAddress());
                if (kind == AddressClass.PUBLIC || (allowLoopback && kind == AddressClass.LOOPBACK)) {
                    allowed.add(address);
                } else {
                    refused.add(address.getAddress().getHostAddress() + " (" + kind.description() + ")");
                }
            }
            if (allowed.isEmpty()) {
                promise.failed(new RefusedAddressException(host + " resolves only to addresses that are not public: "
                        + String.join(", ", refused)));
            } else {
                promise.succeeded(allowed);
            }
        }, promise::failed));
    }
}
