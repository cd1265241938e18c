package dev.intake.local.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code intake --version}, from the jar's manifest when there is one. */
final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = IntakeCli.class.getPackage().getImplementationVersion();
        return new String[] {"intake " + (version == null ? "development build" : version)};
    }
}
