package vn.signer.server.routes;

import io.javalin.http.Context;
import java.util.Locale;
import vn.signer.report.Json;
import vn.signer.verify.DocumentVerifier;
import vn.signer.verify.VerificationReport;

/**
 * POST /v1/verify: the same report as {@code signer verify --json}, from the same code, with the file
 * named as the caller named it. Query: {@code trust} (a trust profile), {@code offline} (true/false).
 */
final class VerifyHandler {
    private final ServerContext server;

    VerifyHandler(ServerContext server) {
        this.server = server;
    }

    void handle(Context ctx) throws Exception {
        Query query = Query.parse(ctx.queryString());
        String profile = query.get("trust") != null ? query.get("trust") : server.trust().defaultProfile();
        if (profile == null) {
            throw HttpError.badRequest("trust.none");
        }
        boolean offline = query.flag("offline", false);
        DocumentVerifier verifier = server.trust().verifier(profile, offline);
        if (verifier == null) {
            throw HttpError.badRequest("trust.unknown", profile, server.trust().names());
        }
        try (Upload upload = Upload.receive(ctx, server.config().limits().maxRequestBytes(), server.tempDir())) {
            upload.requireXmlWithin(server.config().limits().maxXmlBytes());
            VerificationReport report = Guard.work(server, ctx, () -> verify(verifier, upload));
            Locale language = AnswerLanguage.of(ctx);
            ctx.header("Content-Language", AnswerLanguage.header(language));
            ctx.contentType("application/json").result(Json.line(report, language));
        }
    }

    private static VerificationReport verify(DocumentVerifier verifier, Upload upload) {
        if (upload.inMemory()) {
            return verifier.verify(upload.name(), upload.content());
        }
        VerificationReport fromFile = verifier.verify(upload.file());
        return new VerificationReport(upload.name(), fromFile.format(), fromFile.verdict(),
                fromFile.signatures(), fromFile.validationTime());
    }
}
