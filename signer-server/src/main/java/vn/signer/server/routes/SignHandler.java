package vn.signer.server.routes;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.signer.audit.AuditEntry;
import vn.signer.document.DocumentFormat;
import vn.signer.server.auth.Client;
import vn.signer.server.profiles.SigningProfile;
import vn.signer.sign.DocumentSigner;
import vn.signer.sign.Level;
import vn.signer.sign.SignOutcome;

/**
 * POST /v1/sign?profile=NAME: signs the document with the profile's key and answers the signed
 * document, with the signature's summary in X-Signature-* headers (non-ASCII values percent-encoded
 * as UTF-8). Query {@code reason}, {@code location}, {@code contactInfo}, {@code level} override the
 * profile's defaults only where the profile allows it.
 */
final class SignHandler {
    static final String PROFILE_ATTRIBUTE = "signer.profile";

    private final ServerContext server;

    SignHandler(ServerContext server) {
        this.server = server;
    }

    void handle(Context ctx) throws Exception {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        Query query = Query.parse(ctx.queryString());
        String name = profileName(ctx, query);
        SigningProfile profile = server.profiles().get(name);
        if (profile == null || !client.profiles().contains(name)) {
            throw HttpError.forbidden("profile.forbidden", client.name(), name);
        }
        SigningProfile.Overrides overrides = overrides(query);
        requireAllowed(name, profile.refused(overrides));
        try (Upload upload = Upload.receive(ctx, server.config().limits().maxRequestBytes(), server.tempDir())) {
            upload.requireXmlWithin(server.config().limits().maxXmlBytes());
            DocumentSigner signer = profile.signer(overrides);
            if (upload.inMemory()) {
                ByteArrayOutputStream signed = new ByteArrayOutputStream(upload.content().length + 32 * 1024);
                SignOutcome outcome = Guard.work(server, ctx, () -> signer.sign(upload.name(), upload.content(), signed));
                answer(server, ctx, "sign", client, name, upload.format(), upload.sha256(), outcome, signed.size(), signed::writeTo);
                return;
            }
            Path output = upload.file().resolveSibling(upload.file().getFileName().toString().replace("signer-upload-", "signer-signed-"));
            try {
                SignOutcome outcome = Guard.work(server, ctx, () -> {
                    try {
                        return signer.sign(upload.file(), output, true);
                    } finally {
                        // Stopped, this worker may have written the output after the request had removed it.
                        if (Thread.currentThread().isInterrupted()) {
                            Files.deleteIfExists(output);
                        }
                    }
                });
                answer(server, ctx, "sign", client, name, upload.format(), upload.sha256(), outcome, Files.size(output),
                        out -> Files.copy(output, out));
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }

    /**
     * Answers the signed document with its summary in headers, once the signature is audited (as
     * {@code action}) and counted.
     */
    static void answer(ServerContext server, Context ctx, String action, Client client, String profile, DocumentFormat format,
                       String sha256, SignOutcome outcome, long length, Body body) throws IOException {
        ctx.status(200).contentType(format == DocumentFormat.PDF ? "application/pdf" : "application/xml");
        ctx.header("X-Signature-Format", format.signatureFormat());
        ctx.header("X-Signature-Level", outcome.level());
        ctx.header("X-Signature-Signer", encode(outcome.signer()));
        ctx.header("X-Signature-Signing-Time", outcome.signingTime().toString());
        ctx.header("X-Signature-Timestamp-Authorities",
                outcome.timestampAuthorities().stream().map(Object::toString).collect(Collectors.joining(",")));
        ctx.header("X-Document-SHA256", sha256);
        ctx.res().setContentLengthLong(length);
        server.audit().append(new AuditEntry(Instant.now(), client.name(), action, profile, sha256,
                "signed", outcome.level()));
        server.metrics().signature(profile, "signed");
        try (OutputStream out = ctx.res().getOutputStream()) {
            body.writeTo(out);
        }
    }

    /** The signed document, written to the response. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The profile ?profile= names (400 when none), kept in the request for the audit of a refusal. */
    static String profileName(Context ctx, Query query) {
        String name = query.get("profile");
        if (name == null || name.isBlank()) {
            throw HttpError.badRequest("profile.missing");
        }
        ctx.attribute(PROFILE_ATTRIBUTE, name);
        return name;
    }

    /** What the query asks to change of the profile's defaults. */
    static SigningProfile.Overrides overrides(Query query) {
        return new SigningProfile.Overrides(query.get("reason"), query.get("location"), query.get("contactInfo"),
                level(query.get("level")));
    }

    /** 403 when {@code refused}, the overrides the profile does not allow, is not empty. */
    static void requireAllowed(String profile, List<String> refused) {
        if (!refused.isEmpty()) {
            throw new HttpError(403, "OVERRIDE_NOT_ALLOWED", "override.refused", profile, refused);
        }
    }

    private static Level level(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Level.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("level.invalid");
        }
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
