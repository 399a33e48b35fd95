package vn.signer.server.routes;

/** Who may call a route. */
enum Access {
    /** Anyone, without the request gate or rate limit: health, readiness, metrics, the API description. */
    PUBLIC,
    /** Anyone when verification is configured open, else an authenticated client; gated and rate-limited. */
    VERIFY,
    /**
     * The verification page for people: anyone, without an API key (a browser has none to send), but
     * gated and rate-limited by address like every other request; Vietnamese unless asked otherwise.
     */
    PAGE,
    /** Authenticated clients only; gated and rate-limited. */
    CLIENT
}
