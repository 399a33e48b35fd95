package vn.signer.server.routes;

/** Who may call a route. */
enum Access {
    /** Anyone, without the request gate or rate limit: health, readiness, metrics, the API description. */
    PUBLIC,
    /** Anyone when verification is configured open, else an authenticated client; gated and rate-limited. */
    VERIFY,
    /** Authenticated clients only; gated and rate-limited. */
    CLIENT
}
