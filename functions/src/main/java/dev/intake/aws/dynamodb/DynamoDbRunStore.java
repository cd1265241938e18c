package dev.intake.aws.dynamodb;

import static dev.intake.aws.dynamodb.IntakeTable.GSI1;
import static dev.intake.aws.dynamodb.IntakeTable.GSI1_PK;
import static dev.intake.aws.dynamodb.IntakeTable.GSI1_SK;
import static dev.intake.aws.dynamodb.IntakeTable.PK;
import static dev.intake.aws.dynamodb.IntakeTable.RUN_SK;
import static dev.intake.aws.dynamodb.IntakeTable.SK;
import static dev.intake.aws.dynamodb.Items.change;
import static dev.intake.aws.dynamodb.Items.n;
import static dev.intake.aws.dynamodb.Items.s;
import static dev.intake.aws.dynamodb.Items.time;

import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.RunStore;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link RunStore} on the Intake table; see {@link IntakeTable} for the key design. */
public final class DynamoDbRunStore implements RunStore {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbRunStore(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /** A conditional put: of two deliveries of the same arrival, the second finds the first. */
    @Override
    public Created create(Run run) {
        try {
            dynamoDb.putItem(b -> b.tableName(table).item(RunItems.toItem(run))
                    .conditionExpression("attribute_not_exists(pk)"));
            return new Created(run, true);
        } catch (ConditionalCheckFailedException exists) {
            return new Created(find(run.id()).orElseThrow(() -> new ConflictException(
                    "run " + run.id() + " was reported to exist but cannot be read", exists)),
                    false);
        }
    }

    @Override
    public Optional<Run> find(String runId) {
        var item = dynamoDb.getItem(b -> b.tableName(table).key(key(runId)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RunItems.toRun(item));
    }

    /** ONE Query on the job's run index, newest first; more only if a page ends early. */
    @Override
    public List<Run> listByJob(String jobId, int limit) {
        List<Run> runs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = queryRuns(jobId, limit - runs.size(), start);
            page.items().forEach(item -> runs.add(RunItems.toRun(item)));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null && runs.size() < limit);
        return List.copyOf(runs);
    }

    @Override
    public Run transition(String runId, RunStatus from, RunStatus to, Instant at,
                          FailureReason reason) {
        if (!from.canMoveTo(to)) {
            throw new IllegalTransitionException("run " + runId + " cannot move from "
                    + from.label() + " to " + to.label() + "; from " + from.label()
                    + " it may move to " + from.next().stream().map(RunStatus::label).sorted()
                    .toList());
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":from", s(from.name()),
                ":to", s(to.name()),
                ":change", AttributeValue.fromL(List.of(change(to.label(), at,
                        reason == null ? null : reason.code())))));
        String set = "SET #status = :to, history = list_append(history, :change)";
        if (reason != null) {
            set += ", reasonCode = :code, reasonMessage = :message";
            values.put(":code", s(reason.code()));
            values.put(":message", s(reason.message()));
        }
        String update = set;
        try {
            return update(b -> b.conditionExpression("#status = :from")
                    .updateExpression(update)
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values), runId);
        } catch (ConditionalCheckFailedException e) {
            String now = find(runId).map(run -> "is " + run.status().label())
                    .orElse("does not exist");
            throw new ConflictException("run " + runId + " " + now + ", not " + from.label()
                    + ", so it was not moved to " + to.label() + "; another task changed it "
                    + "first", e);
        }
    }

    @Override
    public Run recordResults(String runId, RunCounts counts, String failedRecordsKey) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":counts", RunItems.counts(counts));
        String update = "SET #counts = :counts";
        if (failedRecordsKey != null) {
            update += ", failedRecordsKey = :key";
            values.put(":key", s(failedRecordsKey));
        } else {
            update += " REMOVE failedRecordsKey";
        }
        String expression = update;
        return updateExisting(runId, b -> b.updateExpression(expression)
                .expressionAttributeNames(Map.of("#counts", "counts"))
                .expressionAttributeValues(values));
    }

    @Override
    public Run recordNextRerun(String runId, Instant nextRerunAt) {
        if (nextRerunAt == null) {
            return updateExisting(runId, b -> b.updateExpression("REMOVE nextRerunAt"));
        }
        return updateExisting(runId, b -> b.updateExpression("SET nextRerunAt = :at")
                .expressionAttributeValues(Map.of(":at", time(nextRerunAt))));
    }

    @Override
    public Run recordNote(String runId, String code, String message, Instant at) {
        Map<String, AttributeValue> note = new LinkedHashMap<>();
        note.put("code", s(code));
        note.put("message", s(message));
        note.put("at", time(at));
        return updateExisting(runId, b -> b
                .updateExpression("SET notes = list_append(if_not_exists(notes, :none), :note)")
                .expressionAttributeValues(Map.of(
                        ":none", AttributeValue.fromL(List.of()),
                        ":note", AttributeValue.fromL(List.of(AttributeValue.fromM(note))))));
    }

    private QueryResponse queryRuns(String jobId, int limit, Map<String, AttributeValue> start) {
        return dynamoDb.query(b -> b.tableName(table).indexName(GSI1)
                .keyConditionExpression("gsi1pk = :runs")
                .expressionAttributeValues(Map.of(":runs", s(IntakeTable.runsOfJob(jobId))))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start));
    }

    private Run updateExisting(String runId,
                               java.util.function.Consumer<UpdateItemRequest.Builder> change) {
        try {
            return update(b -> {
                change.accept(b);
                b.conditionExpression("attribute_exists(pk)");
            }, runId);
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException("run " + runId + " does not exist; it must be created "
                    + "before its results are recorded", e);
        }
    }

    private Run update(java.util.function.Consumer<UpdateItemRequest.Builder> change,
                       String runId) {
        var response = dynamoDb.updateItem(b -> {
            b.tableName(table).key(key(runId)).returnValues(ReturnValue.ALL_NEW);
            change.accept(b);
        });
        return RunItems.toRun(response.attributes());
    }

    private static Map<String, AttributeValue> key(String runId) {
        return Map.of(PK, s(IntakeTable.runPk(runId)), SK, s(RUN_SK));
    }

    /** The run item's attributes, both ways. */
    static final class RunItems {

        private RunItems() {}

        static Map<String, AttributeValue> toItem(Run run) {
            Map<String, AttributeValue> item = new HashMap<>(key(run.id()));
            item.put("runId", s(run.id()));
            item.put("jobId", s(run.jobId()));
            item.put("attempt", n(run.attempt()));
            putIfPresent(item, "rerunOf", run.rerunOf());
            item.put("trigger", s(run.trigger().name()));
            item.put("source", source(run.source()));
            item.put("status", s(run.status().name()));
            item.put("counts", counts(run.counts() == null ? RunCounts.NONE : run.counts()));
            if (run.reason() != null) {
                item.put("reasonCode", s(run.reason().code()));
                item.put("reasonMessage", s(run.reason().message()));
            }
            putIfPresent(item, "failedRecordsKey", run.failedRecordsKey());
            putIfPresent(item, "executionId", run.executionId());
            if (run.nextRerunAt() != null) {
                item.put("nextRerunAt", time(run.nextRerunAt()));
            }
            item.put("history", AttributeValue.fromL(run.history().stream()
                    .map(c -> change(c.status(), c.at(), c.cause())).toList()));
            item.put(GSI1_PK, s(IntakeTable.runsOfJob(run.jobId())));
            item.put(GSI1_SK, s(Items.sortable(created(run)) + "#" + run.id()));
            return item;
        }

        static Run toRun(Map<String, AttributeValue> item) {
            String reasonCode = Items.string(item, "reasonCode");
            return new Run(
                    Items.string(item, "runId"),
                    Items.string(item, "jobId"),
                    (int) Items.number(item, "attempt"),
                    Items.string(item, "rerunOf"),
                    Trigger.valueOf(Items.string(item, "trigger")),
                    source(item.get("source").m()),
                    RunStatus.valueOf(Items.string(item, "status")),
                    counts(item.get("counts").m()),
                    reasonCode == null ? null
                            : new FailureReason(reasonCode, Items.string(item, "reasonMessage")),
                    Items.string(item, "failedRecordsKey"),
                    Items.string(item, "executionId"),
                    Items.instant(item, "nextRerunAt"),
                    Items.history(item));
        }

        /** The run index sorts by the time of the run's first status, which it must have. */
        private static Instant created(Run run) {
            List<StatusChange> history = run.history();
            if (history.isEmpty()) {
                throw new IllegalArgumentException("run " + run.id() + " has no status history; "
                        + "a new run starts with its first status and that status's time");
            }
            return history.get(0).at();
        }

        static AttributeValue counts(RunCounts counts) {
            return AttributeValue.fromM(Map.of(
                    "read", n(counts.read()),
                    "valid", n(counts.valid()),
                    "imported", n(counts.imported()),
                    "failed", n(counts.failed()),
                    "duplicates", n(counts.duplicates())));
        }

        private static RunCounts counts(Map<String, AttributeValue> m) {
            return new RunCounts(Items.number(m, "read"), Items.number(m, "valid"),
                    Items.number(m, "imported"), Items.number(m, "failed"),
                    Items.number(m, "duplicates"));
        }

        private static AttributeValue source(SourceObject source) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put("bucket", s(source.bucket()));
            m.put("key", s(source.key()));
            putIfPresent(m, "version", source.version());
            putIfPresent(m, "etag", source.etag());
            m.put("size", n(source.size()));
            return AttributeValue.fromM(m);
        }

        private static SourceObject source(Map<String, AttributeValue> m) {
            return new SourceObject(Items.string(m, "bucket"), Items.string(m, "key"),
                    Items.string(m, "version"), Items.string(m, "etag"), Items.number(m, "size"));
        }

        private static void putIfPresent(Map<String, AttributeValue> item, String name,
                                         String value) {
            if (value != null) {
                item.put(name, s(value));
            }
        }
    }
}
