package dev.intake.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.intake.local.runtime.SamTemplate.FunctionResource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the Lambda handler classes of the template in this JVM. Each handler is created once,
 * with the constructor that takes the local services (the same object the AWS entry point builds
 * from real clients), and called as a {@link RequestStreamHandler} with JSON bytes.
 */
public final class InProcessFunctions {

    private final Map<String, FunctionResource> functionsByArn;
    private final Object services;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

    public InProcessFunctions(Map<String, FunctionResource> functionsByArn, Object services) {
        this.functionsByArn = Map.copyOf(functionsByArn);
        this.services = services;
    }

    /**
     * Invokes the function with a JSON payload and returns its JSON answer. An exception thrown by
     * the handler propagates as it is, so that the interpreter can name the error as Lambda does.
     */
    public byte[] invoke(String functionArn, byte[] payload) {
        RequestStreamHandler handler = handlers.computeIfAbsent(functionArn, this::create);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(payload), out, context(functionArn));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private RequestStreamHandler create(String functionArn) {
        FunctionResource function = functionsByArn.get(functionArn);
        if (function == null) {
            throw new TemplateException("no function in template.yaml has the ARN " + functionArn
                    + "; known: " + functionsByArn.keySet());
        }
        Object instance = instantiate(function);
        if (!(instance instanceof RequestStreamHandler handler)) {
            throw new TemplateException("template.yaml: " + function.logicalId() + " handler "
                    + function.handlerClass() + " must implement RequestStreamHandler");
        }
        return handler;
    }

    private Object instantiate(FunctionResource function) {
        try {
            Class<?> type = Class.forName(function.handlerClass());
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0].isInstance(services)) {
                    return constructor.newInstance(services);
                }
            }
            throw new TemplateException("template.yaml: " + function.logicalId() + " handler "
                    + function.handlerClass() + " has no public constructor taking "
                    + services.getClass().getSimpleName());
        } catch (ClassNotFoundException e) {
            throw new TemplateException("template.yaml: " + function.logicalId() + " names handler"
                    + " class " + function.handlerClass() + ", which is not on the class path", e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new TemplateException("cannot create " + function.handlerClass(), e);
        } catch (InvocationTargetException e) {
            throw new TemplateException("the constructor of " + function.handlerClass()
                    + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Context context(String functionArn) {
        return new LocalLambdaContext(functionArn);
    }
}
