package vn.signer.verify;

import eu.europa.esig.dss.jaxb.object.Message;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.signer.report.Printable;
import vn.signer.report.Remark;

/**
 * DSS's own findings (the message keys of its validation building blocks) as signer's codes, so that a
 * report speaks one language: DSS's English never appears beside signer's words. A key that means what
 * an ETSI sub-indication already says is mapped to that code (the report lists it once); the "result of
 * a building block is not conclusive" keys (and the archival process's "no long-term material", which a
 * B-level signature never has) say only that a more precise finding exists and add nothing.
 * A key not mapped here keeps its DSS key as the parameter of a generic code, so nothing is lost.
 */
final class DssReasons {
    /** The longest part of DSS's own text a reason quotes: enough to name the failure, never the document. */
    static final int DETAIL_LIMIT = 300;

    /** The code for a DSS key not mapped; its parameter is DSS's key. */
    static final String UNMAPPED = "dss.other";

    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("BBB_XCV_CCCBB_ANS", "NO_CERTIFICATE_CHAIN_FOUND"),
            Map.entry("BBB_XCV_CCCBB_SIG_ANS", "NO_CERTIFICATE_CHAIN_FOUND"),
            Map.entry("BBB_XCV_CCCBB_TSP_ANS", "dss.timestampChainUntrusted"),
            Map.entry("BBB_XCV_CCCBB_REV_ANS", "dss.revocationChainUntrusted"),
            Map.entry("BBB_XCV_ISCR_ANS", "REVOKED"),
            Map.entry("BSV_ISCRAVTC_ANS", "REVOKED"),
            Map.entry("BBB_XCV_ISCOH_ANS", "dss.onHold"),
            Map.entry("BBB_XCV_ISCUKN_ANS", "dss.revocationUnknown"),
            Map.entry("BBB_XCV_ICTIVRSC_ANS", "OUT_OF_BOUNDS_NO_POE"),
            Map.entry("BSV_IVTAVRSC_ANS", "OUT_OF_BOUNDS_NO_POE"),
            Map.entry("BBB_XCV_IRDPFC_ANS", "TRY_LATER"),
            Map.entry("BBB_XCV_IARDPFC_ANS", "TRY_LATER"),
            Map.entry("BBB_VTS_IRDPFC_ANS", "TRY_LATER"),
            Map.entry("LTV_ISCKNR_ANS0", "TRY_LATER"),
            Map.entry("LTV_ISCKNR_ANS1", "TRY_LATER"),
            Map.entry("BBB_RFC_IRIF_ANS", "dss.revocationNotFresh"),
            Map.entry("BBB_RFC_NUP_ANS", "dss.revocationNotFresh"),
            Map.entry("BBB_XCV_ISCGKU_ANS", "dss.keyUsage"),
            Map.entry("BBB_XCV_ISCGKU_ANS_CERT", "dss.keyUsage"),
            Map.entry("BBB_XCV_ICSI_ANS", "dss.certificateSignature"),
            Map.entry("BBB_CV_IRDOI_ANS", "HASH_FAILURE"),
            Map.entry("BBB_CV_ISI_ANS", "SIG_CRYPTO_FAILURE"),
            Map.entry("BBB_CV_IRDOF_ANS", "SIGNED_DATA_NOT_FOUND"),
            Map.entry("BBB_ICS_ISCI_ANS", "NO_SIGNING_CERTIFICATE_FOUND"),
            Map.entry("BBB_ICS_ICDVV_ANS", "dss.signingCertificateMismatch"),
            Map.entry("BBB_ICS_ICDVVS_ANS", "dss.signingCertificateMismatch"),
            Map.entry("BBB_ICS_AIDNASNE_ANS", "dss.signingCertificateMismatch"),
            Map.entry("BBB_ICS_ISASCP_ANS", "dss.signingCertificateAbsent"),
            Map.entry("BBB_FC_IEFF_ANS", "dss.unexpectedFormat"),
            Map.entry("BBB_SAV_ISSV_ANS", "FORMAT_FAILURE"),
            Map.entry("BBB_SAV_ISQPMDOSPP_ANS", "dss.noSignedProperties"),
            Map.entry("BBB_XCV_AIA_PRES_ANS", "dss.noIssuerAccess"),
            Map.entry("BBB_XCV_REVOC_PRES_ANS", "dss.noRevocationAccess"),
            Map.entry("BBB_SAV_ISQPSTP_ANS", "dss.noSigningTime"),
            Map.entry("BBB_SAV_ITVS_ANS", "dss.timestampInvalid"),
            Map.entry("BBB_SAV_ICTVS_ANS", "dss.timestampInvalid"),
            Map.entry("BBB_SAV_DMICTSTMCMI_ANS", "dss.timestampInvalid"),
            Map.entry("ACCM_ANS", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_CAA_ANS", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_DAA_ANS", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_APKSA_ANS", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_APKSA_ANS_2", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_AR_ANS_ANR", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_AR_ANS_ANR_2", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_AR_ANS_AKSNR", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("ASCCM_AR_ANS_AKSNR_2", "CRYPTO_CONSTRAINTS_FAILURE"),
            Map.entry("TSV_ASTPTCT_ANS", "TIMESTAMP_ORDER_FAILURE"),
            Map.entry("BBB_VCI_ISPA_ANS", "SIGNATURE_POLICY_NOT_AVAILABLE"),
            Map.entry("PSV_ITPOOBCT_ANS", "NO_POE"),
            Map.entry("PSV_ITPOSVAOBCT_ANS", "NO_POE"),
            Map.entry("BBB_FC_DSCNUOM_ANS", "dss.changed"),
            Map.entry("BBB_FC_IVDBSFR_ANS", "dss.changed"),
            Map.entry("BBB_FC_DSFREAP_ANS", "dss.changed"),
            Map.entry("BBB_FC_ISVADMDPD_ANS", "dss.changesRestricted"),
            Map.entry("BBB_FC_ISVAFMDPD_ANS", "dss.changesRestricted"),
            Map.entry("BBB_FC_ISVASFLD_ANS", "dss.changesRestricted"),
            Map.entry("BBB_FC_DSCNFFSM_ANS", "dss.changesRestricted"),
            Map.entry("BBB_FC_DSCNACMDM_ANS", "dss.changesRestricted"),
            Map.entry("BBB_FC_IAOD_ANS", "dss.annotationsOverlap"),
            Map.entry("ASCCM_PKSK_ANS", "dss.keySizeUnknown"),
            Map.entry("BBB_FC_ISRIA_ANS", "dss.duplicateReferences"),
            Map.entry("BBB_FC_ISD_ANS", "dss.duplicateSignature"),
            Map.entry("BBB_SAV_ISQPSTWSCVR_ANS", "dss.signingTimeOutsideCertificate"));

    /** "The result of ... is not conclusive": a summary of a finding reported on its own. */
    static final Set<String> SUMMARIES = Set.of("BBB_XCV_SUB_ANS", "BBB_XCV_SUB_ANS_2", "BBB_XCV_RFC_ANS", "BBB_XCV_RAC_ANS",
            "BSV_IFCRC_ANS", "BSV_IISCRC_ANS", "BSV_IVCIRC_ANS", "BSV_IXCVRC_ANS", "BSV_ICVRC_ANS", "BSV_ISAVRC_ANS",
            "ADEST_ROBVPIIC_ANS", "ADEST_ROTVPIIC_ANS", "ADEST_RORPIIC_ANS", "ADEST_IBSVPTADC_ANS", "LTV_ABSV_ANS",
            "ARCH_LTVV_ANS", "ARCH_IRTVBBA_ANS", "ARCH_LTAIVMP_ANS", "PCV_IVTSC_ANS", "PSV_IPCVA_ANS", "PSV_IPCVC_ANS", "PSV_IPSVC_ANS",
            "PSV_IPTVC_ANS");

    private DssReasons() {
    }

    /** {@code message} as signer's remark; empty for a summary of findings reported on their own. */
    static Optional<Remark> of(Message message) {
        String key = message.getKey();
        if (key != null && SUMMARIES.contains(key)) {
            return Optional.empty();
        }
        String code = key == null ? null : CODES.get(key);
        return Optional.of(code != null ? Remark.of(code) : Remark.of(UNMAPPED, String.valueOf(key)));
    }

    /**
     * DSS's English text for a failure it met, as the detail a reason quotes inside signer's own sentence
     * (the reason's code says what happened): NFC, every control escaped, cut at {@link #DETAIL_LIMIT}
     * characters, since a crafted document can put its own text into DSS's message.
     */
    static String detail(Throwable failure) {
        String text = failure.getMessage() == null || failure.getMessage().isBlank() ? failure.getClass().getSimpleName()
                : failure.getMessage();
        String shown = Printable.text(text.strip());
        return shown.length() <= DETAIL_LIMIT ? shown : shown.substring(0, DETAIL_LIMIT) + "…";
    }
}
