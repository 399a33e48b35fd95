package vn.signer.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.appearance.AppearanceMode;
import vn.signer.audit.AuditEntry;
import vn.signer.certs.CertificateSummary;
import vn.signer.report.Json;
import vn.signer.server.auth.Client;
import vn.signer.server.profiles.SigningProfile;
import vn.signer.server.profiles.SplitAppearance;
import vn.signer.server.profiles.SplitProfile;
import vn.signer.server.profiles.SplitProfiles;
import vn.signer.server.split.SplitSession;
import vn.signer.server.split.SplitSessions;
import vn.signer.sign.DataToSign;
import vn.signer.sign.Level;
import vn.signer.sign.SignerRevocation;
import vn.signer.sign.DocumentToSign;
import vn.signer.sign.PreparedSignature;
import vn.signer.sign.SignOutcome;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SignedDocument;

/**
 * Split signing, for a key the server never holds (a token on the officer's computer, behind a local
 * agent). POST /v1/sign/prepare?profile=NAME takes the document and the signer's certificate chain,
 * fixes every parameter (the signing time above all) in a session kept here, and answers what the key
 * must sign; POST /v1/sign/complete takes the session and the signature value, checks the value
 * against the certificate before anything is written, reaches the profile's level and answers the
 * signed document as /v1/sign does.
 */
final class SplitHandler {
    /** The certificate part's largest size: a chain of a few certificates, not a document. */
    private static final int CERTIFICATE_LIMIT = 64 * 1024;
    private static final int MAX_CERTIFICATES = 10;
    /** The complete request's largest body: a session id and a signature value. */
    private static final int COMPLETE_LIMIT = 64 * 1024;

    private final ServerContext server;
    private final SplitProfiles profiles;
    private final SplitSessions sessions;

    SplitHandler(ServerContext server, SplitProfiles profiles, SplitSessions sessions) {
        this.server = server;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    void prepare(Context ctx) throws Exception {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        Query query = Query.parse(ctx.queryString());
        String name = SignHandler.profileName(ctx, query);
        SplitProfile profile = profiles.get(name);
        if (profile == null || !client.profiles().contains(name)) {
            throw HttpError.forbidden("profile.forbidden", client.name(), name);
        }
        SigningProfile.Overrides overrides = SignHandler.overrides(query);
        SplitAppearance appearance = appearance(query);
        SignHandler.requireAllowed(name, profile.refused(overrides, appearance));
        String type = ctx.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new HttpError(415, "UNSUPPORTED_MEDIA_TYPE", "split.multipart");
        }
        Upload upload = Upload.receive(ctx, server.config().limits().maxRequestBytes(), server.tempDir());
        boolean kept = false;
        try {
            List<X509Certificate> chain = certificates(ctx);
            profile.refusal(chain, sessions.now()).ifPresent(refusal -> {
                throw new HttpError(422, "CERTIFICATE_REFUSED", "split.certificate." + refusal.name(), name);
            });
            long size = upload.size();
            try {
                sessions.requireRoom(size);
            } catch (SplitSessions.Full e) {
                throw full(e);
            }
            String certificateSha256 = CertificateSummary.sha256Hex(chain.get(0));
            AtomicReference<SignerRevocation> revocation = new AtomicReference<>();
            SplitSession session = Guard.work(server, ctx, () -> {
                SignatureOptions options = profile.options(overrides, appearance, server.config()::path);
                revocation.set(requireNotRevoked(profile, chain, options.level()));
                DocumentToSign document = upload.inMemory() ? DocumentToSign.inMemory(upload.name(), upload.content())
                        : DocumentToSign.file(upload.file(), upload.file().resolveSibling(
                                upload.file().getFileName().toString().replace("signer-upload-", "signer-signed-")));
                PreparedSignature prepared = prepare(profile, document, chain, options);
                try {
                    return sessions.open(client.name(), name, upload.sha256(), certificateSha256, upload.format(), size,
                            prepared, upload);
                } catch (SplitSessions.Full e) {
                    prepared.close();
                    throw full(e);
                } catch (RuntimeException e) {
                    prepared.close();
                    throw e;
                }
            });
            kept = true;
            answerPrepared(ctx, client, session, revocation.get());
        } finally {
            if (!kept) {
                upload.close();
            }
        }
    }

    /**
     * Refuses a signer's certificate that is revoked (422 CERTIFICATE_REVOKED), or whose status cannot be
     * established when the profile does not accept that at {@code level} (422 CERTIFICATE_STATUS_UNKNOWN):
     * nothing is prepared for it, and no session is kept.
     */
    private static SignerRevocation requireNotRevoked(SplitProfile profile, List<X509Certificate> chain, Level level) {
        SignerRevocation revocation = profile.revocation(chain);
        if (revocation.status() == SignerRevocation.Status.REVOKED) {
            throw new HttpError(422, "CERTIFICATE_REVOKED", "split.certificate.REVOKED", revocation.problem());
        }
        if (revocation.status() == SignerRevocation.Status.UNKNOWN && !profile.acceptsUnknownRevocation(level)) {
            throw new HttpError(422, "CERTIFICATE_STATUS_UNKNOWN", "split.certificate.STATUS_UNKNOWN", profile.name(), level,
                    revocation.problem());
        }
        return revocation;
    }

    /** Prepares, a certificate core finds unusable (a weak key, say) being the caller's, not the server's. */
    private static PreparedSignature prepare(SplitProfile profile, DocumentToSign document, List<X509Certificate> chain,
                                             SignatureOptions options) {
        try {
            return profile.signing().prepare(document, chain, options);
        } catch (SignerException e) {
            if (e.code() == ErrorCode.CERTIFICATE_UNUSABLE) {
                throw new HttpError(422, "CERTIFICATE_REFUSED", "split.certificate.unusable", e.getMessage());
            }
            throw e;
        }
    }

    /** The prepared data, and the signer's revocation status as found (GOOD, or UNKNOWN where the profile accepts it, with why). */
    private void answerPrepared(Context ctx, Client client, SplitSession session, SignerRevocation revocation) {
        DataToSign data = session.prepared().dataToSign();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("session", session.id());
        body.put("digestAlgorithm", data.digestAlgorithm().jcaName());
        body.put("dataToSign", Base64.getEncoder().encodeToString(data.forRawSigner()));
        body.put("signatureAlgorithm", data.signatureAlgorithm());
        body.put("expires", session.expires().toString());
        body.put("revocation", Map.of("status", revocation.status().name(),
                "message", revocation.problem().oneLine(AnswerLanguage.of(ctx))));
        server.audit().append(new AuditEntry(Instant.now(), client.name(), "sign/prepare", session.profile(),
                session.documentSha256(), "prepared", "signer certificate SHA-256 " + session.certificateSha256()
                + ", signing time " + session.prepared().signingTime() + ", expires " + session.expires()
                + ", revocation status " + revocation.status()));
        server.metrics().signature(session.profile(), "prepared");
        ctx.status(200).contentType("application/json").result(Json.line(body));
    }

    /** The Decree 30 appearance the query asks for: appearance, docNumber, issuedDate, anchor. */
    private static SplitAppearance appearance(Query query) {
        String mode = query.get("appearance");
        AppearanceMode chosen = null;
        if (mode != null) {
            try {
                chosen = AppearanceMode.valueOf(mode.strip().toUpperCase(Locale.ROOT).replace("ORGANIZATION", "ORGANISATION"));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("split.appearance.unknown", mode);
            }
        }
        String date = query.get("issuedDate");
        LocalDate issued = null;
        if (date != null) {
            try {
                issued = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                throw HttpError.badRequest("split.appearance.date", date);
            }
        }
        return new SplitAppearance(chosen, query.get("docNumber"), issued, query.get("anchor"));
    }

    void complete(Context ctx) throws Exception {
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        JsonNode request = completeRequest(ctx);
        byte[] value;
        try {
            value = Base64.getDecoder().decode(request.path("signatureValue").asText());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("split.signatureValue.notBase64");
        }
        SplitSession session = sessions.take(request.path("session").asText(), client.name());
        if (session == null) {
            throw new HttpError(404, "SESSION_UNKNOWN", "split.session.unknown");
        }
        try (session) {
            ctx.attribute(SignHandler.PROFILE_ATTRIBUTE, session.profile());
            ctx.attribute(Upload.SHA256_ATTRIBUTE, session.documentSha256());
            if (session.expired(sessions.now())) {
                throw new HttpError(410, "SESSION_EXPIRED", "split.session.expired", session.expires());
            }
            if (session.bytes() <= Upload.IN_MEMORY_LIMIT) {
                ByteArrayOutputStream signed = new ByteArrayOutputStream((int) session.bytes() + 32 * 1024);
                SignOutcome outcome = Guard.work(server, ctx, () -> {
                    try (SignedDocument document = completed(session, value)) {
                        document.writeTo(signed);
                        return outcome(document);
                    }
                });
                answerSigned(ctx, client, session, outcome, signed.size(), signed::writeTo);
                return;
            }
            Path output = Files.createTempFile(server.tempDir(), "signer-signed-", ".bin");
            try {
                SignOutcome outcome = Guard.work(server, ctx, () -> {
                    try (SignedDocument document = completed(session, value)) {
                        document.save(output, true);
                        return outcome(document);
                    }
                });
                answerSigned(ctx, client, session, outcome, Files.size(output), out -> Files.copy(output, out));
            } finally {
                Files.deleteIfExists(output);
            }
        }
    }

    private void answerSigned(Context ctx, Client client, SplitSession session, SignOutcome outcome, long length,
                              SignHandler.Body body) throws IOException {
        SignHandler.answer(server, ctx, "sign/complete", client, session.profile(), session.format(),
                session.documentSha256(), outcome, length, body);
    }

    /** The value checked against the certificate, then the level reached; a wrong value writes nothing. */
    private static SignedDocument completed(SplitSession session, byte[] value) {
        try {
            return session.prepared().complete(value).augment();
        } catch (SignerException e) {
            if (e.code() == ErrorCode.SIGNATURE_VALUE_REFUSED) {
                throw new HttpError(422, "SIGNATURE_VALUE_REFUSED", "split.value.refused");
            }
            throw e;
        }
    }

    private static SignOutcome outcome(SignedDocument document) {
        return new SignOutcome(null, null, document.format(), document.level(), document.signer(), document.signingTime(),
                document.timestampAuthorities(), 0);
    }

    /** The JSON body of a complete request, small and with both fields as text. */
    private static JsonNode completeRequest(Context ctx) {
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes(COMPLETE_LIMIT + 1);
        } catch (IOException e) {
            throw HttpError.badRequest("body.unreadable");
        }
        if (body.length > COMPLETE_LIMIT) {
            throw new HttpError(413, "TOO_LARGE", "split.complete.tooLarge", COMPLETE_LIMIT);
        }
        JsonNode request;
        try {
            request = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw HttpError.badRequest("split.complete.body");
        }
        if (request == null || !request.path("session").isTextual() || !request.path("signatureValue").isTextual()) {
            throw HttpError.badRequest("split.complete.body");
        }
        return request;
    }

    /** The signer's chain from the part {@code certificate}, a file part or a text field. */
    private static List<X509Certificate> certificates(Context ctx) {
        byte[] pem;
        UploadedFile part = ctx.uploadedFile("certificate");
        if (part != null) {
            if (part.size() > CERTIFICATE_LIMIT) {
                throw tooManyCertificates();
            }
            try (InputStream in = part.content()) {
                pem = in.readNBytes(CERTIFICATE_LIMIT + 1);
            } catch (IOException e) {
                throw HttpError.badRequest("body.unreadable");
            }
        } else {
            String field = ctx.formParam("certificate");
            if (field == null) {
                throw HttpError.badRequest("split.certificate.missing");
            }
            pem = field.getBytes(StandardCharsets.US_ASCII);
        }
        if (pem.length > CERTIFICATE_LIMIT) {
            throw tooManyCertificates();
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem))) {
                chain.add((X509Certificate) certificate);
            }
        } catch (CertificateException | RuntimeException e) {
            throw HttpError.badRequest("split.certificate.unreadable");
        }
        if (chain.isEmpty()) {
            throw HttpError.badRequest("split.certificate.unreadable");
        }
        if (chain.size() > MAX_CERTIFICATES) {
            throw tooManyCertificates();
        }
        return chain;
    }

    private static HttpError tooManyCertificates() {
        return HttpError.badRequest("split.certificate.tooLarge", CERTIFICATE_LIMIT, MAX_CERTIFICATES);
    }

    /** A bound of the sessions hit: 503, since the client may retry when sessions complete or expire. */
    private HttpError full(SplitSessions.Full e) {
        return e.byBytes() ? new HttpError(503, "SESSIONS_FULL", "split.sessions.bytes")
                : new HttpError(503, "SESSIONS_FULL", "split.sessions.count", server.config().splitSigning().maxSessions());
    }
}
