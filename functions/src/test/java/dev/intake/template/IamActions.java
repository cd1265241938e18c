package dev.intake.template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ONE table of IAM actions: which actions each adapter's SDK calls need, and which adapter
 * calls each function's handler makes. {@link TemplateTest} checks that every function's policy
 * grants exactly these actions. Change an adapter's calls, change this table, and the template.
 */
final class IamActions {

    /** Adapter operation to the IAM actions of the SDK calls it makes. */
    enum Use {
        /** S3ObjectStore.open, head: GetObject, HeadObject. */
        READ_OBJECTS("s3:GetObject"),
        /** S3ObjectStore.create: PutObject, or Create/UploadPart/CompleteMultipartUpload; Abort. */
        WRITE_OBJECTS("s3:PutObject", "s3:AbortMultipartUpload"),
        /**
         * S3ObjectStore.list: ListObjectsV2. Also what makes HeadObject of a missing key answer
         * 404 rather than 403.
         */
        LIST_OBJECTS("s3:ListBucket"),
        /** S3ObjectStore.delete: DeleteObject (staging objects a step drops or cleans up). */
        DELETE_OBJECTS("s3:DeleteObject"),
        /** S3ObjectStore.downloadLink: the link is signed for GetObject. */
        LINK_OBJECTS("s3:GetObject"),
        /** DynamoDbJobStore and DynamoDbRunStore reads: GetItem; listings: Query on gsi1. */
        READ_JOBS_AND_RUNS("dynamodb:GetItem", "dynamodb:Query"),
        /** A single run read and its changes (transition, record*): GetItem, UpdateItem. */
        CHANGE_RUN("dynamodb:GetItem", "dynamodb:UpdateItem"),
        /** Job transitions: UpdateItem (GetItem to name the winner of a race). */
        CHANGE_JOB("dynamodb:GetItem", "dynamodb:UpdateItem"),
        /** DynamoDbRunStore.create: conditional PutItem, GetItem on a repeat. */
        CREATE_RUN("dynamodb:PutItem", "dynamodb:GetItem"),
        /** DynamoDbDestinationStore: DescribeTable, BatchWriteItem, PutItem, UpdateItem. */
        WRITE_DESTINATION("dynamodb:DescribeTable", "dynamodb:BatchWriteItem",
                "dynamodb:PutItem", "dynamodb:UpdateItem"),
        /** SesMailer.send: SESv2 SendEmail. */
        SEND_EMAIL("ses:SendEmail"),
        /** SchedulerJobSchedules.disable, enable: GetSchedule, UpdateSchedule (passes the role). */
        TOGGLE_SCHEDULE("scheduler:GetSchedule", "scheduler:UpdateSchedule", "iam:PassRole"),
        /**
         * Pending files (kept while a job is paused) live in the Intake table: adding is a
         * PutItem; reactivation lists them (Query) and removes each once started (DeleteItem).
         */
        ADD_PENDING_FILE("dynamodb:PutItem"),
        TAKE_PENDING_FILES("dynamodb:Query", "dynamodb:DeleteItem"),
        /** DynamoDbJobStore.create: conditional PutItem; delete: DeleteItem. */
        CREATE_JOB("dynamodb:PutItem"),
        DELETE_JOB("dynamodb:DeleteItem"),
        /**
         * SchedulerJobSchedules.put: CreateSchedule, UpdateSchedule when it exists (passes the
         * role); delete: DeleteSchedule, after JobLifecycle's find (GetSchedule).
         */
        PUT_SCHEDULE("scheduler:CreateSchedule", "scheduler:UpdateSchedule", "iam:PassRole"),
        DELETE_SCHEDULE("scheduler:GetSchedule", "scheduler:DeleteSchedule"),
        /** StepFunctionsRunStarter.start: StartExecution. */
        START_RUN("states:StartExecution");

        final List<String> actions;

        Use(String... actions) {
            this.actions = List.of(actions);
        }
    }

    /** Function logical id to the adapter operations its handler performs. */
    static final Map<String, List<Use>> FUNCTIONS = Map.ofEntries(
            Map.entry("ArrivalFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CREATE_RUN,
                    Use.CHANGE_RUN, Use.READ_OBJECTS, Use.ADD_PENDING_FILE, Use.START_RUN)),
            Map.entry("StartRunFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CREATE_RUN,
                    Use.CHANGE_RUN, Use.READ_OBJECTS, Use.LIST_OBJECTS)),
            Map.entry("ValidateFunction", List.of(Use.CHANGE_RUN, Use.READ_OBJECTS,
                    Use.WRITE_OBJECTS)),
            // Both list the valid-record parts; Process drops a stale processed.bin, Import
            // looks for it (HeadObject) and deletes the run's staging objects at the end.
            Map.entry("ProcessFunction", List.of(Use.CHANGE_RUN, Use.READ_OBJECTS,
                    Use.WRITE_OBJECTS, Use.LIST_OBJECTS, Use.DELETE_OBJECTS)),
            Map.entry("ImportFunction", List.of(Use.CHANGE_RUN, Use.READ_OBJECTS,
                    Use.WRITE_OBJECTS, Use.LIST_OBJECTS, Use.DELETE_OBJECTS,
                    Use.WRITE_DESTINATION)),
            Map.entry("FinishRunFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CHANGE_RUN,
                    Use.LINK_OBJECTS)),
            Map.entry("RecordFailureFunction", List.of(Use.READ_JOBS_AND_RUNS,
                    Use.CHANGE_RUN)),
            Map.entry("HaltFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CHANGE_RUN,
                    Use.CHANGE_JOB, Use.TOGGLE_SCHEDULE)),
            Map.entry("NotifyFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CHANGE_RUN,
                    Use.SEND_EMAIL, Use.LINK_OBJECTS)),
            Map.entry("RetryRunFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CREATE_RUN,
                    Use.CHANGE_RUN, Use.START_RUN)),
            Map.entry("ReactivateJobFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CHANGE_JOB,
                    Use.TOGGLE_SCHEDULE, Use.LIST_OBJECTS, Use.TAKE_PENDING_FILES,
                    Use.START_RUN)),
            Map.entry("SampleJobFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CHANGE_JOB,
                    Use.READ_OBJECTS)),
            // Create checks prefixes against every job (Query); reactivate is ReactivateJob's.
            Map.entry("ManageJobFunction", List.of(Use.READ_JOBS_AND_RUNS, Use.CREATE_JOB,
                    Use.CHANGE_JOB, Use.DELETE_JOB, Use.PUT_SCHEDULE, Use.TOGGLE_SCHEDULE,
                    Use.DELETE_SCHEDULE, Use.LIST_OBJECTS, Use.TAKE_PENDING_FILES,
                    Use.START_RUN)));

    private IamActions() {}

    static Set<String> required(String function) {
        Set<String> actions = new TreeSet<>();
        FUNCTIONS.get(function).forEach(use -> actions.addAll(use.actions));
        return actions;
    }
}
