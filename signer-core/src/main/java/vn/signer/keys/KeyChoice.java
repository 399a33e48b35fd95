package vn.signer.keys;

import java.util.List;
import vn.signer.ErrorCode;
import vn.signer.Problem;
import vn.signer.SignerException;
import vn.signer.report.Remark;

/** Picks exactly one key for a selector, or says which keys there are. Shared by the key sources. */
public final class KeyChoice {
    private KeyChoice() {
    }

    /**
     * @param source what holds the keys, for messages
     * @throws SignerException KEY_NOT_FOUND when none or several match
     */
    public static KeyInfo pick(Remark source, List<KeyInfo> keys, KeySelector selector) {
        List<KeyInfo> matching = keys.stream().filter(selector::matches).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (keys.isEmpty()) {
            throw new SignerException(ErrorCode.KEY_NOT_FOUND, Problem.of("key.none", source));
        }
        List<Remark> available = keys.stream().map(KeyInfo::describe).toList();
        if (matching.isEmpty()) {
            throw new SignerException(ErrorCode.KEY_NOT_FOUND, Problem.of("key.noMatch", source, selector.describe(), available));
        }
        throw new SignerException(ErrorCode.KEY_NOT_FOUND, Problem.of("key.severalMatch", source, selector.describe(), available));
    }
}
