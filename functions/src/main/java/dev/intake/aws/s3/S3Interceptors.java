package dev.intake.aws.s3;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The request interceptors every Intake S3 client carries. */
public final class S3Interceptors {

    private S3Interceptors() {
    }

    public static ExecutionInterceptor noExpectContinueOnEmptyBody() {
        return new NoExpectContinueOnEmptyBody();
    }
}
