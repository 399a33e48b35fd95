package vn.signer.keys;

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

    /** The user PIN's state as the token reports it; not every token reports it. */
    public enum PinStatus {
        OK, COUNT_LOW, FINAL_TRY, LOCKED;

        /** A warning to show before asking for the PIN, or null. */
        public String warning() {
            return switch (this) {
                case OK -> null;
                case COUNT_LOW -> "a wrong PIN was entered before: few tries remain before the token locks";
                case FINAL_TRY -> "one try left: a wrong PIN now locks the token";
                case LOCKED -> "the user PIN is locked";
            };
        }
    }

    /** How the token reads in a message. */
    public String describe() {
        return "token '" + label + "' (slot index " + slotIndex + ", serial " + serialNumber + ")";
    }
}
