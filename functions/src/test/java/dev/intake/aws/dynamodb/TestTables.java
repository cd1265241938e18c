package dev.intake.aws.dynamodb;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates tables shaped as template.yaml declares them, each with a fresh name. */
public final class TestTables {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestTables() {}

    public static String unique(String base) {
        return base + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** The Intake table: pk/sk and the overloaded gsi1 (see IntakeTable). */
    public static String createIntakeTable(DynamoDbClient dynamoDb) {
        String name = unique("intake");
        dynamoDb.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string("pk"), string("sk"), string("gsi1pk"),
                        string("gsi1sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("gsi1")
                        .keySchema(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    /** A destination table keyed by the given attributes, partition key first. */
    public static void createDestination(DynamoDbClient dynamoDb, String name,
                                  List<AttributeDefinition> keys) {
        dynamoDb.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keys)
                .keySchema(keys.size() == 1
                        ? List.of(key(keys.get(0).attributeName(), KeyType.HASH))
                        : List.of(key(keys.get(0).attributeName(), KeyType.HASH),
                                key(keys.get(1).attributeName(), KeyType.RANGE))));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(name));
    }

    public static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name)
                .attributeType(ScalarAttributeType.S).build();
    }

    public static AttributeDefinition number(String name) {
        return AttributeDefinition.builder().attributeName(name)
                .attributeType(ScalarAttributeType.N).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
