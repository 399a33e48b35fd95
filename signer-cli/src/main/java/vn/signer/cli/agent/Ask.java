package vn.signer.cli.agent;

import java.util.List;

/**
 * What the person is asked to approve: a signature, as the site states it and as the agent sees it.
 *
 * @param origin      the origin the agent saw the request come from (not what the page claims)
 * @param document    the document as the site states it
 * @param certificate who signs: the certificate's holder and issuer
 * @param hashHex     the digest to be signed, hex
 */
public record Ask(String origin, StatedDocument document, String certificate, String hashHex) {

    /**
     * What the page says it is signing; the agent cannot check it and shows it as the site's statement.
     *
     * @param name   the file name
     * @param number the document number and symbol
     * @param mode   the Decree 30 mode (personal, organisation, ...)
     * @param sha256 the document's SHA-256 as the site states it
     */
    public record StatedDocument(String name, String number, String mode, String sha256) {
        List<String> fields() {
            return java.util.Arrays.asList(name, number, mode, sha256);
        }
    }
}
