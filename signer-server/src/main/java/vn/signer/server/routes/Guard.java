package vn.signer.server.routes;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Callable;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.auth.Client;
import vn.signer.server.limits.ClientConnection;
import vn.signer.server.limits.RequestGate;
import vn.signer.server.limits.WorkDeadline;

/**
 * Runs a route's handler behind the checks its {@link Access} asks for, in this order: an address
 * that failed authentication too often (429), admission (503 when full or shutting down), the
 * address's share of admission (429), authentication (401), the client's rate (429). Admission is for
 * the whole request, its body's arrival included; handlers take a {@link #work} slot only once the
 * body is in, so slow uploads cannot keep signing and verification from running, and work runs to a
 * deadline and only while its client is there. Whatever the
 * handler throws, errors of the JVM included, reaches the error answers as an exception.
 */
final class Guard {
    static final String CLIENT_ATTRIBUTE = "signer.client";
    static final String ROUTE_ATTRIBUTE = "signer.route";

    private final ServerContext server;

    Guard(ServerContext server) {
        this.server = server;
    }

    /** A slot taken; closing gives it back. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    Handler wrap(Route route) {
        if (route.access() == Access.PUBLIC) {
            return ctx -> {
                ctx.attribute(ROUTE_ATTRIBUTE, route.path());
            // A bad ?lang= is refused before anything else, in the language of Accept-Language.
            AnswerLanguage.of(ctx);
                run(route.handler(), ctx);
            };
        }
        return ctx -> {
            ctx.attribute(ROUTE_ATTRIBUTE, route.path());
            // A bad ?lang= is refused before anything else, in the language of Accept-Language.
            AnswerLanguage.of(ctx, route.access() == Access.PAGE ? AnswerLanguage.VIETNAMESE : AnswerLanguage.ENGLISH);
            String address = ctx.ip();
            ctx.attribute(CLIENT_ATTRIBUTE, Client.anonymous(address));
            Duration blocked = server.authFailures().blocked(address);
            if (!blocked.isZero()) {
                throw new HttpError(429, "RATE_LIMITED", Duration.ofSeconds(seconds(blocked)), "rate.authFailures",
                        address, seconds(blocked));
            }
            try (Slot admitted = enter(server.gate())) {
                if (!server.addresses().enter(address)) {
                    throw new HttpError(429, "RATE_LIMITED", "rate.inFlight", address,
                            server.config().limits().maxRequestsPerAddress());
                }
                try {
                    Client client = identify(ctx, route.access(), address);
                    ctx.attribute(CLIENT_ATTRIBUTE, client);
                    if (!server.rates().tryAcquire(client.name(), client.requestsPerSecond())) {
                        throw new HttpError(429, "RATE_LIMITED", "rate.client", client.name());
                    }
                    run(route.handler(), ctx);
                } finally {
                    server.addresses().leave(address);
                }
            }
        };
    }

    /**
     * Signs or verifies for a request whose body is in, in a work slot (503 when none frees up within a
     * second), on a worker stopped when the work deadline passes (504) or the client closes its
     * connection (503, which the client no longer reads but the audit and the metrics do). The slot is
     * given back when the worker has ended, which may be after this returns.
     */
    static <T> T work(ServerContext server, Context ctx, Callable<T> work) throws Exception {
        Slot slot = enter(server.work());
        ClientConnection client = new ClientConnection(Requests.endPoint(ctx));
        try {
            return server.deadline().run(work, client, slot::close);
        } catch (WorkDeadline.Stopped e) {
            throw switch (e.reason()) {
                case DEADLINE -> new HttpError(504, "WORK_TIMEOUT", "work.timeout", server.deadline().deadline().toSeconds());
                case CLIENT_GONE -> new HttpError(503, "CLIENT_GONE", "work.clientGone");
            };
        } finally {
            if (client.sentMore()) {
                ctx.header("Connection", "close");
            }
        }
    }

    private static Slot enter(RequestGate gate) throws InterruptedException {
        if (!gate.enter()) {
            throw gate.closed()
                    ? new HttpError(503, "SHUTTING_DOWN", "server.shuttingDown")
                    : new HttpError(503, "BUSY", "server.busy");
        }
        return gate::leave;
    }

    /**
     * Runs {@code handler}, turning the JVM's errors into answers: a document nested so deeply that
     * parsing it overflows the stack is the document's fault (422); running out of memory is the
     * server's state, which may pass (503). Both unwind the request's stack, so the server carries on.
     */
    private static void run(Handler handler, Context ctx) throws Exception {
        try {
            handler.handle(ctx);
        } catch (StackOverflowError e) {
            throw new HttpError(422, "TOO_COMPLEX", "document.tooComplex");
        } catch (OutOfMemoryError e) {
            throw new HttpError(503, "OUT_OF_MEMORY", "server.outOfMemory");
        } catch (Error e) {
            throw new IllegalStateException("error of the JVM while handling the request", e);
        }
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private Client identify(Context ctx, Access access, String address) {
        if (access == Access.PAGE) {
            return Client.anonymous(address);
        }
        Authenticator.Result result = server.auth().authenticate(Requests.apiKey(ctx), Requests.clientCertificate(ctx));
        if (result instanceof Authenticator.Result.Known known) {
            return known.client();
        }
        if (result instanceof Authenticator.Result.Refused refused) {
            server.authFailures().failed(address);
            throw HttpError.unauthorized(refused.key());
        }
        if (access == Access.VERIFY && server.config().verification().open()) {
            return Client.anonymous(address);
        }
        server.authFailures().failed(address);
        throw HttpError.unauthorized("auth.required");
    }
}
