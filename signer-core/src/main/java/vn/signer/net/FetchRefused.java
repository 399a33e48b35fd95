package vn.signer.net;

import eu.europa.esig.dss.spi.exception.DSSExternalResourceException;

/**
 * A request the gate did not make, or whose answer it did not accept. It is a DSS external-resource
 * failure, so DSS's AIA, CRL and OCSP sources treat it as a source that gave nothing: the
 * verification goes on without that data and ends INDETERMINATE when it needed it.
 */
public final class FetchRefused extends DSSExternalResourceException {
    private static final long serialVersionUID = 1L;

    FetchRefused(String message) {
        super(message);
    }
}
