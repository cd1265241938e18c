package dev.intake.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IntakeCliTest {

    private final FakeIntake intake = new FakeIntake();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path openedOn;

    private int intake(Map<String, String> environment, String... args) {
        IntakeCli cli = new IntakeCli(environment, (directory, faults, progress, realTime) -> {
            openedOn = directory;
            return intake;
        });
        return cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private int intake(String... args) {
        return intake(Map.of(), args);
    }

    @Nested
    class JsonOutput {

        @Test
        void runShowPrintsEveryFieldOfTheRun() {
            intake.runs.add(FakeIntake.partiallyCompleted());

            int exit = intake("runs", "show", "contacts-abc-1", "--json");

            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualToNormalizingNewlines("""
                    {
                      "id" : "contacts-abc-1",
                      "jobId" : "contacts",
                      "attempt" : 1,
                      "rerunOf" : null,
                      "trigger" : "upload",
                      "status" : "partially_completed",
                      "source" : {
                        "bucket" : "intake-local",
                        "key" : "incoming/contacts/contacts.csv",
                        "version" : "v1",
                        "etag" : "e1",
                        "size" : 812
                      },
                      "counts" : {
                        "read" : 16,
                        "valid" : 10,
                        "imported" : 10,
                        "failed" : 6,
                        "duplicates" : 0
                      },
                      "failedPercent" : 37.50,
                      "reason" : null,
                      "failedRecords" : "/state/failed-records/contacts/contacts-abc-1.csv",
                      "executionId" : "arn:exec:1",
                      "nextRerunAt" : null,
                      "history" : [ {
                        "status" : "validating",
                        "at" : "2026-12-04T10:00:00Z",
                        "cause" : "upload"
                      }, {
                        "status" : "processing",
                        "at" : "2026-12-04T10:00:01Z",
                        "cause" : null
                      }, {
                        "status" : "importing",
                        "at" : "2026-12-04T10:00:02Z",
                        "cause" : null
                      }, {
                        "status" : "partially_completed",
                        "at" : "2026-12-04T10:00:03Z",
                        "cause" : null
                      } ]
                    }
                    """);
        }

        @Test
        void jobsListPrintsAnArrayOfJobs() {
            int exit = intake("jobs", "list", "--json");

            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualToNormalizingNewlines("""
                    [ {
                      "id" : "contacts",
                      "name" : "Conference contacts",
                      "status" : "active",
                      "statusSince" : "2026-12-04T10:00:00Z",
                      "prefix" : "incoming/contacts/",
                      "table" : "contacts",
                      "version" : 2
                    } ]
                    """);
        }

        @Test
        void runsListPrintsAnEmptyArrayForAJobWithoutRuns() {
            int exit = intake("runs", "list", "contacts", "--json");

            assertThat(exit).isZero();
            assertThat(out.toString()).isEqualToNormalizingNewlines("[ ]\n");
        }
    }

    @Nested
    class Tables {

        @Test
        void runsListShowsCountsFailedPercentAndReason() {
            intake.runs.add(FakeIntake.failed(2, "contacts-def-1"));
            intake.runs.add(FakeIntake.partiallyCompleted());

            intake("runs", "list", "contacts");

            assertThat(out.toString()).isEqualToNormalizingNewlines(String.join("\n",
                    "RUN             ATTEMPT  STARTED               STATUS               READ"
                            + "  IMPORTED  FAILED  DUPS  FAILED %  REASON",
                    "contacts-def-2  2        2026-12-04T10:00:00Z  Failed               0   "
                            + "  0         0       0     0.00      DEPENDENCY_UNAVAILABLE: the"
                            + " database is down",
                    "contacts-abc-1  1        2026-12-04T10:00:00Z  Partially Completed  16  "
                            + "  10        6       0     37.50     -",
                    ""));
        }
    }

    @Nested
    class ExitCodes {

        @Test
        void aRunThatEndsFailedExitsWithOne() {
            intake.nextUpload = List.of(FakeIntake.failed(1, null));

            int exit = intake("upload", "contacts", "file.csv", "--wait");

            assertThat(exit).isEqualTo(ExitCode.RUN_FAILED);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: run contacts-def-1 of"
                    + " job contacts ended Failed: DEPENDENCY_UNAVAILABLE: the database is down\n");
        }

        @Test
        void anUnknownOptionIsAUsageError() {
            int exit = intake("runs", "list", "contacts", "--colour");

            assertThat(exit).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).startsWith("Unknown option: '--colour'");
        }

        @Test
        void anUnknownJobIsNotFoundWithoutStackTrace() {
            int exit = intake("jobs", "show", "nope");

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err.toString()).isEqualToNormalizingNewlines(
                    "intake: no job nope; see intake jobs list\n");
        }

        @Test
        void anInvalidDefinitionIsInvalidInputNamingTheField() {
            int exit = intake("jobs", "create", "invalid.yaml");

            assertThat(exit).isEqualTo(ExitCode.INVALID_INPUT);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: job \"contacts\":"
                    + " schema.key: missing; name the field or fields that identify a record\n");
        }

        @Test
        void aRunWithoutFailedRecordsSaysSo() {
            intake.runs.add(FakeIntake.failed(1, null));

            int exit = intake("runs", "failed-records", "contacts-def-1");

            assertThat(exit).isEqualTo(ExitCode.NOT_FOUND);
            assertThat(err.toString()).isEqualToNormalizingNewlines("intake: run contacts-def-1"
                    + " has no failed records (Failed, 0 failed rows)\n");
        }

        @Test
        void helpExitsWithZeroAndListsTheCommands() {
            int exit = intake("--help");

            assertThat(exit).isZero();
            assertThat(out.toString()).contains("jobs", "upload", "runs", "asl", "demo", "bench",
                    "Exit codes: 0 ok, 1 a run ended Failed or Halted, 2 usage error,");
        }
    }

    @Nested
    class StateDirectory {

        @Test
        void defaultsToDotIntake() {
            intake("jobs", "list");

            assertThat(openedOn).isEqualTo(Path.of(".intake"));
            assertThat(intake.closed).isTrue();
        }

        @Test
        void followsIntakeHome() {
            intake(Map.of("INTAKE_HOME", "/tmp/home"), "jobs", "list");

            assertThat(openedOn).isEqualTo(Path.of("/tmp/home"));
        }

        @Test
        void theOptionWinsAndWorksAfterTheSubcommand() {
            intake(Map.of("INTAKE_HOME", "/tmp/home"), "jobs", "list", "--state-dir", "/tmp/s");

            assertThat(openedOn).isEqualTo(Path.of("/tmp/s"));
        }
    }
}
