package dev.intake.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.ExecutionResult;
import dev.intake.asl.ExecutionStatus;
import dev.intake.asl.HistoryEvent;
import dev.intake.asl.HistoryEventType;
import dev.intake.job.JobStatus;
import dev.intake.port.Mailer.Email;
import dev.intake.port.ObjectStore.ObjectInfo;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.RunStatus;
import dev.intake.run.StatusChange;
import dev.intake.run.Trigger;
import dev.intake.workflow.RunRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The import-run state machine end to end: interpreter, handlers, in-memory ports. */
class ImportRunWorkflowTest {

    private static final String JOB = "store-locations";
    private static final String KEY = "incoming/store-locations/2026-12-04.csv";
    private static final String IMPORT_UNAVAILABLE = "Stopped while importing: injected fault %d"
            + " of %d in step import of run %s: the dependency is unavailable (FaultInjector)"
            + " (error dev.intake.workflow.DependencyUnavailableException)";

    private static final List<String> STORE_ROWS = List.of(
            "00501={zip_code=00501, city=Holtsville, latitude=40.8154}",
            "00544={zip_code=00544, city=Holtsville, latitude=40.8154}",
            "10001={zip_code=10001, city=New York, latitude=40.7484}",
            "60601={zip_code=60601, city=Chicago, latitude=41.8858}",
            "94105={zip_code=94105, city=San Francisco, latitude=37.7898}");

    private static ObjectInfo uploadAndArrive(WorkflowHarness harness, String file) {
        ObjectInfo object = harness.uploadResource(KEY, file);
        harness.arrive(WorkflowHarness.s3Event(object));
        return object;
    }

    private static List<String> statuses(Run run) {
        return run.history().stream().map(StatusChange::status).toList();
    }

    private static List<Instant> failedAt(List<Run> runs) {
        return runs.stream()
                .map(run -> run.history().stream()
                        .filter(change -> change.status().equals("failed"))
                        .findFirst().orElseThrow().at())
                .toList();
    }

    @Nested
    class WhenEveryStepWorks {

        @Test
        void theRunGoesThroughEachStatusAndImportsEveryRow() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            ExecutionResult execution = harness.onlyExecution();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).hasSize(1);
            Run run = runs.get(0);
            assertThat(statuses(run))
                    .containsExactly("validating", "processing", "importing", "completed");
            assertThat(run.attempt()).isEqualTo(1);
            assertThat(run.trigger()).isEqualTo(Trigger.UPLOAD);
            assertThat(run.rerunOf()).isNull();
            assertThat(run.counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
            assertThat(run.failedRecordsKey()).isNull();
            assertThat(run.executionId()).isEqualTo(execution.executionArn());
            assertThat(harness.destinations.rows(JOB)).isEqualTo(STORE_ROWS);
            assertThat(harness.mailer.sent()).isEmpty();
        }

        @Test
        void aBadRowEndsPartiallyCompletedWithOneEmailWhoseHtmlEscapesTheFile() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo object = harness.uploadResource(
                    "incoming/store-locations/<q4> & more.csv", "stores-one-bad-row.csv");

            harness.arrive(WorkflowHarness.s3Event(object));

            Run run = harness.runsOf(JOB).get(0);
            assertThat(run.status()).isEqualTo(RunStatus.PARTIALLY_COMPLETED);
            assertThat(run.counts()).isEqualTo(new RunCounts(4, 3, 3, 1, 0));
            assertThat(run.failedRecordsKey())
                    .isEqualTo("failed-records/store-locations/" + run.id() + ".csv");
            assertThat(harness.mailer.sent()).hasSize(1);
            Email email = harness.mailer.sent().get(0);
            assertThat(email.to()).containsExactly("ops@example.com");
            assertThat(email.subject()).isEqualTo("[Intake] store-locations: partially completed,"
                    + " incoming/store-locations/<q4> & more.csv");
            assertThat(email.dedupKey()).isEqualTo("run/" + run.id() + "/partially_completed");
            assertThat(email.html())
                    .contains("incoming/store-locations/&lt;q4&gt; &amp; more.csv")
                    .doesNotContain("<q4>");
            assertThat(email.text()).contains("Failed: 1 (25.00 %)")
                    .contains("Failed records (CSV): memory://intake-files/failed-records/"
                            + "store-locations/" + run.id() + ".csv");
            ExecutionResult execution = harness.onlyExecution();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.output().get("run")).isEqualTo(WorkflowHarness.readJson(
                    "{\"runId\":\"" + run.id() + "\",\"jobId\":\"store-locations\","
                            + "\"attempt\":1,\"status\":\"partially_completed\","
                            + "\"outcome\":\"partially_completed\",\"counts\":{\"read\":4,"
                            + "\"valid\":3,\"imported\":3,\"failed\":1,\"duplicates\":0},"
                            + "\"failedPercent\":25.00,\"note\":null}"));
        }

        @Test
        void theDefinitionNamesErrorsExactlyAsStepFunctionsSpellsThem() {
            // ErrorEquals is case-sensitive: "states.all" would never match and never retry.
            JsonNode definition = WorkflowHarness.readJson(WorkflowHarness.definitionText());

            assertThat(definition.findValues("ErrorEquals")).isNotEmpty()
                    .allSatisfy(names -> assertThat(names.toString())
                            .isEqualTo("[\"States.ALL\"]"));
        }
    }

    @Nested
    class WhenAStepFailsFewerThanSixTimes {

        @ParameterizedTest(name = "{0} failures")
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void theRunCompletesOnTheNextAttemptAfterFailedAttempts900SecondsApart(int failures) {
            WorkflowHarness harness = new WorkflowHarness("import:" + failures);
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).hasSize(failures + 1);
            List<Run> failed = runs.subList(0, failures);
            Run last = runs.get(failures);
            String first = runs.get(0).id();
            for (int i = 0; i < failures; i++) {
                Run run = failed.get(i);
                assertThat(run.attempt()).isEqualTo(i + 1);
                assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                assertThat(run.reason()).isEqualTo(new FailureReason("DEPENDENCY_UNAVAILABLE",
                        IMPORT_UNAVAILABLE.formatted(i + 1, failures, run.id())));
                assertThat(run.trigger()).isEqualTo(i == 0 ? Trigger.UPLOAD : Trigger.RERUN);
                assertThat(run.rerunOf()).isEqualTo(i == 0 ? null : first);
                assertThat(run.nextRerunAt()).isNull();
            }
            List<Instant> times = failedAt(failed);
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i)))
                        .isEqualTo(Duration.ofSeconds(900));
            }
            assertThat(last.attempt()).isEqualTo(failures + 1);
            assertThat(last.rerunOf()).isEqualTo(first);
            assertThat(last.trigger()).isEqualTo(Trigger.RERUN);
            assertThat(last.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(last.counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
            assertThat(harness.destinations.rows(JOB)).isEqualTo(STORE_ROWS);
            assertThat(harness.mailer.sent()).isEmpty();
            assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.ACTIVE);
            assertThat(harness.onlyExecution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }

        @Test
        void eachFailedAttemptAnnouncesItsRerunUntilTheRerunStarts() {
            WorkflowHarness harness = new WorkflowHarness("import:2");
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<JsonNode> recorded = outputsOf(harness.onlyExecution(), "RecordFailure");
            List<Instant> failures = failedAt(harness.runsOf(JOB).subList(0, 2));
            assertThat(recorded).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(recorded.get(i).get("attempt").asInt()).isEqualTo(i + 1);
                assertThat(Instant.parse(recorded.get(i).get("nextRerunAt").asText()))
                        .isEqualTo(failures.get(i).plusSeconds(900));
            }
            assertThat(harness.onlyExecution().events(HistoryEventType.RetryScheduled, "RunAttempt")
                    .stream().map(event -> event.details().get("delaySeconds").asInt()))
                    .containsExactly(900, 900);
        }

        @Test
        void aRerunResumesAtTheStepThatDidNotFinish() {
            WorkflowHarness harness = new WorkflowHarness("import:1");
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<Run> runs = harness.runsOf(JOB);
            assertThat(statuses(runs.get(0)))
                    .containsExactly("validating", "processing", "importing", "failed");
            assertThat(statuses(runs.get(1))).containsExactly("importing", "completed");
            ExecutionResult execution = harness.onlyExecution();
            assertThat(execution.invocationCount("Validate")).isEqualTo(1);
            assertThat(execution.invocationCount("Process")).isEqualTo(1);
            assertThat(execution.invocationCount("Import")).isEqualTo(2);
        }
    }

    @Nested
    class WhenStartRunFailsBeforeTheRunExists {

        @Test
        void anUploadAttemptIsRecordedFailedWithTheErrorItHad() {
            WorkflowHarness harness = new WorkflowHarness("start:1");
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).extracting(Run::status)
                    .containsExactly(RunStatus.FAILED, RunStatus.COMPLETED);
            assertThat(runs.get(0).reason()).isEqualTo(new FailureReason(
                    "DEPENDENCY_UNAVAILABLE", "Stopped while starting: injected fault 1 of 1 in"
                            + " step start of run " + runs.get(0).id() + ": the dependency is"
                            + " unavailable (FaultInjector) (error"
                            + " dev.intake.workflow.DependencyUnavailableException)"));
            assertThat(runs.get(0).trigger()).isEqualTo(Trigger.UPLOAD);
            assertThat(runs.get(1).rerunOf()).isEqualTo(runs.get(0).id());
        }

        @Test
        void aScheduledAttemptThatPickedNoFileYetIsRecordedByTheRerun() {
            WorkflowHarness harness = new WorkflowHarness("start:1");
            harness.activeJob("stores.yaml");
            ObjectInfo file = harness.uploadResource(KEY, "stores.csv");

            harness.start("schedule-1", new RunRequest(Trigger.SCHEDULE, JOB, null, null));

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).extracting(Run::id).containsExactly("schedule-1-1", "schedule-1-2");
            assertThat(runs.get(0).reason()).isEqualTo(new FailureReason("ATTEMPT_NOT_RECORDED",
                    "Attempt 1 failed before its run existed, and its error could not be"
                            + " recorded either; the execution history of schedule-1 shows it"));
            assertThat(runs).extracting(run -> run.source().key())
                    .containsExactly(file.key(), file.key());
            assertThat(runs.get(1).status()).isEqualTo(RunStatus.COMPLETED);
        }
    }

    @Nested
    class WhenTheLastRerunFailsToo {

        @Test
        void theLastAttemptAndTheJobAreHaltedWithOneEmailNamingEveryAttempt() {
            WorkflowHarness harness = new WorkflowHarness("import:6");
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).extracting(Run::attempt).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(runs).extracting(Run::status).containsExactly(RunStatus.FAILED,
                    RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED, RunStatus.FAILED,
                    RunStatus.HALTED);
            assertThat(statuses(runs.get(5))).containsExactly("importing", "failed", "halted");
            assertThat(harness.jobs.find(JOB).orElseThrow().status()).isEqualTo(JobStatus.HALTED);
            assertThat(harness.schedules.find(JOB).orElseThrow().enabled()).isFalse();
            assertThat(harness.destinations.rows(JOB)).isEmpty();
            assertThat(harness.objects.list(WorkflowHarness.BUCKET, "staging/")).isEmpty();

            assertThat(harness.mailer.sent()).hasSize(1);
            Email email = harness.mailer.sent().get(0);
            assertThat(email.subject()).isEqualTo("[Intake] store-locations halted after 6 failed"
                    + " attempts: " + KEY);
            List<Instant> times = failedAt(runs);
            for (Run run : runs) {
                assertThat(email.text()).contains(run.attempt() + " | " + run.id() + " | "
                        + times.get(run.attempt() - 1) + " | DEPENDENCY_UNAVAILABLE: "
                        + IMPORT_UNAVAILABLE.formatted(run.attempt(), 6, run.id()));
            }
            assertThat(email.text())
                    .contains("File: s3://intake-files/" + KEY + " (version v1)")
                    .contains("    intake jobs reactivate store-locations")
                    .contains("Failed records: none");
            assertThat(email.dedupKey()).isEqualTo("halt/" + harness.executions.keySet()
                    .iterator().next());

            ExecutionResult execution = harness.onlyExecution();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(execution.error()).isEqualTo("Intake.JobHalted");
        }

        @Test
        void aHaltRepeatedAfterItsEndSendsNoSecondEmail() {
            WorkflowHarness harness = new WorkflowHarness("import:6");
            harness.activeJob("stores.yaml");
            uploadAndArrive(harness, "stores.csv");
            String execution = harness.executions.keySet().iterator().next();

            JsonNode again = harness.call("HaltFunction", WorkflowHarness.readJson(
                    "{\"executionName\":\"" + execution + "\",\"executionId\":\"x\"}"));

            assertThat(again.get("alreadyHalted").asBoolean()).isTrue();
            assertThat(harness.mailer.sent()).hasSize(1);
        }
    }

    @Nested
    class WhenTheScheduleFires {

        @Test
        void itImportsTheNewestFileOnceAndThenFindsNothingNew() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            harness.uploadResource("incoming/store-locations/b-older.csv",
                    "stores-one-bad-row.csv");
            harness.virtualClock.advanceTo(WorkflowHarness.START.plusSeconds(60));
            ObjectInfo newest = harness.uploadResource("incoming/store-locations/a-newer.csv",
                    "stores.csv");
            RunRequest scheduled = new RunRequest(Trigger.SCHEDULE, JOB, null, null);

            harness.start("schedule-1", scheduled);
            harness.start("schedule-2", scheduled);

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(runs.get(0).source().key()).isEqualTo(newest.key());
            assertThat(runs.get(0).id()).isEqualTo("schedule-1-1");
            ExecutionResult second = harness.executions.get("schedule-2");
            assertThat(second.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(second.output().at("/run/note").asText()).isEqualTo("file "
                    + newest.key() + " (version " + newest.version() + ") was taken already by"
                    + " run schedule-1-1, now completed");
        }
    }

    @Nested
    class WhenTheSameEventArrivesAgain {

        @Test
        void threeDeliveriesStartOneRunAndWriteOneSetOfRows() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo object = harness.uploadResource(KEY, "stores.csv");

            List<JsonNode> answers = List.of(
                    harness.arrive(WorkflowHarness.s3Event(object)),
                    harness.arrive(WorkflowHarness.s3Event(object)),
                    harness.arrive(WorkflowHarness.s3Event(object)));

            assertThat(answers).extracting(answer -> answer.at("/objects/0/action").asText())
                    .containsExactly("started", "duplicate", "duplicate");
            assertThat(harness.executions).hasSize(1);
            assertThat(harness.runsOf(JOB)).hasSize(1);
            assertThat(harness.destinations.rows(JOB)).isEqualTo(STORE_ROWS);
            assertThat(harness.destinations.writes()).isEqualTo(5);
        }

        @Test
        void aSecondExecutionForTheSameVersionFindsItTakenAndSkips() {
            WorkflowHarness harness = new WorkflowHarness();
            harness.activeJob("stores.yaml");
            ObjectInfo object = harness.uploadResource(KEY, "stores.csv");
            String request = "{\"request\":{\"trigger\":\"upload\",\"jobId\":\"" + JOB
                    + "\",\"source\":{\"bucket\":\"intake-files\",\"key\":\"" + KEY
                    + "\",\"version\":\"" + object.version() + "\",\"etag\":\""
                    + object.etag() + "\",\"size\":" + object.size() + "}},\"retryCount\":0,"
                    + "\"executionName\":\"e\",\"executionId\":\"";

            JsonNode first = harness.call("StartRunFunction",
                    WorkflowHarness.readJson(request + "arn-1\"}"));
            JsonNode again = harness.call("StartRunFunction",
                    WorkflowHarness.readJson(request + "arn-2\"}"));

            assertThat(first.get("runId").asText()).isEqualTo("e-1");
            assertThat(first.get("next").asText()).isEqualTo("validate");
            assertThat(again.get("outcome").asText()).isEqualTo("skipped");
            assertThat(again.get("note").asText()).isEqualTo("file " + KEY + " (version "
                    + object.version() + ") was taken already by run e-1, now validating");
            assertThat(harness.runsOf(JOB)).hasSize(1);
        }
    }

    @Nested
    class WhenAnAttemptIsKilledMidImport {

        @Test
        void itEndsFailedWithAReasonAndItsRerunLeavesTheRowsOfOneCleanRun() {
            WorkflowHarness clean = new WorkflowHarness();
            clean.activeJob("stores.yaml");
            uploadAndArrive(clean, "stores.csv");
            WorkflowHarness harness = new WorkflowHarness("import:1:crash");
            harness.activeJob("stores.yaml");

            uploadAndArrive(harness, "stores.csv");

            List<Run> runs = harness.runsOf(JOB);
            assertThat(runs).extracting(Run::status)
                    .containsExactly(RunStatus.FAILED, RunStatus.COMPLETED);
            assertThat(runs.get(0).reason()).isEqualTo(new FailureReason("TASK_CRASHED",
                    "Stopped while importing: injected fault 1 of 1 in step import of run "
                            + runs.get(0).id() + ": Runtime exited with error: signal: killed"
                            + " (error Lambda.Unknown)"));
            assertThat(harness.destinations.writes()).isEqualTo(3 + 5);
            assertThat(harness.destinations.rows(JOB)).isEqualTo(clean.destinations.rows(JOB));
            assertThat(runs.get(1).counts()).isEqualTo(new RunCounts(5, 5, 5, 0, 0));
            assertThat(harness.objects.list(WorkflowHarness.BUCKET, "staging/")).isEmpty();
        }
    }

    @Nested
    class WhenATaskTimesOutOrThrowsADeclaredError {

        @Test
        void bothAreRetriedFiveTimesThenCaughtByTheHalt() {
            WorkflowHarness timeout = new WorkflowHarness("validate:6:timeout");
            timeout.activeJob("stores.yaml");
            WorkflowHarness declared = new WorkflowHarness("validate:6");
            declared.activeJob("stores.yaml");

            uploadAndArrive(timeout, "stores.csv");
            uploadAndArrive(declared, "stores.csv");

            for (WorkflowHarness harness : List.of(timeout, declared)) {
                ExecutionResult execution = harness.onlyExecution();
                assertThat(execution.events(HistoryEventType.RetryScheduled, "RunAttempt"))
                        .hasSize(5);
                assertThat(execution.events(HistoryEventType.TaskStateEntered, "Halt"))
                        .hasSize(1);
                assertThat(execution.error()).isEqualTo("Intake.JobHalted");
            }
            assertThat(failureNames(timeout.onlyExecution())).containsOnly("Lambda.Unknown")
                    .hasSize(6);
            assertThat(failureNames(declared.onlyExecution()))
                    .containsOnly("dev.intake.workflow.DependencyUnavailableException")
                    .hasSize(6);
            assertThat(timeout.runsOf(JOB)).extracting(run -> run.reason().code())
                    .containsOnly("TASK_CRASHED");
            assertThat(declared.runsOf(JOB)).extracting(run -> run.reason().code())
                    .containsOnly("DEPENDENCY_UNAVAILABLE");
        }

        private List<String> failureNames(ExecutionResult execution) {
            return execution.events(HistoryEventType.LambdaFunctionFailed, "Validate").stream()
                    .map(event -> event.details().get("error").asText())
                    .toList();
        }
    }

    /** What the Lambda function of Task state {@code state} returned, call by call. */
    static List<JsonNode> outputsOf(ExecutionResult execution, String state) {
        return execution.events(HistoryEventType.LambdaFunctionSucceeded, state).stream()
                .map(HistoryEvent::details)
                .map(details -> details.get("output"))
                .toList();
    }
}
