package vn.signer.testing;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.nio.file.Path;
import java.util.Set;

/**
 * The classes the module under test compiles (its target/classes), for the architecture tests: ArchUnit
 * then reads that one folder instead of looking for the package in every jar of the class path (DSS's
 * hundred), the larger part of those tests' time. Maven runs each module's tests from its own folder.
 */
public final class ModuleClasses implements LocationProvider {
    @Override
    public Set<Location> get(Class<?> testClass) {
        return Set.of(Location.of(Path.of("target", "classes").toAbsolutePath()));
    }
}
