package dev.intake.aws.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Records the name of every request a client sends, so that tests can count calls. */
public final class CountingInterceptor implements ExecutionInterceptor {

    private final List<String> requests = new ArrayList<>();

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context,
                                             ExecutionAttributes attributes) {
        String type = context.request().getClass().getSimpleName();
        requests.add(type.replaceFirst("Request$", ""));
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
