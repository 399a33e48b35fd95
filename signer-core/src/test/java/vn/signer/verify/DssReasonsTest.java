package vn.signer.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.jaxb.object.Message;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.signer.report.Remark;
import vn.signer.report.Words;

/** Which of DSS's findings signer says in its own words, and that DSS still has them. */
class DssReasonsTest {

    /** The DSS keys mapped to signer's codes: a change to this list is a change to what reports say. */
    private static final Set<String> MAPPED = Set.of(
            "BBB_XCV_CCCBB_ANS", "BBB_XCV_CCCBB_SIG_ANS", "BBB_XCV_CCCBB_TSP_ANS", "BBB_XCV_CCCBB_REV_ANS",
            "BBB_XCV_ISCR_ANS", "BSV_ISCRAVTC_ANS", "BBB_XCV_ISCOH_ANS", "BBB_XCV_ISCUKN_ANS", "BBB_XCV_ICTIVRSC_ANS",
            "BSV_IVTAVRSC_ANS", "BBB_XCV_IRDPFC_ANS", "BBB_XCV_IARDPFC_ANS", "BBB_VTS_IRDPFC_ANS", "LTV_ISCKNR_ANS0",
            "LTV_ISCKNR_ANS1", "BBB_RFC_IRIF_ANS", "BBB_RFC_NUP_ANS", "BBB_XCV_ISCGKU_ANS", "BBB_XCV_ISCGKU_ANS_CERT",
            "BBB_XCV_ICSI_ANS", "BBB_CV_IRDOI_ANS", "BBB_CV_ISI_ANS", "BBB_CV_IRDOF_ANS", "BBB_ICS_ISCI_ANS",
            "BBB_ICS_ICDVV_ANS", "BBB_ICS_ICDVVS_ANS", "BBB_ICS_AIDNASNE_ANS", "BBB_ICS_ISASCP_ANS", "BBB_FC_IEFF_ANS",
            "BBB_SAV_ISSV_ANS", "BBB_SAV_ISQPMDOSPP_ANS", "BBB_SAV_ISQPSTP_ANS", "BBB_SAV_ITVS_ANS", "BBB_SAV_ICTVS_ANS",
            "BBB_SAV_DMICTSTMCMI_ANS", "ACCM_ANS", "ASCCM_CAA_ANS", "ASCCM_DAA_ANS", "ASCCM_APKSA_ANS",
            "ASCCM_APKSA_ANS_2", "ASCCM_AR_ANS_ANR", "ASCCM_AR_ANS_ANR_2", "ASCCM_AR_ANS_AKSNR", "ASCCM_AR_ANS_AKSNR_2",
            "TSV_ASTPTCT_ANS", "BBB_VCI_ISPA_ANS", "PSV_ITPOOBCT_ANS", "PSV_ITPOSVAOBCT_ANS", "BBB_FC_DSCNUOM_ANS",
            "BBB_FC_IVDBSFR_ANS", "BBB_FC_DSFREAP_ANS", "BBB_FC_ISVADMDPD_ANS", "BBB_FC_ISVAFMDPD_ANS",
            "BBB_FC_ISVASFLD_ANS", "BBB_FC_DSCNFFSM_ANS", "BBB_FC_DSCNACMDM_ANS", "BBB_FC_IAOD_ANS",
            "ASCCM_PKSK_ANS", "BBB_FC_ISRIA_ANS", "BBB_FC_ISD_ANS", "BBB_SAV_ISQPSTWSCVR_ANS",
            "BBB_XCV_AIA_PRES_ANS", "BBB_XCV_REVOC_PRES_ANS");

    @Test
    void theMappedKeysAreTheListedOnes() {
        assertEquals(new TreeSet<>(MAPPED), new TreeSet<>(DssReasons.CODES.keySet()));
    }

    @Test
    void everyMappedOrSummaryKeyIsOneDssStillHas() throws IOException {
        Properties dss = new Properties();
        try (InputStream in = Message.class.getClassLoader().getResourceAsStream("dss-messages.properties")) {
            dss.load(in);
        }
        Set<String> gone = new HashSet<>(DssReasons.CODES.keySet());
        gone.addAll(DssReasons.SUMMARIES);
        gone.removeAll(dss.stringPropertyNames());
        assertEquals(Set.of(), gone, "DSS no longer has these keys: the mapping must follow the upgrade");
    }

    @Test
    void everyCodeHasWordsInBothLanguages() {
        Set<String> codes = new HashSet<>(DssReasons.CODES.values());
        codes.add(DssReasons.UNMAPPED);
        for (String code : codes) {
            assertTrue(Words.ENGLISH.knows(code) && Words.VIETNAMESE.knows(code), code);
        }
    }

    @Test
    void aMappedKeyBecomesSignersCodeAndASummaryNothing() {
        assertEquals(Optional.of(Remark.of("NO_CERTIFICATE_CHAIN_FOUND")), DssReasons.of(message("BBB_XCV_CCCBB_ANS")));
        assertEquals(Optional.empty(), DssReasons.of(message("BSV_IXCVRC_ANS")));
    }

    @Test
    void anUnmappedKeyKeepsDssKeyNotItsEnglish() {
        Optional<Remark> remark = DssReasons.of(message("QUAL_HAS_CONF_ANS"));
        assertEquals(Optional.of(Remark.of(DssReasons.UNMAPPED, "QUAL_HAS_CONF_ANS")), remark);
        assertTrue(Words.VIETNAMESE.text(remark.orElseThrow()).startsWith("một bước kiểm tra"));
    }

    private static Message message(String key) {
        return new Message(key, "DSS's English for " + key);
    }
}
