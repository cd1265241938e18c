package dev.intake.aws.dynamodb;

import static dev.intake.aws.dynamodb.IntakeTable.GSI1;
import static dev.intake.aws.dynamodb.IntakeTable.GSI1_PK;
import static dev.intake.aws.dynamodb.IntakeTable.GSI1_SK;
import static dev.intake.aws.dynamodb.IntakeTable.JOB_SK;
import static dev.intake.aws.dynamodb.IntakeTable.PK;
import static dev.intake.aws.dynamodb.IntakeTable.SK;
import static dev.intake.aws.dynamodb.Items.changeList;
import static dev.intake.aws.dynamodb.Items.n;
import static dev.intake.aws.dynamodb.Items.s;
import static dev.intake.aws.dynamodb.Items.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.JobStore;
import dev.intake.run.StatusChange;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** {@link JobStore} on the Intake table; see {@link IntakeTable} for the key design. */
public final class DynamoDbJobStore implements JobStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbJobStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public Job create(JobDefinition definition, Instant at, String cause) {
        Map<String, AttributeValue> item = new HashMap<>(key(definition.id()));
        item.put("jobId", s(definition.id()));
        item.put("definition", s(toJson(definition)));
        item.put("status", s(JobStatus.DRAFT.name()));
        item.put("statusSince", time(at));
        item.put("version", n(1));
        item.put("history", changeList(JobStatus.DRAFT.label(), at, cause));
        item.put(GSI1_PK, s(IntakeTable.jobsWithStatus(JobStatus.DRAFT.name())));
        item.put(GSI1_SK, s(definition.id()));
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("job " + definition.id() + " exists already; choose "
                    + "another id or update the existing job's definition", e);
        }
        return toJob(item);
    }

    @Override
    public Job updateDefinition(JobDefinition definition, Instant at) {
        try {
            var updated = dynamoDb.updateItem(b -> b.tableName(table).key(key(definition.id()))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET #definition = :definition, #version = #version + :one")
                    .expressionAttributeNames(Map.of(
                            "#definition", "definition", "#version", "version"))
                    .expressionAttributeValues(Map.of(
                            ":definition", s(toJson(definition)), ":one", n(1)))
                    .returnValues(ReturnValue.ALL_NEW));
            return toJob(updated.attributes());
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("job " + definition.id() + " does not exist; create it "
                    + "before updating its definition", e);
        }
    }

    @Override
    public Optional<Job> find(String jobId) {
        Map<String, AttributeValue> item = item(jobId);
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toJob(item));
    }

    /** One Query per status on the status index, merged and ordered by id. */
    @Override
    public List<Job> list() {
        return Arrays.stream(JobStatus.values())
                .flatMap(status -> listByStatus(status).stream())
                .sorted(Comparator.comparing(Job::id))
                .toList();
    }

    @Override
    public List<Job> listByStatus(JobStatus status) {
        return dynamoDb.queryPaginator(b -> b.tableName(table).indexName(GSI1)
                        .keyConditionExpression("gsi1pk = :status")
                        .expressionAttributeValues(Map.of(
                                ":status", s(IntakeTable.jobsWithStatus(status.name())))))
                .items()
                .stream()
                .map(this::toJob)
                .toList();
    }

    @Override
    public Job transition(String jobId, JobStatus from, JobStatus to, Instant at, String cause) {
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("job " + jobId + " cannot move from "
                    + from.label() + " to " + to.label() + "; from " + from.label()
                    + " it may move to " + labels(from));
        }
        try {
            var updated = dynamoDb.updateItem(b -> b.tableName(table).key(key(jobId))
                    .conditionExpression("#status = :from")
                    .updateExpression("SET #status = :to, statusSince = :at, "
                            + "#version = #version + :one, gsi1pk = :index, "
                            + "history = list_append(history, :change)")
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(Map.of(
                            ":from", s(from.name()),
                            ":to", s(to.name()),
                            ":at", time(at),
                            ":one", n(1),
                            ":index", s(IntakeTable.jobsWithStatus(to.name())),
                            ":change", changeList(to.label(), at, cause)))
                    .returnValues(ReturnValue.ALL_NEW));
            return toJob(updated.attributes());
        } catch (ConditionalCheckFailedException e) {
            throw lostRace(jobId, from, to, e);
        }
    }

    @Override
    public List<StatusChange> history(String jobId) {
        Map<String, AttributeValue> item = item(jobId);
        return item == null || item.isEmpty() ? List.of() : Items.history(item);
    }

    @Override
    public void delete(String jobId) {
        dynamoDb.deleteItem(b -> b.tableName(table).key(key(jobId)));
    }

    private ConflictException lostRace(String jobId, JobStatus from, JobStatus to,
                                       ConditionalCheckFailedException cause) {
        String now = find(jobId).map(job -> "is " + job.status().label()).orElse("does not exist");
        return new ConflictException("job " + jobId + " " + now + ", not " + from.label()
                + ", so it was not moved to " + to.label() + "; another change came first: "
                + "reload the job and decide again", cause);
    }

    private Map<String, AttributeValue> item(String jobId) {
        return dynamoDb.getItem(b -> b.tableName(table).key(key(jobId)).consistentRead(true))
                .item();
    }

    private Job toJob(Map<String, AttributeValue> item) {
        return new Job(
                fromJson(Items.string(item, "definition")),
                JobStatus.valueOf(Items.string(item, "status")),
                Items.instant(item, "statusSince"),
                Items.number(item, "version"));
    }

    private static Map<String, AttributeValue> key(String jobId) {
        return Map.of(PK, s(IntakeTable.jobPk(jobId)), SK, s(JOB_SK));
    }

    private static String labels(JobStatus from) {
        return from.next().stream().map(JobStatus::label).sorted().toList().toString();
    }

    private static String toJson(JobDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("job definition " + definition.id()
                    + " could not be written as JSON", e);
        }
    }

    private static JobDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, JobDefinition.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored job definition is not valid JSON", e);
        }
    }
}
