package vn.signer.verify;

import eu.europa.esig.dss.enumerations.SubIndication;

/** ETSI sub-indications said in plain words, with what to do where there is something to do. */
final class PlainReasons {
    private PlainReasons() {
    }

    static String explain(SubIndication sub) {
        return switch (sub) {
            case FORMAT_FAILURE -> "the signature is not correctly formed";
            case HASH_FAILURE -> "the signed content was changed after signing (its digest no longer matches)";
            case SIG_CRYPTO_FAILURE -> "the signature value does not match the signed content and the signer's key";
            case REVOKED -> "the signer's certificate is revoked";
            case EXPIRED -> "the signer's certificate had expired at the signing time";
            case NOT_YET_VALID -> "the signer's certificate was not yet valid at the signing time";
            case SIG_CONSTRAINTS_FAILURE -> "the signature does not meet the validation policy's requirements";
            case CHAIN_CONSTRAINTS_FAILURE -> "a certificate of the chain does not meet the validation policy's requirements";
            case CERTIFICATE_CHAIN_GENERAL_FAILURE -> "the certificate chain could not be checked";
            case CRYPTO_CONSTRAINTS_FAILURE -> "an algorithm or key size used is no longer considered secure";
            case CRYPTO_CONSTRAINTS_FAILURE_NO_POE ->
                    "an algorithm used has become insecure and nothing proves the signature existed before that";
            case POLICY_PROCESSING_ERROR -> "the signature policy could not be processed";
            case SIGNATURE_POLICY_NOT_AVAILABLE -> "the signature policy document is not available";
            case TIMESTAMP_ORDER_FAILURE -> "the timestamps are not in a consistent order";
            case NO_SIGNING_CERTIFICATE_FOUND -> "the signer's certificate could not be found or identified";
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE ->
                    "the certificate chain does not lead to a trusted root (give the root CA with --trust, and "
                            + "missing intermediate CAs with --trust or --intermediate)";
            case REVOKED_NO_POE -> "the signer's certificate is revoked and nothing proves the signature was made before";
            case REVOKED_CA_NO_POE -> "a CA certificate of the chain is revoked and nothing proves the signature was made before";
            case OUT_OF_BOUNDS_NOT_REVOKED, OUT_OF_BOUNDS_NO_POE ->
                    "the signer's certificate is outside its validity period and no timestamp proves the signature "
                            + "was made while it was valid";
            case REVOCATION_OUT_OF_BOUNDS_NO_POE -> "the revocation data is outside the certificate's validity period";
            case NO_POE -> "nothing proves when the signature was made (no usable timestamp)";
            case TRY_LATER -> "the revocation status of a certificate could not be established (no usable CRL or "
                    + "OCSP response; give CRLs with --crl, or allow network access)";
            case SIGNED_DATA_NOT_FOUND -> "the signed content could not be found (for a detached signature, give it "
                    + "with --detached)";
        };
    }
}
