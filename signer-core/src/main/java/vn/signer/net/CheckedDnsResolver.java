package vn.signer.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host for the HTTP client and refuses it when any of its addresses is not public. The
 * client connects only to the addresses this returns, so a name that resolves to a public address
 * when checked and to 127.0.0.1 when connected (DNS rebinding) cannot get through: there is only one
 * resolution. A host with one public and one private address is refused too.
 */
final class CheckedDnsResolver implements DnsResolver {
    private final DnsResolver system = SystemDefaultDnsResolver.INSTANCE;

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = system.resolve(host);
        for (InetAddress address : addresses) {
            String why = PublicAddresses.whyNot(address);
            if (why != null) {
                throw new AddressRefused(host + " resolves to " + address.getHostAddress() + ", " + why);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        resolve(host);
        return system.resolveCanonicalHostname(host);
    }

    /** An UnknownHostException, so that the HTTP client neither retries nor tries another address. */
    static final class AddressRefused extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        AddressRefused(String message) {
            super(message);
        }
    }
}
