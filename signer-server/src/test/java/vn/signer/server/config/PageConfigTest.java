package vn.signer.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** verification.page: its defaults, and the paths and values it refuses. */
class PageConfigTest {

    @Test
    void offByDefaultAtTheRootWhenEnabled() {
        assertFalse(VerificationConfig.NONE.page().enabled());
        PageConfig page = new PageConfig(true, null, null, null);
        assertEquals("/", page.path());
        assertEquals("", page.base());
        assertEquals(600, page.reportSeconds());
        assertEquals("/kiem-tra", new PageConfig(true, "/kiem-tra/", null, null).base());
    }

    @Test
    void aPathOfTheApiOrNotAPathIsRefused() {
        for (String path : new String[] {"/v1/verify", "/health", "/metrics", "kiem-tra", "/a b", "/<x>", "/x?y"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PageConfig(true, path, null, null),
                    path);
            assertTrue(e.getMessage().startsWith("verification.page.path"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new PageConfig(true, "/", 0, null));
        assertThrows(IllegalArgumentException.class, () -> new PageConfig(true, "/", null, 0));
    }

    @Test
    void thePageNeedsADefaultTrustProfile() {
        TrustProfileConfig trust = new TrustProfileConfig(java.util.List.of("root.pem"), null, null, null, null, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VerificationConfig(true, null,
                Map.of("a", trust, "b", trust), new PageConfig(true, "/", null, null), null));
        assertTrue(e.getMessage().contains("defaultProfile"), e.getMessage());
    }
}
