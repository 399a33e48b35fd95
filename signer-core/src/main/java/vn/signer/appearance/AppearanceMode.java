package vn.signer.appearance;

/**
 * The visible signatures of Decree 30/2020 (and a general text block). Each mode says what is drawn
 * and where it goes by default.
 */
public enum AppearanceMode {
    /** The authorised person's approval: the blue handwritten-signature image between title and name. */
    PERSONAL,
    /** The organisation's signature at issuance: the red seal over the left third of the personal signature. */
    ORGANISATION,
    /** A copy (SAO Y, SAO LỤC, TRÍCH SAO): a text block at the top right of page 1. */
    COPY,
    /** An appendix: a text block with the document number at the top right of page 1. */
    APPENDIX,
    /** A separately attached document: a text block with the document number at the top right of page 1. */
    ATTACHMENT,
    /** A general text block: signer, organisation, time and reason. */
    TEXT;

    /** Whether the mode draws only text, in a block at the top right of page 1 unless placed. */
    public boolean isTextBlock() {
        return this == COPY || this == APPENDIX || this == ATTACHMENT || this == TEXT;
    }
}
