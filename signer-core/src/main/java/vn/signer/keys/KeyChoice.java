package vn.signer.keys;

import java.util.List;
import java.util.stream.Collectors;
import vn.signer.ErrorCode;
import vn.signer.SignerException;

/** Picks exactly one key for a selector, or says which keys there are. Shared by the key sources. */
final class KeyChoice {
    private KeyChoice() {
    }

    static KeyInfo pick(String source, List<KeyInfo> keys, KeySelector selector) {
        List<KeyInfo> matching = keys.stream().filter(selector::matches).toList();
        if (matching.size() == 1) {
            return matching.get(0);
        }
        if (keys.isEmpty()) {
            throw new SignerException(ErrorCode.KEY_NOT_FOUND, source + " holds no signing key",
                    "on a token, a private key is listed only when a certificate with the same id is stored");
        }
        String available = keys.stream().map(KeyInfo::describe).collect(Collectors.joining("; "));
        if (matching.isEmpty()) {
            throw new SignerException(ErrorCode.KEY_NOT_FOUND,
                    source + ": no key matches " + selector.describe() + "; keys there: " + available,
                    "choose one with --key LABEL, --key-id HEX or --cert-sha256 HEX");
        }
        throw new SignerException(ErrorCode.KEY_NOT_FOUND,
                source + ": several keys match " + selector.describe() + ": " + available,
                "choose one with --key LABEL, --key-id HEX or --cert-sha256 HEX");
    }
}
