package vn.signer.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * What addresses a remote signing service may be reached at: https, where the service proves who it
 * is before a secret or a hash is sent; plain http only to this computer (a demo or a test service
 * on 127.0.0.1), and only when the caller allows it. The operator chose the address, so a private
 * address over https is allowed, as for a TSA.
 */
public final class ServiceAddress {
    private ServiceAddress() {
    }

    /**
     * @return {@code url}, when it may be reached
     * @throws SignerException USAGE naming the address and why not
     */
    public static URI check(URI url, boolean allowLoopbackHttp) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new SignerException(ErrorCode.USAGE, Problem.of("remote.url.shape", url.toString()));
        }
        if (scheme.equals("https")) {
            return url;
        }
        if (scheme.equals("http") && allowLoopbackHttp && loopback(url.getHost())) {
            return url;
        }
        throw new SignerException(ErrorCode.USAGE, Problem.of("remote.url.scheme", url.toString()));
    }

    private static boolean loopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
