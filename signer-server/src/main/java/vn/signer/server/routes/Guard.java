package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.auth.Client;

/**
 * Runs a route's handler behind the checks its {@link Access} asks for, in this order: the
 * concurrency gate (503 when full or shutting down), authentication (401), the client's rate (429).
 */
final class Guard {
    static final String CLIENT_ATTRIBUTE = "signer.client";
    static final String ROUTE_ATTRIBUTE = "signer.route";

    private final ServerContext server;

    Guard(ServerContext server) {
        this.server = server;
    }

    Handler wrap(Route route) {
        if (route.access() == Access.PUBLIC) {
            return ctx -> {
                ctx.attribute(ROUTE_ATTRIBUTE, route.path());
                route.handler().handle(ctx);
            };
        }
        return ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, route.path());
            ctx.attribute(CLIENT_ATTRIBUTE, Client.anonymous(ctx.ip()));
            if (!server.gate().enter()) {
                throw server.gate().closed()
                        ? new HttpError(503, "SHUTTING_DOWN", "the server is shutting down")
                        : new HttpError(503, "BUSY", "the server is at its limit of concurrent requests; retry shortly");
            }
            try {
                Client client = identify(ctx, route.access());
                ctx.attribute(CLIENT_ATTRIBUTE, client);
                if (!server.rates().tryAcquire(client.name(), client.requestsPerSecond())) {
                    throw new HttpError(429, "RATE_LIMITED", "too many requests from " + client.name() + "; slow down");
                }
                route.handler().handle(ctx);
            } finally {
                server.gate().leave();
            }
        };
    }

    private Client identify(Context ctx, Access access) {
        Authenticator.Result result = server.auth().authenticate(Requests.apiKey(ctx), Requests.clientCertificate(ctx));
        if (result instanceof Authenticator.Result.Known known) {
            return known.client();
        }
        if (result instanceof Authenticator.Result.Refused refused) {
            throw HttpError.unauthorized(refused.reason());
        }
        if (access == Access.VERIFY && server.config().verification().open()) {
            return Client.anonymous(ctx.ip());
        }
        throw HttpError.unauthorized("this needs an API key (Authorization: Bearer KEY) or a client certificate");
    }
}
