package dev.intake.aws.dynamodb;

import dev.intake.aws.Backoff;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.port.DestinationStore.Record;
import dev.intake.port.DestinationStore.Rejected;
import dev.intake.port.DestinationStore.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes one run's records to one destination table. Every record handed to {@link #write} is
 * either written when the call returns or returned as {@link Rejected} with its reason, so
 * imported + failed always equals the records given.
 */
final class TableWriter implements Writer {

    static final int BATCH_LIMIT = 25;

    static final String EMPTY_KEY = "EMPTY_KEY";
    static final String KEY_NOT_A_NUMBER = "KEY_NOT_A_NUMBER";
    static final String ITEM_TOO_LARGE = "ITEM_TOO_LARGE";
    static final String NOT_WRITTEN_THROTTLED = "NOT_WRITTEN_THROTTLED";
    static final String REFUSED_BY_DYNAMODB = "REFUSED_BY_DYNAMODB";

    private final DynamoDbClient dynamoDb;
    private final TableKey key;
    private final WriteMode mode;
    private final Backoff backoff;

    TableWriter(DynamoDbClient dynamoDb, TableKey key, WriteMode mode, Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.key = key;
        this.mode = mode;
        this.backoff = backoff;
    }

    @Override
    public List<Rejected> write(List<Record> batch) {
        List<Rejected> rejected = new ArrayList<>();
        List<Prepared> writable = prepare(batch, rejected);

        switch (mode) {
            case REPLACE -> writeInBatches(writable, rejected);
            case INSERT_ONLY -> writable.forEach(item -> insertIfAbsent(item, rejected));
            case MERGE -> writable.forEach(item -> merge(item, rejected));
        }

        return rejected;
    }

    /** Writes happen inside {@link #write}; nothing is buffered. */
    @Override
    public void close() {}

    /** A record turned into an item, with its key attributes. */
    private record Prepared(Record record, Map<String, AttributeValue> item,
                            Map<String, AttributeValue> key) {}

    private List<Prepared> prepare(List<Record> batch, List<Rejected> rejected) {
        List<Prepared> writable = new ArrayList<>();
        for (Record record : batch) {
            try {
                writable.add(prepare(record));
            } catch (RefusedRecord refusal) {
                rejected.add(new Rejected(record, refusal.code, refusal.getMessage()));
            }
        }
        return writable;
    }

    /** Refused up front: an empty or non-numeric key value, an item over 400 KB. */
    private Prepared prepare(Record record) {
        Map<String, AttributeValue> keyAttributes = new LinkedHashMap<>();
        for (TableKey.Part part : key.parts()) {
            keyAttributes.put(part.name(), keyValue(record, part));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        record.values().forEach((name, value) -> item.put(name, ItemConversion.toAttribute(value)));
        item.putAll(keyAttributes);
        long size = ItemConversion.size(item);
        if (size > ItemConversion.MAX_ITEM_BYTES) {
            throw new RefusedRecord(ITEM_TOO_LARGE, "line " + record.line() + ": the record "
                    + "would be a DynamoDB item of " + size + " bytes, over the 409600-byte "
                    + "(400 KB) limit; shorten its longest fields");
        }
        return new Prepared(record, item, keyAttributes);
    }

    private AttributeValue keyValue(Record record, TableKey.Part part) {
        Object value = record.values().get(part.name());
        String text = value == null ? "" : value.toString();
        if (text.isEmpty()) {
            throw new RefusedRecord(EMPTY_KEY, "line " + record.line() + ": key field "
                    + part.name() + " is empty; DynamoDB needs a value for every key field");
        }
        if (part.type() == ScalarAttributeType.N) {
            try {
                return AttributeValue.fromN(ItemConversion.exactText(
                        value instanceof Number number ? number : new BigDecimal(text)));
            } catch (NumberFormatException e) {
                throw new RefusedRecord(KEY_NOT_A_NUMBER, "line " + record.line() + ": key field "
                        + part.name() + " is '" + text + "', but table " + key.table()
                        + " keys it as a number");
            }
        }
        return AttributeValue.fromS(text);
    }

    private void writeInBatches(List<Prepared> writable, List<Rejected> rejected) {
        for (List<Prepared> batch : batchesWithoutRepeatedKeys(writable)) {
            writeBatch(batch, rejected);
        }
    }

    /**
     * Groups of at most 25 in record order. DynamoDB refuses a batch that names a key twice, so a
     * repeated key starts a new batch; batches are written in order, so the later record wins, as
     * it would with single puts.
     */
    static <T> List<List<T>> batches(List<T> items, java.util.function.Function<T, ?> keyOf) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (T item : items) {
            Object itemKey = keyOf.apply(item);
            if (current.size() == BATCH_LIMIT || keys.contains(itemKey)) {
                batches.add(current);
                current = new ArrayList<>();
                keys.clear();
            }
            current.add(item);
            keys.add(itemKey);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    private List<List<Prepared>> batchesWithoutRepeatedKeys(List<Prepared> writable) {
        return batches(writable, Prepared::key);
    }

    private void writeBatch(List<Prepared> batch, List<Rejected> rejected) {
        Map<Map<String, AttributeValue>, Prepared> byKey = new HashMap<>();
        List<WriteRequest> pending = new ArrayList<>();
        for (Prepared prepared : batch) {
            byKey.put(prepared.key(), prepared);
            pending.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(prepared.item()).build())
                    .build());
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                backoff.pause(attempt - 1);
            }
            pending = sendBatch(pending, byKey, rejected);
            if (!pending.isEmpty() && attempt == backoff.maxAttempts()) {
                giveUp(pending, byKey, rejected, attempt);
                return;
            }
        }
    }

    /** One BatchWriteItem; returns what DynamoDB left unprocessed. */
    private List<WriteRequest> sendBatch(List<WriteRequest> pending,
                                         Map<Map<String, AttributeValue>, Prepared> byKey,
                                         List<Rejected> rejected) {
        try {
            List<WriteRequest> toSend = pending;
            BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b
                    .requestItems(Map.of(key.table(), toSend)));
            return response.unprocessedItems().getOrDefault(key.table(), List.of());
        } catch (DynamoDbException e) {
            if (e.statusCode() != 400 || e.isThrottlingException()) {
                throw e;
            }
            // A batch is refused whole when one item is invalid: find it by writing one by one.
            pending.forEach(request -> putAlone(byKey.get(keyOf(request)), rejected));
            return List.of();
        }
    }

    private void giveUp(List<WriteRequest> pending,
                        Map<Map<String, AttributeValue>, Prepared> byKey,
                        List<Rejected> rejected, int attempts) {
        for (WriteRequest request : pending) {
            Prepared prepared = byKey.get(keyOf(request));
            rejected.add(new Rejected(prepared.record(), NOT_WRITTEN_THROTTLED, "line "
                    + prepared.record().line() + ": DynamoDB table " + key.table() + " returned "
                    + "the record as unprocessed " + attempts + " times (throughput exceeded); "
                    + "upload the failed records again once the table has capacity"));
        }
    }

    private void putAlone(Prepared prepared, List<Rejected> rejected) {
        try {
            dynamoDb.putItem(b -> b.tableName(key.table()).item(prepared.item()));
        } catch (DynamoDbException e) {
            rejectIfRefused(prepared, e, rejected);
        }
    }

    private void insertIfAbsent(Prepared prepared, List<Rejected> rejected) {
        try {
            dynamoDb.putItem(b -> b.tableName(key.table()).item(prepared.item())
                    .conditionExpression("attribute_not_exists(#key)")
                    .expressionAttributeNames(Map.of("#key", key.parts().get(0).name())));
        } catch (ConditionalCheckFailedException exists) {
            // insert-only leaves an existing record alone: that is the mode, not a failure.
        } catch (DynamoDbException e) {
            rejectIfRefused(prepared, e, rejected);
        }
    }

    /** {@code SET} of every field the record gives except the key fields. */
    private void merge(Prepared prepared, List<Rejected> rejected) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> assignments = new ArrayList<>();
        int index = 0;
        for (var field : prepared.item().entrySet()) {
            if (prepared.key().containsKey(field.getKey())) {
                continue;
            }
            names.put("#f" + index, field.getKey());
            values.put(":v" + index, field.getValue());
            assignments.add("#f" + index + " = :v" + index);
            index++;
        }
        try {
            dynamoDb.updateItem(b -> {
                b.tableName(key.table()).key(prepared.key());
                if (!assignments.isEmpty()) {
                    b.updateExpression("SET " + String.join(", ", assignments))
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values);
                }
            });
        } catch (DynamoDbException e) {
            rejectIfRefused(prepared, e, rejected);
        }
    }

    /**
     * A 400 that is not throttling is about this record (DynamoDB refused it): it becomes a failed
     * record. Anything else (throttling the SDK could not ride out, a 5xx) fails the task so that
     * the run is rerun.
     */
    private void rejectIfRefused(Prepared prepared, DynamoDbException e, List<Rejected> rejected) {
        if (e.statusCode() != 400 || e.isThrottlingException()) {
            throw e;
        }
        rejected.add(new Rejected(prepared.record(), REFUSED_BY_DYNAMODB, "line "
                + prepared.record().line() + ": DynamoDB refused the record: "
                + e.awsErrorDetails().errorMessage()));
    }

    private Map<String, AttributeValue> keyOf(WriteRequest request) {
        Map<String, AttributeValue> item = request.putRequest().item();
        Map<String, AttributeValue> keyAttributes = new LinkedHashMap<>();
        for (TableKey.Part part : key.parts()) {
            keyAttributes.put(part.name(), item.get(part.name()));
        }
        return keyAttributes;
    }

    /** Why a record cannot be written, found before any call. */
    private static final class RefusedRecord extends RuntimeException {

        private final String code;

        RefusedRecord(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
