package dev.intake.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/** The names Step Functions gives aws-sdk task errors (asl-semantics 17). */
class AwsErrorNamesTest {

    @Test
    void service_exceptions_are_named_service_dot_exception() {
        assertThat(AwsErrorNames.of(NoSuchKeyException.builder().build()))
                .isEqualTo("S3.NoSuchKeyException");
        assertThat(AwsErrorNames.of(ResourceNotFoundException.builder().build()))
                .isEqualTo("DynamoDb.ResourceNotFoundException");
        assertThat(AwsErrorNames.of(DynamoDbException.builder().build()))
                .isEqualTo("DynamoDb.DynamoDbException");
        assertThat(AwsErrorNames.of(MessageRejectedException.builder().build()))
                .isEqualTo("SesV2.MessageRejectedException");
        assertThat(AwsErrorNames.of(ExecutionAlreadyExistsException.builder().build()))
                .isEqualTo("Sfn.ExecutionAlreadyExistsException");
    }

    @Test
    void other_exceptions_keep_their_simple_name() {
        assertThat(AwsErrorNames.of(new IllegalStateException("x")))
                .isEqualTo("IllegalStateException");
    }
}
