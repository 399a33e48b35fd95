package vn.signer.verify;

import eu.europa.esig.dss.enumerations.SubIndication;
import vn.signer.report.Remark;

/**
 * ETSI sub-indications as signer's codes, which say them in plain words with what to do where there is
 * something to do (the Reasons bundle, English and Vietnamese).
 */
final class PlainReasons {
    private PlainReasons() {
    }

    static Remark of(SubIndication sub) {
        return Remark.of(code(sub));
    }

    /** The code; sub-indications that mean the same to a reader share one. */
    private static String code(SubIndication sub) {
        return switch (sub) {
            case NO_CERTIFICATE_CHAIN_FOUND, NO_CERTIFICATE_CHAIN_FOUND_NO_POE -> "NO_CERTIFICATE_CHAIN_FOUND";
            case OUT_OF_BOUNDS_NOT_REVOKED, OUT_OF_BOUNDS_NO_POE -> "OUT_OF_BOUNDS_NO_POE";
            case FORMAT_FAILURE, HASH_FAILURE, SIG_CRYPTO_FAILURE, REVOKED, EXPIRED, NOT_YET_VALID, SIG_CONSTRAINTS_FAILURE,
                    CHAIN_CONSTRAINTS_FAILURE, CERTIFICATE_CHAIN_GENERAL_FAILURE, CRYPTO_CONSTRAINTS_FAILURE,
                    CRYPTO_CONSTRAINTS_FAILURE_NO_POE, POLICY_PROCESSING_ERROR, SIGNATURE_POLICY_NOT_AVAILABLE,
                    TIMESTAMP_ORDER_FAILURE, NO_SIGNING_CERTIFICATE_FOUND, REVOKED_NO_POE, REVOKED_CA_NO_POE,
                    REVOCATION_OUT_OF_BOUNDS_NO_POE, NO_POE, TRY_LATER, SIGNED_DATA_NOT_FOUND -> sub.name();
        };
    }
}
