package vn.signer.remote;

/** How a client proves who it is to a CSC service. */
public enum CscAuth {
    /** The secret is the access token itself, obtained outside the API (signer-server's API key, say). */
    EXTERNAL,
    /** auth/login with HTTP Basic: the client id and the secret. */
    LOGIN,
    /** oauth2/token with the client_credentials grant: the client id and the secret. */
    OAUTH2
}
