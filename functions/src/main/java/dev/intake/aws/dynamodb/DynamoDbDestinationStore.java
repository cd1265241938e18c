package dev.intake.aws.dynamodb;

import dev.intake.aws.Backoff;
import dev.intake.job.JobDefinition;
import dev.intake.port.DestinationStore;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@link DestinationStore} on DynamoDB. A job's records go to the table named by the configured
 * prefix plus {@code destination.table}; that table must be keyed by the job's key fields.
 *
 * <p>How each write mode maps to DynamoDB:
 * <ul>
 *   <li>replace: BatchWriteItem puts, 25 per call, UnprocessedItems sent again with backoff;</li>
 *   <li>insert-only: one PutItem per record with {@code attribute_not_exists} (BatchWriteItem
 *       takes no conditions); an existing record is left alone and not counted as failed;</li>
 *   <li>merge: one UpdateItem per record, {@code SET} of the fields the file gives.</li>
 * </ul>
 */
public final class DynamoDbDestinationStore implements DestinationStore {

    /**
     * Eight tries with waits up to 1.6 s, about 6 s in all, before rows are given up as failed:
     * long enough to ride out an on-demand table doubling its capacity, short of a Lambda
     * timeout.
     */
    public static final Backoff DEFAULT_BACKOFF =
            Backoff.of(Duration.ofMillis(50), Duration.ofMillis(1600), 8);

    private final DynamoDbClient dynamoDb;
    private final String tablePrefix;
    private final Backoff backoff;

    public DynamoDbDestinationStore(DynamoDbClient dynamoDb, String tablePrefix) {
        this(dynamoDb, tablePrefix, DEFAULT_BACKOFF);
    }

    public DynamoDbDestinationStore(DynamoDbClient dynamoDb, String tablePrefix, Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.tablePrefix = tablePrefix;
        this.backoff = backoff;
    }

    /** Reads the table's key once per run, so that a wrong table fails before any write. */
    @Override
    public Writer open(JobDefinition job, String runId) {
        String table = tablePrefix + job.destination().table();
        TableKey key = TableKey.of(describe(job.id(), table));
        key.requireMatches(job.id(), job.schema().key());
        return new TableWriter(dynamoDb, key, job.destination().mode(), backoff);
    }

    private TableDescription describe(String jobId, String table) {
        try {
            return dynamoDb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw new DestinationTableException("destination table " + table + " of job " + jobId
                    + " does not exist; create it keyed by the job's schema.key before "
                    + "activating the job", e);
        }
    }
}
