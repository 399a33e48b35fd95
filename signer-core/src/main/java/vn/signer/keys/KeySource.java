package vn.signer.keys;

import java.util.List;
import vn.signer.report.Remark;

/**
 * An opened store of signing keys: a PKCS#12 file or a PKCS#11 token, logged in once. Close it when
 * done; closing logs out and makes every {@link SigningKey} taken from it unusable.
 */
public interface KeySource extends AutoCloseable {

    /** What the source is, for messages: the file or the token, worded in the reader's language. */
    Remark describe();

    /** The signing keys it holds, each with its certificate. */
    List<KeyInfo> keys();

    /**
     * The one key matching {@code selector}.
     *
     * @throws vn.signer.SignerException KEY_NOT_FOUND when none or several match, naming the keys there are
     */
    SigningKey key(KeySelector selector);

    @Override
    void close();
}
