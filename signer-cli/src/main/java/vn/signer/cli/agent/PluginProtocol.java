package vn.signer.cli.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import vn.signer.SignerException;
import vn.signer.report.Json;

/**
 * The Government CA plugin's whole-document protocol, as e-office pages written for vgcaplugin.js
 * speak it: one WebSocket per operation, one JSON text from the page, one answer
 * {@code {Status, Message, FileName, FileServer}} (0 done, 1 failed, 11 cancelled by the person). A
 * signing operation downloads the PDF from the page's own server ({@code FileName}), has the person
 * confirm it and give the PIN, signs it with the operation's Decree 30 appearance, uploads it
 * ({@code FileUploadHandler}, multipart field {@code uploadfile}) and relays the upload handler's answer.
 * Both addresses are checked against the page's origin before anything is fetched.
 */
final class PluginProtocol implements AutoCloseable {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int CANCELLED = 11;
    /** How long a download or an upload may take, the whole exchange. */
    static final Duration TRANSFER_TIME = Duration.ofMinutes(2);

    private final SigningAgent agent;
    private final DocumentSetup documents;
    private final Locale locale;
    private final String version;
    private final OriginTransfer transfer = new OriginTransfer(TRANSFER_TIME);
    private final ThreadPoolExecutor threads;

    /** @param parallel operations answered at once (downloads included); more are answered busy */
    PluginProtocol(SigningAgent agent, DocumentSetup documents, int parallel, Locale locale, String version) {
        this.agent = agent;
        this.documents = documents;
        this.locale = locale;
        this.version = version;
        this.threads = new ThreadPoolExecutor(parallel, parallel, 0, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread thread = new Thread(r, "signer-agent-plugin");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Answers {@code message} on a thread of its own (not the WebSocket's), giving the answer's JSON to {@code answered}. */
    void answer(PluginOperation operation, String origin, String message, Consumer<String> answered) {
        try {
            threads.execute(() -> answered.accept(json(answerNow(operation, origin, message))));
        } catch (RejectedExecutionException e) {
            answered.accept(json(failed(AgentError.of(503, "BUSY", "agent.error.busy"))));
        }
    }

    /** The answer to one message; never throws: every failure is an answer the page can show. */
    Map<String, Object> answerNow(PluginOperation operation, String origin, String message) {
        try {
            PluginRequest request = PluginRequest.read(message);
            return switch (operation) {
                case GetVersion -> answer(DONE, "signer " + version, "", "");
                case GetCertInfo -> answer(DONE, Json.mapper().writeValueAsString(agent.documentCertificate(origin)), "", "");
                default -> sign(operation, origin, request);
            };
        } catch (AgentError e) {
            return failed(e);
        } catch (SignerException e) {
            return failed(AgentError.of(e));
        } catch (IOException | RuntimeException e) {
            return failed(AgentError.of(500, "AGENT_FAILED", "agent.error.other", String.valueOf(e.getMessage())));
        }
    }

    private Map<String, Object> sign(PluginOperation operation, String origin, PluginRequest request) {
        // Everything the page must give is checked before anything is fetched or the person asked.
        require(request.fileName(), "FileName");
        require(request.uploadTo(), "FileUploadHandler");
        if (operation == PluginOperation.SignIssued || operation == PluginOperation.SignAppendix) {
            require(request.docNumber(), "DocNumber");
        }
        if (operation == PluginOperation.SignIssued) {
            require(request.issuedDate(), "IssuedDate");
        }
        URI from = OriginTransfer.ofOrigin(origin, "FileName", request.fileName());
        URI to = OriginTransfer.ofOrigin(origin, "FileUploadHandler", request.uploadTo());
        byte[] pdf = transfer.download(from, request);
        String name = name(from);
        byte[] signed = agent.signDocument(origin, new WholeDocument(name, pdf, operation, request), documents);
        return relay(transfer.upload(to, request, name, signed), to);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw AgentError.of(400, "BAD_REQUEST", "agent.plugin.needs", field);
        }
    }

    /** The upload handler's {@code {Status: true, Message, FileName, FileServer}}, as the page's answer. */
    private Map<String, Object> relay(byte[] answer, URI to) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(answer);
        } catch (IOException e) {
            json = null;
        }
        String where = to.getScheme() + "://" + to.getRawAuthority() + to.getRawPath();
        if (json == null || !json.isObject()) {
            throw AgentError.of(502, "TRANSFER_FAILED", "agent.plugin.uploadAnswer", where);
        }
        JsonNode status = json.path("Status");
        boolean done = status.isBoolean() ? status.asBoolean() : status.isNumber() && status.asInt() == 0;
        String message = json.path("Message").asText("");
        if (!done) {
            throw AgentError.of(502, "TRANSFER_FAILED", "agent.plugin.uploadRefused", where, message);
        }
        return answer(DONE, message, json.path("FileName").asText(""), json.path("FileServer").asText(""));
    }

    /** The document's name: the last segment of its address, decoded. */
    private static String name(URI from) {
        String path = from.getRawPath() == null ? "" : from.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String decoded = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.isBlank() ? "document.pdf" : decoded;
    }

    private Map<String, Object> failed(AgentError e) {
        return answer(e.code().equals("CANCELLED") ? CANCELLED : FAILED, AgentTexts.said(e.problem(), locale), "", "");
    }

    private static Map<String, Object> answer(int status, String message, String fileName, String fileServer) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Status", status);
        answer.put("Message", message);
        answer.put("FileName", fileName);
        answer.put("FileServer", fileServer);
        return answer;
    }

    private static String json(Map<String, Object> answer) {
        try {
            return Json.mapper().writeValueAsString(answer);
        } catch (IOException e) {
            throw new IllegalStateException("the agent's own answer cannot be written as JSON", e);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
