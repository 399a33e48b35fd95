package vn.signer.largexml;

import eu.europa.esig.dss.xades.validation.XAdESSignature;
import java.util.Base64;
import java.util.function.Supplier;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.utils.resolver.ResourceResolver;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;

/**
 * Gives Santuario, for the reference to "" of the one signature DSS works on in this thread, the
 * digest signer computed by streaming the document: DSS then validates (or extends) that signature in
 * a stand-in holding only the document's root and the signature, and checks everything else itself
 * (the signature value, the signed properties' reference, certificates, revocation, timestamps).
 * Santuario compares a pre-calculated digest with the reference's DigestValue instead of running the
 * reference's transforms, which {@link LargeXml} checked are the ones the digest was computed with.
 *
 * <p>Outside {@link #during} the resolver resolves nothing, and every other reference is resolved as
 * before: it is registered ahead of DSS's own resolvers but answers only while a digest is set.
 */
public final class PrecomputedDigest {
    private static final ThreadLocal<String> DIGEST = new ThreadLocal<>();

    private PrecomputedDigest() {
    }

    /** Registered once, after DSS's XAdES resolvers (their class's loading registers them first). */
    private static final class Registration {
        static {
            try {
                Class.forName(XAdESSignature.class.getName(), true, XAdESSignature.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            ResourceResolver.register(new Resolver(), true);
        }

        static void ensure() {
            // Loading this class registers the resolver.
        }
    }

    /** Runs {@code work} with the whole-document reference's digest being {@code digest}. */
    public static <T> T during(byte[] digest, Supplier<T> work) {
        Registration.ensure();
        String previous = DIGEST.get();
        DIGEST.set(Base64.getEncoder().encodeToString(digest));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                DIGEST.remove();
            } else {
                DIGEST.set(previous);
            }
        }
    }

    private static final class Resolver extends ResourceResolverSpi {
        @Override
        public boolean engineCanResolveURI(ResourceResolverContext context) {
            return DIGEST.get() != null && context.attr != null && context.uriToResolve != null && context.uriToResolve.isEmpty();
        }

        @Override
        public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
            return new XMLSignatureInput(DIGEST.get());
        }
    }
}
