package vn.signer.server.config;

import java.util.List;

/**
 * The web origins whose pages may call the server from the browser (split signing from an e-office
 * page): they alone get CORS answers; every other origin gets none, so its pages cannot read an answer.
 *
 * @param origins scheme://host[:port], no path
 */
public record CorsConfig(List<String> origins) {
    public static final CorsConfig NONE = new CorsConfig(List.of());

    public CorsConfig {
        origins = origins == null ? List.of() : List.copyOf(origins);
        for (String origin : origins) {
            ServerConfig.require(origin.matches("https?://[A-Za-z0-9.\\-\\[\\]:]+") && !origin.endsWith("/"),
                    "config.cors.origin", origin);
        }
    }
}
