package vn.signer.cli.agent;

import vn.signer.appearance.AppearanceMode;

/**
 * The Government CA plugin's operations the agent serves, each at {@code wss://127.0.0.1:PORT/<name>}
 * (the constants' names are the paths pages call), with the Decree 30 appearance of each signing one.
 */
enum PluginOperation {
    /** The leader approves: the personal signature (the handwritten-signature image above the name). */
    SignApproved(AppearanceMode.PERSONAL),
    /** The organisation issues: the seal over the signature, with the document's number and date. */
    SignIssued(AppearanceMode.ORGANISATION),
    /** A certified copy: the copy's text block (SAO Y unless the page says otherwise). */
    SignCopy(AppearanceMode.COPY),
    /** An appendix: the appendix's text block with the document's number. */
    SignAppendix(AppearanceMode.APPENDIX),
    /** The certificate the agent signs documents with. */
    GetCertInfo(null),
    /** The agent's name and version. */
    GetVersion(null);

    private final AppearanceMode mode;

    PluginOperation(AppearanceMode mode) {
        this.mode = mode;
    }

    /** The appearance of a signing operation, else null. */
    AppearanceMode mode() {
        return mode;
    }
}
