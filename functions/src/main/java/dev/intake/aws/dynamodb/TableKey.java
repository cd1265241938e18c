package dev.intake.aws.dynamodb;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key of a destination table, as DescribeTable reports it: the partition key and, if the
 * table has one, the sort key, each with its type (S or N).
 */
record TableKey(String table, List<Part> parts) {

    TableKey {
        parts = List.copyOf(parts);
    }

    record Part(String name, ScalarAttributeType type) {}

    static TableKey of(TableDescription description) {
        List<Part> parts = description.keySchema().stream()
                .sorted((a, b) -> a.keyType() == KeyType.HASH ? -1 : b.keyType() == KeyType.HASH ? 1 : 0)
                .map(element -> new Part(element.attributeName(), typeOf(description, element)))
                .toList();
        return new TableKey(description.tableName(), parts);
    }

    List<String> names() {
        return parts.stream().map(Part::name).toList();
    }

    /** The table must be keyed exactly by the job's key fields, partition key first. */
    void requireMatches(String jobId, List<String> jobKey) {
        if (!names().equals(jobKey)) {
            throw new DestinationTableException("destination table " + table + " is keyed by "
                    + names() + " but job " + jobId + " declares key " + jobKey + "; make the "
                    + "job's schema.key the table's partition key (then its sort key), or point "
                    + "destination.table at a table keyed that way");
        }
    }

    private static ScalarAttributeType typeOf(TableDescription description, KeySchemaElement key) {
        return description.attributeDefinitions().stream()
                .filter(definition -> definition.attributeName().equals(key.attributeName()))
                .map(definition -> definition.attributeType())
                .findFirst()
                .orElse(ScalarAttributeType.S);
    }
}
