package vn.signer.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import sun.security.pkcs11.wrapper.CK_ATTRIBUTE;
import sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS;
import sun.security.pkcs11.wrapper.CK_TOKEN_INFO;
import sun.security.pkcs11.wrapper.PKCS11;
import sun.security.pkcs11.wrapper.PKCS11Exception;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;

/**
 * The few PKCS#11 calls SunPKCS11 does not offer: listing tokens with their labels and serials, and
 * reading certificate objects with their CKA_ID. Uses the JDK's own wrapper (the same module instance
 * SunPKCS11 uses later), so no native code of ours is involved. Needs
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}.
 */
final class Pkcs11Module {
    private static final long CKF_OS_LOCKING_OK = 0x2L;
    private static final long CKF_SERIAL_SESSION = 0x4L;
    private static final long CKF_TOKEN_INITIALIZED = 0x400L;
    private static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;
    private static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
    private static final long CKF_USER_PIN_LOCKED = 0x40000L;
    private static final long CKA_CLASS = 0x0L;
    private static final long CKA_LABEL = 0x3L;
    private static final long CKA_VALUE = 0x11L;
    private static final long CKA_ID = 0x102L;
    private static final long CKO_CERTIFICATE = 0x1L;

    /** A certificate object on a token. */
    record CertificateObject(String id, String label, byte[] der) {
    }

    private final Path library;
    private final PKCS11 p11;

    private Pkcs11Module(Path library, PKCS11 p11) {
        this.library = library;
        this.p11 = p11;
    }

    /** The library path exactly as given to SunPKCS11, which shares the loaded module by this string. */
    String libraryPath() {
        return library.toString();
    }

    static Pkcs11Module load(Path library) {
        Path absolute = library.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new SignerException(ErrorCode.INPUT_MISSING, Problem.of("pkcs11.missing", absolute.toString()));
        }
        try {
            CK_C_INITIALIZE_ARGS args = new CK_C_INITIALIZE_ARGS();
            // Let the module use OS locking so that signing threads can share it (as SunPKCS11 asks too).
            args.flags = CKF_OS_LOCKING_OK;
            return new Pkcs11Module(absolute, PKCS11.getInstance(absolute.toString(), "C_GetFunctionList", args, false));
        } catch (IOException | PKCS11Exception | UnsatisfiedLinkError e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("pkcs11.cannotLoad", absolute.toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** Tokens present, in slot order. */
    List<TokenInfo> tokens() {
        try {
            long[] slots = p11.C_GetSlotList(true);
            List<TokenInfo> tokens = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                CK_TOKEN_INFO info = p11.C_GetTokenInfo(slots[i]);
                tokens.add(new TokenInfo(i, slots[i], text(info.label), text(info.serialNumber),
                        text(info.manufacturerID), text(info.model),
                        (info.flags & CKF_TOKEN_INITIALIZED) != 0, statusFromFlags(info.flags)));
            }
            return tokens;
        } catch (PKCS11Exception e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("pkcs11.cannotListTokens", library.toString(),
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** The token's current PIN status (re-read, e.g. after a refused login). */
    TokenInfo.PinStatus pinStatus(long slotId) {
        try {
            return statusFromFlags(p11.C_GetTokenInfo(slotId).flags);
        } catch (PKCS11Exception e) {
            return TokenInfo.PinStatus.OK;
        }
    }

    /** Certificates stored on the token; public objects, so no login is needed. */
    List<CertificateObject> certificates(TokenInfo token) {
        long session;
        try {
            session = p11.C_OpenSession(token.slotId(), CKF_SERIAL_SESSION, null, null);
        } catch (PKCS11Exception e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.cannotOpenSession", token.describe(),
                    String.valueOf(e.getMessage())), e);
        }
        try {
            p11.C_FindObjectsInit(session, new CK_ATTRIBUTE[] {new CK_ATTRIBUTE(CKA_CLASS, CKO_CERTIFICATE)});
            List<Long> handles = new ArrayList<>();
            try {
                for (long[] batch = p11.C_FindObjects(session, 32); batch.length > 0; batch = p11.C_FindObjects(session, 32)) {
                    for (long h : batch) {
                        handles.add(h);
                    }
                }
            } finally {
                p11.C_FindObjectsFinal(session);
            }
            List<CertificateObject> certs = new ArrayList<>();
            for (long handle : handles) {
                CK_ATTRIBUTE[] attributes = {
                    new CK_ATTRIBUTE(CKA_ID), new CK_ATTRIBUTE(CKA_LABEL), new CK_ATTRIBUTE(CKA_VALUE)
                };
                p11.C_GetAttributeValue(session, handle, attributes);
                byte[] id = attributes[0].pValue instanceof byte[] b ? b : new byte[0];
                certs.add(new CertificateObject(HexFormat.of().formatHex(id), label(attributes[1].pValue),
                        attributes[2].getByteArray()));
            }
            return certs;
        } catch (PKCS11Exception e) {
            throw new SignerException(ErrorCode.TOKEN_UNAVAILABLE, Problem.of("token.cannotReadCertificates", token.describe(),
                    String.valueOf(e.getMessage())), e);
        } finally {
            try {
                p11.C_CloseSession(session);
            } catch (PKCS11Exception e) {
                // The session dies with the token anyway; nothing the caller could do.
                System.getLogger(Pkcs11Module.class.getName()).log(System.Logger.Level.DEBUG, "C_CloseSession failed", e);
            }
        }
    }

    private static TokenInfo.PinStatus statusFromFlags(long flags) {
        if ((flags & CKF_USER_PIN_LOCKED) != 0) {
            return TokenInfo.PinStatus.LOCKED;
        }
        if ((flags & CKF_USER_PIN_FINAL_TRY) != 0) {
            return TokenInfo.PinStatus.FINAL_TRY;
        }
        if ((flags & CKF_USER_PIN_COUNT_LOW) != 0) {
            return TokenInfo.PinStatus.COUNT_LOW;
        }
        return TokenInfo.PinStatus.OK;
    }

    private static String label(Object value) {
        if (value instanceof char[] chars) {
            return text(chars);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8).strip();
        }
        return "";
    }

    /** PKCS#11 text fields are blank-padded and, in practice, UTF-8 bytes widened to chars. */
    private static String text(char[] field) {
        byte[] bytes = new byte[field.length];
        for (int i = 0; i < field.length; i++) {
            bytes[i] = (byte) field[i];
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }
}
