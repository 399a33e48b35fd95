package vn.signer.server.config;

/**
 * The demo e-office page under /demo/, served only when enabled: an officer signs the sample công văn
 * personally through the signing agent, then a clerk issues it with the seal, number and date.
 *
 * @param enabled  serve /demo/ (off unless set)
 * @param document the PDF the page offers to sign, relative to the configuration file's folder
 * @param agent    the signing agent's address the page calls (default https://127.0.0.1:8987), named in its CSP
 * @param profile  the keyless profile the page prepares with (default web)
 */
public record DemoConfig(Boolean enabled, String document, String agent, String profile) {
    public static final DemoConfig OFF = new DemoConfig(false, null, null, null);

    public DemoConfig {
        enabled = enabled != null && enabled;
        agent = agent == null ? "https://127.0.0.1:8987" : agent;
        profile = profile == null ? "web" : profile;
        ServerConfig.require(!enabled || document != null, "config.demo.document");
        ServerConfig.require(agent.matches("https://(127\\.0\\.0\\.1|localhost):[0-9]{1,5}"),
                "config.demo.agent", agent);
    }
}
