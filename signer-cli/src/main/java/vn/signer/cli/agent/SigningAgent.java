package vn.signer.cli.agent;

import java.io.ByteArrayOutputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.certs.CertificateSummary;
import vn.signer.document.DocumentFormat;
import vn.signer.keys.KeyInfo;
import vn.signer.keys.KeySelector;
import vn.signer.keys.KeySource;
import vn.signer.keys.PinCallback;
import vn.signer.keys.SigningKey;
import vn.signer.report.Printable;
import vn.signer.report.Words;
import vn.signer.sign.DocumentToSign;
import vn.signer.sign.PreparedSignature;
import vn.signer.sign.SignatureOptions;
import vn.signer.sign.SignedDocument;
import vn.signer.sign.Signing;

/**
 * What the agent does, one request at a time on one worker thread (a USB token does one thing at a
 * time, and the person answers one question at a time): list the certificates, sign prepared data,
 * and sign whole documents for the plugin protocol, each signature only after the person confirmed it. Requests wait in a bounded queue; beyond
 * it they are answered BUSY.
 */
final class SigningAgent implements AutoCloseable {
    private final TokenLogin login;
    private final KeySelector allowedKeys;
    private final Person person;
    private final Duration answerLimit;
    private final Locale locale;
    private final ThreadPoolExecutor worker;

    /**
     * @param allowedKeys which keys of the store the agent offers (all, unless the officer chose one)
     * @param answerLimit how long the person has to answer a question
     * @param queue       how many requests may wait behind the one being answered
     */
    SigningAgent(TokenLogin login, KeySelector allowedKeys, Person person, Duration answerLimit, int queue, Locale locale) {
        this.login = login;
        this.allowedKeys = allowedKeys;
        this.person = person;
        this.answerLimit = answerLimit;
        this.locale = locale;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread thread = new Thread(r, "signer-agent-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The certificates of the keys offered, each with its chain in PEM (what split signing's prepare takes). */
    List<Map<String, Object>> certificates(String origin) {
        return run(() -> {
            KeySource source = login.source(pin(origin));
            List<Map<String, Object>> certificates = new ArrayList<>();
            for (KeyInfo info : source.keys()) {
                if (allowedKeys.matches(info)) {
                    certificates.add(describe(source.key(KeySelector.certificateSha256(info.certificate().sha256()))));
                }
            }
            return certificates;
        });
    }

    /** The signature value of {@code request}'s data, once the person confirmed it (else CANCELLED). */
    byte[] sign(String origin, SignRequest request) {
        return run(() -> {
            String certificate = login.needsPin() ? AgentTexts.text(locale, "agent.ask.certificateId", request.certificate())
                    : holder(offered(login.source(pin(origin)), request).certificate());
            Ask ask = new Ask(origin, request.document(), certificate, request.hashHex());
            if (!person.confirms(ask, answerLimit)) {
                person.told(AgentTexts.text(locale, "agent.told.refused", origin));
                throw AgentError.cancelled();
            }
            SigningKey key = offered(login.source(pin(origin)), request);
            if (request.rsa() != "RSA".equals(key.keyAlgorithm())) {
                throw AgentError.of(400, "BAD_REQUEST", "agent.error.algorithm", request.signatureAlgorithm(), key.keyAlgorithm());
            }
            byte[] value = key.signPrepared(request.dataToSign(), request.digest());
            person.told(AgentTexts.text(locale, "agent.told.signed", origin, Printable.text(ask.document().name())));
            return value;
        });
    }

    /**
     * The signed document, once the person confirmed it (else CANCELLED): the agent's one key (the one
     * the officer chose, or the store's only one), the operation's appearance, {@code setup}'s level.
     */
    byte[] signDocument(String origin, WholeDocument document, DocumentSetup setup) {
        return run(() -> {
            // Checked before the person is asked: a complete PDF (core's check), nothing else.
            DocumentToSign toSign = DocumentToSign.inMemory(document.name(), document.content());
            if (toSign.format() != DocumentFormat.PDF) {
                throw AgentError.of(400, "BAD_REQUEST", "agent.plugin.notPdf", document.name());
            }
            String certificate = login.needsPin() ? AgentTexts.text(locale, "agent.ask.keyChosen",
                    Printable.text(Words.of(locale).text(allowedKeys.describe())))
                    : holder(login.source(pin(origin)).key(allowedKeys).certificate());
            Ask.StatedDocument stated = new Ask.StatedDocument(document.name(), document.request().docNumber(),
                    AgentTexts.text(locale, "agent.plugin.mode." + document.operation().name()), null);
            Ask ask = new Ask(origin, stated, certificate, null, document.sha256Hex());
            if (!person.confirms(ask, answerLimit)) {
                person.told(AgentTexts.text(locale, "agent.told.refused", origin));
                throw AgentError.cancelled();
            }
            SigningKey key = login.source(pin(origin)).key(allowedKeys);
            SignatureOptions options = SignatureOptions.builder().level(setup.level())
                    .appearance(document.appearance(setup.profile(), key.certificate())).build();
            try (PreparedSignature prepared = Signing.create(setup.services()).prepare(toSign, key.chain(), options);
                 SignedDocument signed = prepared.complete(key).augment()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(document.content().length + 64 * 1024);
                signed.writeTo(out);
                person.told(AgentTexts.text(locale, "agent.told.signed", origin, Printable.text(document.name())));
                return out.toByteArray();
            }
        });
    }

    /** The certificate whole documents are signed with, described as for /v1/certificates. */
    Map<String, Object> documentCertificate(String origin) {
        return run(() -> describe(login.source(pin(origin)).key(allowedKeys)));
    }

    /** Logs out once the login's time is over, unless the worker is busy (the next request then does). */
    void logoutIfOver() {
        try {
            worker.execute(login::logoutIfOver);
        } catch (RejectedExecutionException e) {
            // The queue is full: each request ends with the same check, so the token logs out after them.
            return;
        }
    }

    /** The key of the request's certificate, if the agent offers it. */
    private SigningKey offered(KeySource source, SignRequest request) {
        SigningKey key = source.key(KeySelector.certificateSha256(request.certificate()));
        if (!allowedKeys.matches(key.info())) {
            throw AgentError.of(404, "CERTIFICATE_UNKNOWN", "agent.error.notOffered", request.certificate());
        }
        return key;
    }

    private PinCallback pin(String origin) {
        return request -> {
            char[] pin = person.pin(request, origin, answerLimit);
            if (pin == null) {
                throw new SignerException(ErrorCode.PIN_UNAVAILABLE, Problem.in(AgentSetup.BUNDLE, "agent.error.noPin"));
            }
            return pin;
        };
    }

    /** Runs {@code task} on the worker, after the requests before it; every task ends with the login's check. */
    private <T> T run(Callable<T> task) {
        Future<T> result;
        try {
            result = worker.submit(() -> {
                try {
                    return task.call();
                } finally {
                    login.logoutIfOver();
                }
            });
        } catch (RejectedExecutionException e) {
            throw AgentError.of(503, "BUSY", "agent.error.busy");
        }
        // Each request in the queue may take two answers of the person, and the token's work.
        long bound = (worker.getQueue().size() + 1L) * (2 * answerLimit.toSeconds() + 60);
        try {
            return result.get(bound, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AgentError error) {
                throw error;
            }
            if (cause instanceof SignerException signer) {
                throw AgentError.of(signer);
            }
            throw new IllegalStateException("the agent's worker failed", cause);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw AgentError.cancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AgentError.cancelled();
        }
    }

    private static String holder(X509Certificate certificate) {
        CertificateSummary summary = CertificateSummary.of(certificate);
        return summary.subject() + " — " + summary.issuer();
    }

    private static Map<String, Object> describe(SigningKey key) {
        CertificateSummary summary = CertificateSummary.of(key.certificate());
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("id", summary.sha256());
        described.put("subject", summary.subject());
        described.put("issuer", summary.issuer());
        described.put("serial", summary.serialNumber());
        described.put("notBefore", summary.notBefore().toString());
        described.put("notAfter", summary.notAfter().toString());
        List<String> chain = new ArrayList<>();
        for (X509Certificate certificate : key.chain()) {
            try {
                chain.add(AgentCertificate.pem("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a certificate read from the key store cannot be encoded again", e);
            }
        }
        described.put("chain", chain);
        return described;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        login.close();
    }
}
