package dev.intake.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.asl.InvocationContext;
import dev.intake.asl.LambdaInvoker;
import dev.intake.asl.LambdaResult;
import dev.intake.asl.TaskFailedException;
import dev.intake.workflow.SimulatedLambdaFailure;
import dev.intake.local.runtime.SamTemplate.FunctionResource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Calls the Lambda handler classes of the template in this JVM. Each handler is created once,
 * with the constructor that takes the local services (the same object the AWS entry point builds
 * from real clients), and called as a {@link RequestStreamHandler} with JSON bytes.
 */
public final class InProcessFunctions implements LambdaInvoker {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, FunctionResource> functionsByArn;
    private final Object services;
    private final TaskTime taskTime;
    private final Consumer<String> progress;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

    /** Fixes the time the handlers read while a task runs (virtual time), or leaves it alone. */
    public interface TaskTime {
        TaskTime REAL = new TaskTime() {
            @Override
            public <T> T during(Instant scheduledAt, java.util.function.Supplier<T> work) {
                return work.get();
            }
        };

        <T> T during(Instant scheduledAt, java.util.function.Supplier<T> work);
    }

    /**
     * @param progress told the state and function of each task call, for a progress line
     */
    public InProcessFunctions(Map<String, FunctionResource> functionsByArn, Object services,
            TaskTime taskTime, Consumer<String> progress) {
        this.functionsByArn = Map.copyOf(functionsByArn);
        this.services = services;
        this.taskTime = taskTime;
        this.progress = progress;
    }

    /**
     * Invokes the handler for a Task state. A handler's exception becomes a function error named
     * by its class, as the Java Lambda runtime reports it; a simulated timeout or kill becomes the
     * error Step Functions names for it, after the time the function ran.
     */
    @Override
    public LambdaResult invoke(String functionName, JsonNode payload, InvocationContext context) {
        String arn = arnOf(functionName);
        if (!functionsByArn.containsKey(arn)) {
            throw new TaskFailedException("Lambda.ResourceNotFoundException",
                    "Function not found: " + functionName);
        }
        progress.accept(context.stateName() + " (" + functionsByArn.get(arn).logicalId()
                + (context.retryCount() > 0 ? ", retry " + context.retryCount() : "") + ")");
        return taskTime.during(context.scheduledAt(), () -> call(arn, payload));
    }

    private LambdaResult call(String arn, JsonNode payload) {
        try {
            byte[] answer = invoke(arn, MAPPER.writeValueAsBytes(payload));
            return LambdaResult.of(answer.length == 0 ? null : MAPPER.readTree(answer));
        } catch (SimulatedLambdaFailure e) {
            throw new TaskFailedException(e.errorName(), e.getMessage(), e.ran());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pass JSON to " + arn, e);
        } catch (RuntimeException e) {
            return LambdaResult.failed(e.getClass().getName(), e.getMessage(), frames(e));
        }
    }

    private String arnOf(String functionName) {
        if (functionName.startsWith("arn:")) {
            return functionName;
        }
        return LocalAws.functionArn(functionName);
    }

    private static List<String> frames(Throwable e) {
        return Arrays.stream(e.getStackTrace()).limit(20).map(String::valueOf).toList();
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
