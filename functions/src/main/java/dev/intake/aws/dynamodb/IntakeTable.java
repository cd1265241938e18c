package dev.intake.aws.dynamodb;

/**
 * The key design of the one table that holds jobs, runs and their status histories.
 *
 * <pre>
 * item        pk            sk     gsi1pk           gsi1sk
 * job         JOB#&lt;id&gt;     JOB    JOBS#&lt;STATUS&gt;    &lt;job id&gt;
 * run         RUN#&lt;id&gt;     RUN    RUNS#&lt;job id&gt;    &lt;created, fixed-width UTC&gt;#&lt;run id&gt;
 * </pre>
 *
 * <ul>
 *   <li>A job or a run is read by id with one GetItem.</li>
 *   <li>A job's run history, newest first, and its last five runs are ONE Query on {@code gsi1}
 *       ({@code ScanIndexForward=false}, {@code Limit}); the created time is written with a fixed
 *       number of fraction digits so that string order is time order.</li>
 *   <li>Jobs by status are one Query on {@code gsi1}; a status change rewrites {@code gsi1pk}.</li>
 *   <li>The status history is a list inside the item, appended with {@code list_append} in the
 *       same conditional UpdateItem that changes the status. Without transactions (the emulator
 *       lacks them) this is the only way the status and its history cannot disagree.</li>
 *   <li>Every status change is conditional on the status the caller expects, so of two writers
 *       one wins and the other gets a conflict.</li>
 * </ul>
 */
final class IntakeTable {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1 = "gsi1";
    static final String GSI1_PK = "gsi1pk";
    static final String GSI1_SK = "gsi1sk";

    static final String JOB_SK = "JOB";
    static final String RUN_SK = "RUN";

    private IntakeTable() {}

    static String jobPk(String jobId) {
        return "JOB#" + jobId;
    }

    static String jobsWithStatus(String status) {
        return "JOBS#" + status;
    }

    static String runPk(String runId) {
        return "RUN#" + runId;
    }

    static String runsOfJob(String jobId) {
        return "RUNS#" + jobId;
    }
}
