package vn.signer.server.routes;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import vn.signer.audit.AuditEntry;
import vn.signer.report.Json;
import vn.signer.report.ReportDetails;
import vn.signer.report.ReportPdf;
import vn.signer.report.ReportSheet;
import vn.signer.report.Words;
import vn.signer.server.auth.Authenticator;
import vn.signer.server.auth.Client;
import vn.signer.server.page.Checked;
import vn.signer.server.profiles.SigningProfile;
import vn.signer.sign.SignOutcome;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;

/**
 * POST /v1/verify: the same report as {@code signer verify --json}, from the same code, with the file
 * named as the caller named it; or, with {@code format=pdf}, the report to keep as a PDF, as
 * {@code signer verify --report} writes it. A multipart form may carry, beside its {@code document},
 * parts named {@code detached}: a detached XML signature's content, as {@code signer verify --detached}
 * gives it. Query: {@code trust} (a trust profile), {@code offline}
 * (true/false), {@code format} (json, the default, or pdf).
 */
final class VerifyHandler {
    private final ServerContext server;

    VerifyHandler(ServerContext server) {
        this.server = server;
    }

    void handle(Context ctx) throws Exception {
        Query query = Query.parse(ctx.queryString());
        String format = query.get("format") == null ? "json" : query.get("format");
        if (!format.equals("json") && !format.equals("pdf")) {
            throw HttpError.badRequest("format.unknown", format);
        }
        String profile = query.get("trust") != null ? query.get("trust") : server.trust().defaultProfile();
        Checked checked = check(ctx, profile, query.flag("offline", false));
        Locale language = AnswerLanguage.of(ctx);
        ctx.header("Content-Language", AnswerLanguage.header(language));
        if (format.equals("pdf")) {
            ctx.contentType("application/pdf").result(pdf(ctx, checked, language));
        } else {
            ctx.contentType("application/json").result(Json.line(checked.report(), language));
        }
    }

    /**
     * Receives the request's document and verifies it with the trust profile {@code profile}, in a work
     * slot; the document is gone when this returns.
     *
     * @throws HttpError 400 for no or an unknown profile, and the refusals of {@link Upload#receive}
     */
    Checked check(Context ctx, String profile, boolean offline) throws Exception {
        if (profile == null) {
            throw HttpError.badRequest("trust.none");
        }
        DocumentVerifier verifier = server.trust().verifier(profile, offline);
        if (verifier == null) {
            throw HttpError.badRequest("trust.unknown", profile, server.trust().names());
        }
        try (Upload upload = Upload.receive(ctx, server.config().limits().maxRequestBytes(), server.tempDir(), true)) {
            upload.requireXmlWithin(server.config().limits().maxXmlBytes());
            VerificationReport report = Guard.work(server, ctx, () -> verify(verifier, upload));
            return new Checked(report, ReportDetails.of(upload.sha256(), profile, server.trust().settings(profile), upload.detached()));
        }
    }

    /**
     * The report to keep, in {@code language}; signed (and the signature audited as "report") when
     * verification.reportProfile names a profile, so that it can later be shown to be this server's.
     */
    byte[] pdf(Context ctx, Checked checked, Locale language) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(ReportSheet.of(checked.report(), checked.details(), Words.of(language)), out);
        String name = server.config().verification().reportProfile();
        if (name == null) {
            return out.toByteArray();
        }
        byte[] report = out.toByteArray();
        SigningProfile profile = server.profiles().get(name);
        ByteArrayOutputStream signed = new ByteArrayOutputStream(report.length + 32 * 1024);
        SignOutcome outcome = Guard.work(server, ctx, () -> profile.signer(SigningProfile.Overrides.NONE)
                .sign("report.pdf", report, signed));
        Client client = ctx.attribute(Guard.CLIENT_ATTRIBUTE);
        server.audit().append(new AuditEntry(Instant.now(), client.name(), "report", name,
                HexFormat.of().formatHex(Authenticator.sha256(signed.toByteArray())), "signed", outcome.level()));
        server.metrics().signature(name, "signed");
        return signed.toByteArray();
    }

    private static VerificationReport verify(DocumentVerifier verifier, Upload upload) {
        if (upload.inMemory()) {
            return verifier.verify(upload.name(), upload.content(), upload.detached());
        }
        VerificationReport fromFile = verifier.verify(upload.file(), upload.detached());
        return new VerificationReport(upload.name(), fromFile.format(), fromFile.verdict(),
                fromFile.signatures(), fromFile.validationTime());
    }
}
