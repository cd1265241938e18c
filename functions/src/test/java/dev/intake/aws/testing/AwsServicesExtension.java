package dev.intake.aws.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides {@link TestAws} to test classes, started once for the whole test run and stopped when
 * it ends. This is the ONE place that decides the backend: the system property
 * {@code intake.aws.backend} is {@code emulators} (the default: s3proxy in-process, dynalite and
 * aws-ses-v2-local as node processes) or {@code localstack} (a Testcontainers LocalStack, set by
 * the Maven profile {@code localstack} where Docker exists).
 */
public final class AwsServicesExtension implements ParameterResolver {

    public static final String BACKEND_PROPERTY = "intake.aws.backend";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AwsServicesExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestAws.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("backend", key -> start(), Backend.class);
    }

    private static Backend start() {
        String backend = System.getProperty(BACKEND_PROPERTY, "emulators");
        return switch (backend) {
            case "emulators" -> LocalEmulators.start();
            case "localstack" -> LocalStackBackend.start();
            default -> throw new IllegalStateException("system property " + BACKEND_PROPERTY
                    + " is '" + backend + "'; use emulators or localstack");
        };
    }

    /**
     * A started backend. JUnit closes AutoCloseable values of the root store when the run ends;
     * a JVM shutdown hook stops the processes too if the run is killed.
     */
    interface Backend extends TestAws, AutoCloseable {

        @Override
        void close();
    }
}
