package dev.intake.aws.dynamodb;

import static dev.intake.aws.dynamodb.IntakeTable.PK;
import static dev.intake.aws.dynamodb.IntakeTable.SK;
import static dev.intake.aws.dynamodb.Items.n;
import static dev.intake.aws.dynamodb.Items.s;
import static dev.intake.aws.dynamodb.Items.time;

import dev.intake.port.PendingFiles;
import dev.intake.run.SourceObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link PendingFiles} in the Intake table: one item per object version under the job's
 * partition ({@code pk = JOB#<id>}, {@code sk = PENDING#<hash of bucket, key, version>}). The sort
 * key names the version, not the arrival time, so that a redelivered event finds the entry
 * and keeps its first arrival time (a conditional put). A job's pending files are few: they are
 * read with one Query and ordered by arrival in memory.
 */
public final class DynamoDbPendingFiles implements PendingFiles {

    private static final String PREFIX = "PENDING#";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbPendingFiles(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public void add(String jobId, PendingFile file) {
        SourceObject object = file.object();
        Map<String, AttributeValue> item = new HashMap<>(key(jobId, object));
        item.put("bucket", s(object.bucket()));
        item.put("key", s(object.key()));
        item.put("size", n(object.size()));
        item.put("arrivedAt", time(file.arrivedAt()));
        if (object.version() != null) {
            item.put("version", s(object.version()));
        }
        if (object.etag() != null) {
            item.put("etag", s(object.etag()));
        }
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException recordedBefore) {
            // The same version arrived again: one entry, with its first arrival time.
        }
    }

    @Override
    public List<PendingFile> list(String jobId) {
        return dynamoDb.queryPaginator(b -> b.tableName(table)
                        .keyConditionExpression("pk = :job AND begins_with(sk, :pending)")
                        .expressionAttributeValues(Map.of(
                                ":job", s(IntakeTable.jobPk(jobId)), ":pending", s(PREFIX)))
                        .consistentRead(true))
                .items()
                .stream()
                .map(DynamoDbPendingFiles::toFile)
                .sorted(Comparator.comparing(PendingFile::arrivedAt)
                        .thenComparing(file -> file.object().key()))
                .toList();
    }

    @Override
    public void remove(String jobId, SourceObject object) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(jobId, object)));
    }

    private static PendingFile toFile(Map<String, AttributeValue> item) {
        return new PendingFile(new SourceObject(Items.string(item, "bucket"),
                Items.string(item, "key"), Items.string(item, "version"),
                Items.string(item, "etag"), Items.number(item, "size")),
                Items.instant(item, "arrivedAt"));
    }

    private static Map<String, AttributeValue> key(String jobId, SourceObject object) {
        return Map.of(PK, s(IntakeTable.jobPk(jobId)), SK, s(PREFIX + identity(object)));
    }

    /** Hex SHA-256 of bucket, key and version: keys may be long, sort keys are bounded. */
    private static String identity(SourceObject object) {
        String text = object.bucket() + "\n" + object.key() + "\n" + object.version();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
