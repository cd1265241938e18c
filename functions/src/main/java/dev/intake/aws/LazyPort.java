package dev.intake.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * A port whose adapter is built on its first call. Each function uses only some of the ports
 * (Validate never mails, Halt never reads S3), and building an adapter builds its SDK client,
 * the costliest part of a cold start; a port nobody calls costs one small proxy instead.
 */
final class LazyPort<T> implements InvocationHandler {

    private final Supplier<T> factory;
    private T adapter;

    private LazyPort(Supplier<T> factory) {
        this.factory = factory;
    }

    static <T> T of(Class<T> port, Supplier<T> factory) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                new LazyPort<>(factory)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(adapter(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private synchronized T adapter() {
        if (adapter == null) {
            adapter = factory.get();
        }
        return adapter;
    }
}
