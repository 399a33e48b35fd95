package vn.signer.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import vn.signer.net.NetworkPolicy;

/**
 * Real PKI services on 127.0.0.1 for a {@link TestPki}: CRLs (/crl/root.crl, /crl/issuing-ca.crl), CA
 * certificates (/certs/root.cer, /certs/issuing-ca.cer), an OCSP responder (/ocsp, RFC 6960, nonce
 * echoed) and an RFC 3161 timestamp authority (/tsa). /tsa-down answers 503, like an overloaded
 * government TSA. Everything revocation says follows {@link TestPki#revoke}, live. Counts requests
 * per path so tests can check what was (not) fetched.
 */
public final class PkiServices implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final TestPki pki;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private volatile URI ocspDelegate;

    private PkiServices(HttpServer server, TestPki pki) {
        this.server = server;
        this.pki = pki;
    }

    /** Starts the services and a new PKI whose certificates point at them. */
    public static PkiServices start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            PkiServices services = new PkiServices(server, TestPki.create(name, url));
            server.createContext("/", services::handle);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return services;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The network policy that lets a verification reach these services: they listen on 127.0.0.1. */
    public static final NetworkPolicy LOOPBACK = NetworkPolicy.PUBLIC_ONLY.withPrivateAddresses(true);

    public TestPki pki() {
        return pki;
    }

    /** The base URL, e.g. http://127.0.0.1:41234. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tsaUrl() {
        return url() + "/tsa";
    }

    /** A TSA URL that answers 503 Service Unavailable. */
    public String failingTsaUrl() {
        return url() + "/tsa-down";
    }

    /**
     * Forwards OCSP requests to another responder (e.g. OpenSSL's) instead of answering them here, so
     * that signer's OCSP handling is checked against an implementation it did not write.
     */
    public void delegateOcspTo(URI responder) {
        ocspDelegate = responder;
    }

    /** How many requests reached {@code path}. */
    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** How many requests reached any path. */
    public int hits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (path) {
                case "/crl/root.crl" -> reply(exchange, 200, "application/pkix-crl", pki.rootCrl().getEncoded());
                case "/crl/issuing-ca.crl" -> reply(exchange, 200, "application/pkix-crl", pki.issuingCaCrl().getEncoded());
                case "/certs/root.cer" -> reply(exchange, 200, "application/pkix-cert", pki.root().getEncoded());
                case "/certs/issuing-ca.cer" -> reply(exchange, 200, "application/pkix-cert", pki.issuingCa().getEncoded());
                case "/ocsp" -> reply(exchange, 200, "application/ocsp-response",
                        ocspDelegate == null ? ocsp(body) : forward(ocspDelegate, body));
                case "/tsa" -> reply(exchange, 200, "application/timestamp-reply", timestamp(body));
                case "/tsa-down" -> reply(exchange, 503, "text/plain", "overloaded".getBytes());
                default -> reply(exchange, 404, "text/plain", "no such path".getBytes());
            }
        } catch (Exception e) {
            // A broken fixture must show up in the test, not as a silent 500.
            e.printStackTrace();
            reply(exchange, 500, "text/plain", String.valueOf(e).getBytes());
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private byte[] ocsp(byte[] body) throws Exception {
        OCSPReq request = new OCSPReq(body);
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuingCa = new JcaX509CertificateHolder(pki.issuingCa());
        Req first = request.getRequestList()[0];
        // Answer as the CA that issued the certificate asked about.
        TestPki.Entity responder = first.getCertID().matchesIssuer(issuingCa, digests) ? pki.issuingCaEntity() : pki.rootEntity();
        X509Certificate responderCert = responder.certificate();
        BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(responderCert.getPublicKey(),
                digests.get(RespID.HASH_SHA1));
        Instant now = Instant.now();
        for (Req req : request.getRequestList()) {
            CertificateID id = req.getCertID();
            Instant revokedAt = pki.revocationTime(id.getSerialNumber());
            CertificateStatus status = revokedAt == null ? CertificateStatus.GOOD
                    : new RevokedStatus(Date.from(revokedAt), CRLReason.keyCompromise);
            builder.addResponse(id, status, Date.from(now.minusSeconds(1)), Date.from(now.plus(Duration.ofDays(1))), null);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (nonce != null) {
            builder.setResponseExtensions(new Extensions(nonce));
        }
        BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(responder.key()),
                new X509CertificateHolder[] {new JcaX509CertificateHolder(responderCert)}, Date.from(now));
        OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
        return response.getEncoded();
    }

    private static byte[] forward(URI responder, byte[] request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(responder)
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.body();
    }

    private byte[] timestamp(byte[] body) throws Exception {
        TimeStampRequest request = new TimeStampRequest(body);
        TestPki.Entity tsa = pki.tsa();
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsa.key(), tsa.certificate()),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.2.3.4.1"));
        generator.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
        return responses.generate(request, new BigInteger(64, RANDOM), new Date()).getEncoded();
    }
}
