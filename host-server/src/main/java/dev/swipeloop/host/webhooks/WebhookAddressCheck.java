package dev.swipeloop.host.webhooks;

import dev.swipeloop.host.media.AddressClass;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Whether a webhook URL may be set: the host POSTs to it and shows the app owner how each
 * attempt went, so a URL on the host's own network (loopback, private ranges, the cloud
 * metadata address) would let any app owner probe that network. Such URLs are refused unless
 * the operator allows them ({@code webhooks.allowPrivateAddresses}, for a receiver on the
 * same machine). Checked when the URL is set; a name that later resolves elsewhere (DNS
 * rebinding) is not caught here.
 */
public final class WebhookAddressCheck {
    private WebhookAddressCheck() {
    }

    /** Null when the URL may be used, else why not, in words for the 400. */
    public static String problem(String url, boolean allowPrivate) {
        String host = URI.create(url).getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "its host " + host + " cannot be resolved; check the name";
        }
        if (allowPrivate) {
            return null;
        }
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            if (kind != AddressClass.PUBLIC) {
                return "its host " + host + " resolves to " + address.getHostAddress() + " (" + kind.description()
                        + "): webhooks go to public addresses only, unless the operator sets"
                        + " webhooks.allowPrivateAddresses";
            }
        }
        return null;
    }
}
