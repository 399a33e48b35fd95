package vn.signer.server.config;

/**
 * The verification page for people ({@code verification.page}): a form to choose or drop a PDF or XML
 * document, verified with the default trust profile and never stored; the result, in Vietnamese or
 * English, with the report to keep as a PDF and as JSON.
 *
 * @param enabled       serve the page (default false)
 * @param path          where: the form at this path, its results, reports and assets below it (default "/")
 * @param reportSeconds how long a result's facts (never the document) stay in memory for its downloads and
 *                      its other language (default 600)
 * @param maxReports    how many results are kept at once; the oldest go first (default 1000)
 */
public record PageConfig(Boolean enabled, String path, Integer reportSeconds, Integer maxReports) {

    static final PageConfig NONE = new PageConfig(false, null, null, null);

    public PageConfig {
        enabled = enabled != null && enabled;
        path = path == null ? "/" : path;
        reportSeconds = reportSeconds == null ? 600 : reportSeconds;
        maxReports = maxReports == null ? 1000 : maxReports;
        ServerConfig.require(path.matches("/([A-Za-z0-9._~-]+/?)*"), "config.page.path", path);
        ServerConfig.require(!path.startsWith("/v1") && !path.startsWith("/health") && !path.startsWith("/ready")
                && !path.startsWith("/metrics") && !path.startsWith("/openapi") && !path.startsWith("/demo")
                && !path.startsWith("/signer-agent.js"), "config.page.pathTaken", path);
        ServerConfig.require(reportSeconds >= 1 && reportSeconds <= 86_400, "config.page.reportSeconds");
        ServerConfig.require(maxReports >= 1 && maxReports <= 100_000, "config.page.maxReports");
    }

    /** The path without its trailing slash: "" for "/", the prefix of the results, reports and assets. */
    public String base() {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
