package dev.intake.aws.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A real client (talking to the emulator) that, like a throttled table, hands some items of a
 * BatchWriteItem back as UnprocessedItems without writing them. The emulator never does that on
 * its own. Which items and how many times is the test's choice.
 */
final class ThrottlingDynamoDbClient implements DynamoDbClient {

    private final DynamoDbClient real;
    private final Predicate<WriteRequest> throttled;
    private int throttlesLeft;
    private final List<Integer> batchSizes = new ArrayList<>();

    /** Hands back the items matching {@code throttled} in the first {@code times} calls. */
    ThrottlingDynamoDbClient(DynamoDbClient real, Predicate<WriteRequest> throttled, int times) {
        this.real = real;
        this.throttled = throttled;
        this.throttlesLeft = times;
    }

    /** Items in each BatchWriteItem sent, in order. */
    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        Map<String, List<WriteRequest>> written = new HashMap<>();
        Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
        boolean throttle = throttlesLeft-- > 0;
        request.requestItems().forEach((table, writes) -> {
            batchSizes.add(writes.size());
            for (WriteRequest write : writes) {
                boolean handBack = throttle && throttled.test(write);
                (handBack ? unprocessed : written)
                        .computeIfAbsent(table, t -> new ArrayList<>()).add(write);
            }
        });
        if (!written.isEmpty()) {
            real.batchWriteItem(b -> b.requestItems(written));
        }
        return BatchWriteItemResponse.builder().unprocessedItems(unprocessed).build();
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return real.describeTable(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return real.putItem(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {}
}
