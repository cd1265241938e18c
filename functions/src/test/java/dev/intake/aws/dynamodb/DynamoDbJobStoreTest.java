package dev.intake.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.aws.AwsClients;
import dev.intake.aws.testing.AwsServicesExtension;
import dev.intake.aws.testing.TestAws;
import dev.intake.job.Job;
import dev.intake.job.JobDefinition;
import dev.intake.job.JobStatus;
import dev.intake.port.ConflictException;
import dev.intake.port.IllegalTransitionException;
import dev.intake.run.StatusChange;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsServicesExtension.class)
class DynamoDbJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-12-04T06:00:00Z");
    private static final Instant T1 = Instant.parse("2026-12-04T06:00:00.5Z");

    private static AwsClients clients;
    private static DynamoDbJobStore store;

    @BeforeAll
    static void createTable(TestAws aws) {
        clients = aws.clients(Map.of());
        store = new DynamoDbJobStore(clients.dynamoDb(), TestTables.createIntakeTable(
                clients.dynamoDb()));
    }

    @AfterAll
    static void closeClients() {
        clients.dynamoDb().close();
    }

    @Nested
    class Creating {

        @Test
        void a_new_job_is_a_draft_with_its_definition_and_first_status() {
            JobDefinition definition = TestJobs.storeLocations("create-draft");

            Job created = store.create(definition, T0, "created by ops");

            Job expected = new Job(definition, JobStatus.DRAFT, T0, 1);
            assertThat(created).isEqualTo(expected);
            assertThat(store.find("create-draft")).contains(expected);
            assertThat(store.history("create-draft"))
                    .containsExactly(new StatusChange("draft", T0, "created by ops"));
        }

        @Test
        void a_taken_id_is_a_conflict() {
            store.create(TestJobs.storeLocations("create-twice"), T0, "first");

            assertThatThrownBy(() -> store.create(TestJobs.storeLocations("create-twice"), T1,
                    "second"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("job create-twice exists already; choose another id or update "
                            + "the existing job's definition");
            assertThat(store.history("create-twice")).hasSize(1);
        }

        @Test
        void an_unknown_job_is_absent() {
            assertThat(store.find("no-such-job")).isEmpty();
            assertThat(store.history("no-such-job")).isEmpty();
        }
    }

    @Nested
    class Transitions {

        @Test
        void a_transition_changes_status_and_version_and_appends_history() {
            store.create(TestJobs.storeLocations("move-active"), T0, "created");

            Job moved = store.transition("move-active", JobStatus.DRAFT, JobStatus.ACTIVE, T1,
                    "activated");

            assertThat(moved.status()).isEqualTo(JobStatus.ACTIVE);
            assertThat(moved.statusSince()).isEqualTo(T1);
            assertThat(moved.version()).isEqualTo(2);
            assertThat(store.history("move-active")).containsExactly(
                    new StatusChange("draft", T0, "created"),
                    new StatusChange("active", T1, "activated"));
        }

        @Test
        void the_loser_of_two_writers_gets_a_conflict_naming_the_current_status() {
            store.create(TestJobs.storeLocations("race"), T0, "created");
            store.transition("race", JobStatus.DRAFT, JobStatus.ACTIVE, T1, "writer one");

            assertThatThrownBy(() -> store.transition("race", JobStatus.DRAFT,
                    JobStatus.SAMPLING, T1, "writer two"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("job race is active, not draft, so it was not moved to sampling; "
                            + "another change came first: reload the job and decide again");
            assertThat(store.find("race").orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
            assertThat(store.history("race")).hasSize(2);
        }

        @Test
        void a_move_the_lifecycle_forbids_is_refused_before_any_write() {
            store.create(TestJobs.storeLocations("forbidden"), T0, "created");

            assertThatThrownBy(() -> store.transition("forbidden", JobStatus.DRAFT,
                    JobStatus.HALTED, T1, "no"))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessage("job forbidden cannot move from draft to halted; from draft it "
                            + "may move to [active, sampling]");
            assertThat(store.find("forbidden").orElseThrow().version()).isEqualTo(1);
        }

        @Test
        void moving_a_missing_job_is_a_conflict() {
            assertThatThrownBy(() -> store.transition("ghost", JobStatus.ACTIVE,
                    JobStatus.PAUSED, T1, "pause"))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("job ghost does not exist, not active, so it was not moved to "
                            + "paused; another change came first: reload the job and decide "
                            + "again");
        }
    }

    @Nested
    class Listing {

        @Test
        void jobs_by_status_follow_their_transitions() {
            store.create(TestJobs.storeLocations("list-b"), T0, "created");
            store.create(TestJobs.storeLocations("list-a"), T0, "created");
            store.transition("list-b", JobStatus.DRAFT, JobStatus.ACTIVE, T1, "activated");

            assertThat(store.listByStatus(JobStatus.ACTIVE)).extracting(Job::id)
                    .contains("list-b").doesNotContain("list-a");
            assertThat(store.listByStatus(JobStatus.DRAFT)).extracting(Job::id)
                    .contains("list-a").doesNotContain("list-b");
        }

        @Test
        void all_jobs_are_ordered_by_id_whatever_their_status() {
            store.create(TestJobs.storeLocations("order-c"), T0, "created");
            store.create(TestJobs.storeLocations("order-a"), T0, "created");
            store.create(TestJobs.storeLocations("order-b"), T0, "created");
            store.transition("order-c", JobStatus.DRAFT, JobStatus.ACTIVE, T1, "activated");

            assertThat(store.list()).extracting(Job::id).filteredOn(id -> id.startsWith("order-"))
                    .containsExactly("order-a", "order-b", "order-c");
        }
    }

    @Nested
    class Changing {

        @Test
        void a_new_definition_keeps_the_status_and_bumps_the_version() {
            store.create(TestJobs.storeLocations("redefine"), T0, "created");
            JobDefinition changed = TestJobs.job("redefine", "other-table",
                    JobDefinition.WriteMode.MERGE, java.util.List.of("zip_code"));

            Job updated = store.updateDefinition(changed, T1);

            assertThat(updated).isEqualTo(new Job(changed, JobStatus.DRAFT, T0, 2));
        }

        @Test
        void redefining_a_missing_job_is_a_conflict() {
            assertThatThrownBy(() -> store.updateDefinition(TestJobs.storeLocations("absent"),
                    T1))
                    .isInstanceOf(ConflictException.class)
                    .hasMessage("job absent does not exist; create it before updating its "
                            + "definition");
        }

        @Test
        void a_deleted_job_is_gone() {
            store.create(TestJobs.storeLocations("deleted"), T0, "created");

            store.delete("deleted");

            assertThat(store.find("deleted")).isEmpty();
        }
    }
}
