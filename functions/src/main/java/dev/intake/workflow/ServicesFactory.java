package dev.intake.workflow;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Builds {@link Services} from a Lambda function's environment. The AWS implementation lives
 * with the AWS adapters and is found by class name, so that this package does not depend on
 * the AWS SDK and the local runtime never loads it.
 */
public interface ServicesFactory {

    /** The environment variable that may name another factory class. */
    String CLASS_VARIABLE = "INTAKE_SERVICES_FACTORY";

    /** The factory used when {@link #CLASS_VARIABLE} is not set. */
    String DEFAULT_CLASS = "dev.intake.aws.AwsServicesFactory";

    Services create(Map<String, String> environment);

    /** The factory named by the environment, made with its public no-arg constructor. */
    static ServicesFactory load(Map<String, String> environment) {
        String className = environment.getOrDefault(CLASS_VARIABLE, DEFAULT_CLASS);
        try {
            Class<?> type = Class.forName(className);
            return (ServicesFactory) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("No services factory class " + className
                    + " on the class path: deploy the functions jar that contains the AWS"
                    + " adapters, or set " + CLASS_VARIABLE + " to a class implementing "
                    + ServicesFactory.class.getName(), e);
        } catch (ClassCastException | ReflectiveOperationException e) {
            throw new IllegalStateException("Services factory class " + className
                    + " must implement " + ServicesFactory.class.getName()
                    + " and have a public no-arg constructor", unwrap(e));
        }
    }

    private static Throwable unwrap(Exception e) {
        return e instanceof InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause() : e;
    }
}
