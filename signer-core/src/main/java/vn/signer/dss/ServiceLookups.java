package vn.signer.dss;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs DSS code with {@link java.util.ServiceLoader} lookups answered from memory. Internal to signer;
 * callers of signer-core never need it.
 *
 * <p>DSS finds its parts through {@code ServiceLoader} on every operation (a CMS generator for each
 * signature, a validator factory for each verification). Each lookup asks every jar on the class path
 * for its {@code META-INF/services} file and re-opens the jars that have one: about a sixth of
 * signing a one-page PDF in the server. The class path does not change while the process runs, so
 * the first answer for each service is kept, contents included. The lookups use the thread's context
 * class loader, which {@link #run} points at a loader that remembers; every class still comes from the
 * loader that loaded signer.
 */
public final class ServiceLookups {
    private static final RememberingLoader LOADER = new RememberingLoader(ServiceLookups.class.getClassLoader());

    private ServiceLookups() {
    }

    /** Runs {@code operation} in this thread with the remembering loader as its context class loader. */
    public static <T> T run(Supplier<T> operation) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LOADER);
        try {
            return operation.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static final class RememberingLoader extends ClassLoader {
        private static final String SERVICES = "META-INF/services/";

        static {
            registerAsParallelCapable();
        }

        private final ConcurrentMap<String, List<URL>> services = new ConcurrentHashMap<>();

        RememberingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICES)) {
                return super.getResources(name);
            }
            try {
                return Collections.enumeration(services.computeIfAbsent(name, this::readAll));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private List<URL> readAll(String name) {
            try {
                List<URL> copies = new ArrayList<>();
                for (URL url : Collections.list(getParent().getResources(name))) {
                    try (InputStream in = url.openStream()) {
                        copies.add(inMemory(url, in.readAllBytes()));
                    }
                }
                return List.copyOf(copies);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The same address, read from memory: ServiceLoader opens each URL without caches. */
        private static URL inMemory(URL url, byte[] content) throws IOException {
            return new URL(null, url.toString(), new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(content);
                        }
                    };
                }
            });
        }
    }
}
