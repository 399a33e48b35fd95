package vn.signer.server.routes;

import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Reading what a request carries: API key, client certificate, the connection it came on. */
final class Requests {
    private Requests() {
    }

    /** The API key of {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}, or null. */
    static String apiKey(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        String header = ctx.header("X-API-Key");
        return header == null ? null : header.strip();
    }

    /** The TLS client certificate, already checked by TLS against the configured trust store, or null. */
    static X509Certificate clientCertificate(Context ctx) {
        Object chain = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
        return chain instanceof X509Certificate[] certs && certs.length > 0 ? certs[0] : null;
    }

    /** The end point of the connection the request came on (over TLS, the decrypted one). */
    static EndPoint endPoint(Context ctx) {
        return ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().getEndPoint();
    }
}
