package vn.signer.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (the Maven project version). */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"signer " + (version == null ? "(development build)" : version)};
    }
}
