package vn.signer.server.routes;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import vn.signer.SignerException;
import vn.signer.keys.SignatureScheme;
import vn.signer.report.Json;
import vn.signer.server.profiles.SigningProfile;
import vn.signer.timestamp.TimestampAuthorities;

/**
 * GET /ready: 200 when every signing profile can sign now (its key signs a random probe, so the token
 * session is alive; its certificate is valid; at least one of its TSAs answers), else 503, with each
 * profile's state in the body.
 */
final class ReadyHandler {
    /**
     * /ready is public and each check signs on the token and asks every TSA: anyone polling it in a loop
     * would starve real signing and spend TSA quota, so a result serves every caller for this long.
     */
    private static final Duration REUSE = Duration.ofSeconds(10);

    private final ServerContext server;
    private final SecureRandom random = new SecureRandom();
    private final Reused<List<ProfileState>> states;

    ReadyHandler(ServerContext server) {
        this.server = server;
        // Until the first check is done, a caller that does not make it is told the server is not ready yet.
        List<ProfileState> checking = new ArrayList<>();
        server.profiles().all().forEach(p -> checking.add(new ProfileState(p.name(), false, List.of("being checked; ask again shortly"))));
        this.states = new Reused<>(REUSE, InstantSource.system(), this::checkAll, List.copyOf(checking));
    }

    /**
     * One profile's readiness.
     *
     * @param profile   the profile's name
     * @param ready     whether it can sign now
     * @param problems  what stops it, if anything
     */
    record ProfileState(String profile, boolean ready, List<String> problems) {
    }

    /**
     * @param ready    whether every profile is ready (and the server is not shutting down)
     * @param profiles each profile's state
     */
    record Readiness(boolean ready, List<ProfileState> profiles) {
    }

    void handle(Context ctx) {
        List<ProfileState> states = this.states.get();
        boolean ready = !server.gate().closed() && states.stream().allMatch(ProfileState::ready);
        ctx.status(ready ? 200 : 503).contentType("application/json").result(Json.line(new Readiness(ready, states)));
    }

    private List<ProfileState> checkAll() {
        List<ProfileState> checked = new ArrayList<>();
        server.profiles().all().forEach(p -> checked.add(check(p)));
        return List.copyOf(checked);
    }

    private ProfileState check(SigningProfile profile) {
        List<String> problems = new ArrayList<>();
        if (!profile.key().info().certificate().isValidAt(Instant.now())) {
            problems.add("the certificate is not valid now (valid until " + profile.key().info().certificate().notAfter() + ")");
        }
        byte[] probe = new byte[32];
        random.nextBytes(probe);
        try {
            profile.key().sign(probe, SignatureScheme.DEFAULT);
        } catch (SignerException | IllegalStateException e) {
            problems.add("the key cannot sign: " + e.getMessage());
        }
        TimestampAuthorities tsa = profile.services().timestamps();
        if (tsa != null) {
            List<TimestampAuthorities.Probe> probes = tsa.probe();
            if (probes.stream().noneMatch(TimestampAuthorities.Probe::answered)) {
                probes.forEach(p -> problems.add("TSA " + p.url() + " does not answer: " + p.error()));
            }
        }
        return new ProfileState(profile.name(), problems.isEmpty(), problems);
    }
}
