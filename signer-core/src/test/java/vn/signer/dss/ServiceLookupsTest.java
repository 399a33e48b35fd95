package vn.signer.dss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.europa.esig.dss.cms.CMSGenerator;
import eu.europa.esig.dss.validation.DocumentValidatorFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceLookupsTest {

    @Test
    void lookupsFindTheSameProviderClassesAsWithoutItEveryTime() {
        List<Class<?>> plain = providers(DocumentValidatorFactory.class);
        for (int i = 0; i < 3; i++) {
            assertEquals(plain, ServiceLookups.run(() -> providers(DocumentValidatorFactory.class)));
        }
        assertEquals(providers(CMSGenerator.class), ServiceLookups.run(() -> providers(CMSGenerator.class)));
    }

    @Test
    void theThreadsOwnContextLoaderIsBackAfterwardsEvenAfterAFailure() {
        ClassLoader own = Thread.currentThread().getContextClassLoader();
        ClassLoader during = ServiceLookups.run(() -> Thread.currentThread().getContextClassLoader());
        assertNotSame(own, during);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceLookups.run(() -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertSame(own, Thread.currentThread().getContextClassLoader());
    }

    private static List<Class<?>> providers(Class<?> service) {
        return ServiceLoader.load(service).stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
    }
}
