package vn.signer.keys;

import vn.signer.report.Remark;

/**
 * A token present in a PKCS#11 module, as the module describes it (no login needed).
 *
 * @param slotIndex    0-based position among the slots with a token present
 * @param slotId       the module's own slot id
 * @param label        the token label, trailing blanks removed
 * @param serialNumber the token serial, trailing blanks removed
 * @param manufacturer the token manufacturer
 * @param model        the token model
 * @param initialized  whether the token has been initialised (an empty slot of SoftHSM2 is not)
 * @param pinStatus    what the token says about its user PIN
 */
public record TokenInfo(int slotIndex, long slotId, String label, String serialNumber,
                        String manufacturer, String model, boolean initialized, PinStatus pinStatus) {

    /**
     * The user PIN's state as the token reports it; not every token reports it. Each face words the
     * warnings for the states other than OK itself.
     */
    public enum PinStatus {
        OK, COUNT_LOW, FINAL_TRY, LOCKED
    }

    /** How the token reads in a message: its label, slot index and serial, worded in the reader's language. */
    public Remark describe() {
        return Remark.of("keys.token", label, slotIndex, serialNumber);
    }
}
