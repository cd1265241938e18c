package dev.intake.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.aws.AwsConfig;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.CountingInterceptor;
import dev.intake.aws.testing.TestAws;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.port.RunStore.Created;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(AwsServicesExtension.class)
class DynamoDbRunStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");
    private static final SourceObject SOURCE = new SourceObject("intake-files",
            "incoming/store-locations/a+b file.csv", "v1", "etag-1", 5120);

    private static final CountingInterceptor CALLS = new CountingInterceptor();
    private static DynamoDbClient dynamoDb;
    private static DynamoDbRunStore store;

    @BeforeAll
    static void createTable(TestAws aws) {
        dynamoDb = countingClient(aws.config(Map.of()));
        store = new DynamoDbRunStore(dynamoDb, TestTables.createIntakeTable(dynamoDb));
    }

    @AfterAll
    static void closeClient() {
        dynamoDb.close();
    }

    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    @Nested
    class Creating {

        @Test
        void a_new_run_is_stored_with_every_field() {
            Run run = new Run("run-full", "job-full", 2, "run-first", Trigger.RERUN, SOURCE,
                    RunStatus.VALIDATING, new RunCounts(10, 9, 0, 1, 0),
                    new FailureReason("DEPENDENCY_UNAVAILABLE", "DynamoDB throttled"),
                    "failed-records/job-full/run-full.csv", "arn:aws:states:x:execution:y:z",
                    T0.plusSeconds(900), List.of(new StatusChange("validating", T0, null)));

            Created created = store.create(run);

            assertThat(created).isEqualTo(new Created(run, true));
            assertThat(store.find("run-full")).contains(run);
        }

        /** A redelivered arrival finds the first run and changes nothing. */
        @Test
        void a_second_create_with_the_same_id_returns_the_first_run() {
            Run first = run("run-once", "job-once", T0);
            store.create(first);
            store.transition("run-once", RunStatus.VALIDATING, RunStatus.PROCESSING,
                    T0.plusSeconds(1), null);

            Created again = store.create(run("run-once", "job-once", T0.plusSeconds(5)));

            assertThat(again.created()).isFalse();
            assertThat(again.run().status()).isEqualTo(RunStatus.PROCESSING);
            assertThat(again.run().history()).hasSize(2);
        }

        @Test
        void a_run_without_a_first_status_is_refused() {
            Run bare = new Run("run-bare", "job", 1, null, Trigger.UPLOAD, SOURCE,
                    RunStatus.VALIDATING, RunCounts.NONE, null, null, null, null, List.of());

            assertThatThrownBy(() -> store.create(bare))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("run run-bare has no status history; a new run starts with its "
                            + "first status and that status's time");
        }
    }

    @Nested
    class History {

        /** Seven runs, created in shuffled order; half a second apart to test string order. */
        @Test
        void the_last_five_runs_come_newest_first_in_one_query() {
            List<Integer> order = List.of(3, 0, 6, 1, 5, 2, 4);
            order.forEach(i -> store.create(run("hist-" + i, "job-history",
                    T0.plus(Duration.ofMillis(500L * i)))));
            store.create(run("other-job-run", "job-elsewhere", T0.plusSeconds(60)));
            CALLS.clear();

            List<Run> lastFive = store.listByJob("job-history", 5);

            assertThat(lastFive).extracting(Run::id)
                    .containsExactly("hist-6", "hist-5", "hist-4", "hist-3", "hist-2");
            assertThat(CALLS.requests()).containsExactly("Query");
        }

        @Test
        void the_whole_history_lists_every_run_of_the_job() {
            IntStream.range(0, 3).forEach(i -> store.create(run("all-" + i, "job-all",
                    T0.plusSeconds(i))));

            assertThat(store.listByJob("job-all", 100)).extracting(Run::id)
                    .containsExactly("all-2", "all-1", "all-0");
        }
    }

    @Nested
    class Transitions {

        @Test
        void a_transition_records_the_status_its_time_and_the_reason() {
            store.create(run("move", "job-move", T0));
            store.transition("move", RunStatus.VALIDATING, RunStatus.FAILED, T0.plusSeconds(2),
                    new FailureReason("EMPTY_FILE", "the file is empty"));

            Run moved = store.find("move").orElseThrow();

            assertThat(moved.status()).isEqualTo(RunStatus.FAILED);
            assertThat(moved.reason()).isEqualTo(new FailureReason("EMPTY_FILE",
                    "the file is empty"));
            assertThat(moved.history()).containsExactly(
                    new StatusChange("validating", T0, null),
                    new StatusChange("failed", T0.plusSeconds(2), "EMPTY_FILE"));
        }

        @Test
        void a_stale_expected_status_is_a_conflict() {
            store.create(run("stale", "job-stale", T0));
            store.transition("stale", RunStatus.VALIDATING, RunStatus.PROCESSING, T0, null);

            assertThatThrownBy(() -> store.transition("stale", RunStatus.VALIDATING,
                    RunStatus.FAILED, T0, new FailureReason("X", "y")))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("run stale is processing, not validating, so it was not moved "
                            + "to failed; another task changed it first");
        }

        @Test
        void a_forbidden_move_is_refused() {
            assertThatThrownBy(() -> store.transition("any", RunStatus.COMPLETED,
                    RunStatus.IMPORTING, T0, null))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("run any cannot move from completed to importing; from completed "
                            + "it may move to []");
        }
    }

    @Nested
    class Recording {

        @Test
        void results_next_rerun_and_notes_are_recorded_without_a_status_change() {
            store.create(run("record", "job-record", T0));

            store.recordResults("record", new RunCounts(100, 97, 95, 3, 2),
                    "failed-records/job-record/record.csv");
            store.recordNextRerun("record", T0.plusSeconds(900));
            Run noted = store.recordNote("record", "MAIL_REFUSED", "SES refused the email",
                    T0.plusSeconds(1));

            assertThat(noted.status()).isEqualTo(RunStatus.VALIDATING);
            assertThat(noted.counts()).isEqualTo(new RunCounts(100, 97, 95, 3, 2));
            assertThat(noted.failedRecordsKey()).isEqualTo("failed-records/job-record/record.csv");
            assertThat(noted.nextRerunAt()).isEqualTo(T0.plusSeconds(900));
        }

        @Test
        void clearing_the_next_rerun_removes_it() {
            store.create(run("clear", "job-clear", T0));
            store.recordNextRerun("clear", T0.plusSeconds(900));

            assertThat(store.recordNextRerun("clear", null).nextRerunAt()).isNull();
        }

        @Test
        void recording_on_a_missing_run_is_a_conflict() {
            assertThatThrownBy(() -> store.recordResults("missing", RunCounts.NONE, null))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("run missing does not exist; it must be created before its "
                            + "results are recorded");
        }
    }

    private static Run run(String id, String jobId, Instant created) {
        return new Run(id, jobId, 1, null, Trigger.UPLOAD, SOURCE, RunStatus.VALIDATING,
                RunCounts.NONE, null, null, null, null,
                List.of(new StatusChange("validating", created, null)));
    }

    private static DynamoDbClient countingClient(AwsConfig config) {
        return DynamoDbClient.builder()
                .region(Region.of(config.region()))
                .endpointOverride(config.endpoint(AwsConfig.Service.DYNAMODB).orElseThrow())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.credentials().accessKeyId(), config.credentials().secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(CALLS))
                .build();
    }
}
