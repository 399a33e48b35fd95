package vn.signer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.signer.report.Json;
import vn.signer.testing.Tools;

/**
 * Runs the 'signer' command in this JVM exactly as main does (same factory, same handlers), with
 * captured output, a given environment and no terminal, and says what it printed and returned.
 */
final class Cli {
    static final Path DEMO_PKI = Tools.sample("demo-pki");
    static final Path OFFICER_P12 = DEMO_PKI.resolve("officer.p12");
    static final Path ORGANISATION_P12 = DEMO_PKI.resolve("organisation.p12");
    static final Path DEMO_PASSWORD = DEMO_PKI.resolve("demo-password.txt");
    static final Path ROOT_PEM = DEMO_PKI.resolve("root-ca.pem");
    static final Path ROOT_CRL = DEMO_PKI.resolve("root.crl");
    static final Path ISSUING_CRL = DEMO_PKI.resolve("issuing-ca.crl");
    static final Path SAMPLE_PDF = Tools.sample("documents/cong-van-mau.pdf");
    static final Path SAMPLE_XML = Tools.sample("documents/thong-tin-ho-so.xml");
    static final Path TOKEN_PIN = Tools.sample("softhsm/demo-pin.txt");

    private Cli() {
    }

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }

        /** Each line of standard output parsed as JSON. */
        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : outLines()) {
                try {
                    nodes.add(Json.mapper().readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line + "\n" + this, e);
                }
            }
            return nodes;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    static Run run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CommandLineFactory.create(new Terminal(new PrintWriter(out, true), new PrintWriter(err, true),
                environment, null)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The arguments of a PKCS#12 key source with the demo password from its file. */
    static List<String> demoP12() {
        return List.of("--pkcs12", OFFICER_P12.toString(), "--pin-file", DEMO_PASSWORD.toString());
    }

    /** The options of 'signer verify' that make a demo-PKI signature VALID offline. */
    static List<String> demoTrust() {
        return List.of("--trust", ROOT_PEM.toString(), "--crl", ROOT_CRL.toString(), "--crl", ISSUING_CRL.toString(),
                "--offline");
    }

    static String[] args(Object... parts) {
        List<String> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(p -> all.add(p.toString()));
            } else {
                all.add(part.toString());
            }
        }
        return all.toArray(new String[0]);
    }

    /** A copy of a sample in {@code folder}, so that outputs beside it land in the test's folder. */
    static Path copy(Path sample, Path folder) {
        try {
            return Files.copy(sample, folder.resolve(sample.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String demoPassword() {
        try {
            return Files.readAllLines(DEMO_PASSWORD).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
