package vn.signer.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.signer.ErrorCode;
import vn.signer.SignerException;
import vn.signer.testing.DemoPki;
import vn.signer.testing.SoftHsm;

/** The one key-source description the command line and the server open, with each kind of PIN source. */
@Tag("native")
class KeySourceSpecTest {
    private static final PinCallback NO_PERSON = request -> {
        throw new AssertionError("no person is asked when the PIN comes from a variable or a file");
    };

    @TempDir
    Path dir;

    @Test
    void aPkcs12FileOpensWithItsPasswordFromAVariableOrAFile() throws Exception {
        KeySourceSpec.Store store = new KeySourceSpec.Pkcs12(DemoPki.organisationP12());
        KeySourceSpec fromVariable = new KeySourceSpec(store, KeySelector.only(), new KeySourceSpec.Environment("P12_PASSWORD"));
        try (KeySource source = fromVariable.open(NO_PERSON, Map.of("P12_PASSWORD", DemoPki.PASSWORD))) {
            assertEquals(DemoPki.ORGANISATION_NAME, source.key(fromVariable.key()).info().certificate().commonName());
        }
        Path file = Files.writeString(dir.resolve("password.txt"), DemoPki.PASSWORD + "\n");
        KeySourceSpec fromFile = new KeySourceSpec(store, KeySelector.only(), new KeySourceSpec.File(file));
        try (KeySource source = fromFile.open(NO_PERSON, Map.of())) {
            assertEquals(1, source.keys().size());
        }
        KeySourceSpec prompted = new KeySourceSpec(store, KeySelector.only(), new KeySourceSpec.Prompt());
        try (KeySource source = prompted.open(request -> DemoPki.PASSWORD.toCharArray(), Map.of())) {
            assertEquals(1, source.keys().size());
        }
    }

    @Test
    void aMissingVariableIsNamedAndNothingIsOpened() {
        KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Pkcs12(DemoPki.organisationP12()), KeySelector.only(),
                new KeySourceSpec.Environment("NOT_SET_ANYWHERE"));
        SignerException e = assertThrows(SignerException.class, () -> spec.open(NO_PERSON, Map.of()));
        assertEquals(ErrorCode.PIN_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("NOT_SET_ANYWHERE"), e.getMessage());
    }

    @Test
    void aTokenIsGivenAsManySignaturesAtOnceAsTheSpecSays() {
        KeySourceSpec spec = new KeySourceSpec(new KeySourceSpec.Pkcs11(SoftHsm.token().module(),
                TokenSelector.label(SoftHsm.LABEL), 3), KeySelector.label("organisation"), new KeySourceSpec.Prompt());
        try (KeySource source = spec.open(request -> SoftHsm.PIN.toCharArray(), Map.of())) {
            assertEquals(3, ((Pkcs11KeySource) source).parallelSignatures());
            assertEquals(DemoPki.ORGANISATION_NAME, source.key(spec.key()).info().certificate().commonName());
        }
        SignerException none = assertThrows(SignerException.class, () -> new KeySourceSpec.Pkcs11(SoftHsm.token().module(),
                TokenSelector.any(), 0));
        assertEquals(ErrorCode.USAGE, none.code());
    }
}
