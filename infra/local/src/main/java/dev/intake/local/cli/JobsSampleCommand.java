package dev.intake.local.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.run.FailureReason;
import dev.intake.run.RunCounts;
import dev.intake.sampling.SampleFile;
import dev.intake.sampling.SampleReport;
import dev.intake.sampling.SampleReport.ColumnMapping;
import dev.intake.sampling.SampleReport.SampleError;
import dev.intake.sampling.SampleReport.SampleRow;
import dev.intake.sampling.SampleService;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code intake jobs sample JOB FILE}: runs the job's real validation and processing on a file
 * without importing it, and prints how its columns map, its first rows as they would be stored,
 * every error and the counts a run would record.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = {"Check FILE against a Draft (or Sampling failed) job: nothing is imported.",
            "The job goes back to Draft with the report, or to Sampling failed when the file"
                + " cannot be read as the job's format (exit code 4)."})
final class JobsSampleCommand extends CliCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job id.")
    String jobId;

    @Parameters(index = "1", paramLabel = "FILE", description = "The sample file.")
    Path file;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "10",
            description = "How many rows to show as they would be stored"
                    + " (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--json", description = "Print the sample report as JSON.")
    boolean json;

    @Override
    public void run() {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCode.NOT_FOUND, "no such file: " + file);
        }
        SampleReport report;
        try (LocalJobs jobs = LocalJobs.open(this)) {
            SampleService service = new SampleService(jobs.stores().jobs(), jobs.lifecycle(),
                    jobs.clock(), rows);
            report = service.sample(jobId, SampleFile.of(file), "intake jobs sample");
        }

        if (json) {
            out().println(Json.write(json(report)));
        } else {
            print(out(), report);
        }

        if (!report.readable()) {
            throw new CliFailure(ExitCode.INVALID_INPUT, "job " + jobId + " is Sampling failed: "
                    + report.unreadable().message());
        }
    }

    private static void print(PrintWriter out, SampleReport report) {
        if (!report.readable()) {
            out.println("Sample " + report.file() + " cannot be read as job " + report.jobId()
                    + "'s format: " + reason(report.unreadable()));
            return;
        }
        out.println("Sample " + report.file() + " for job " + report.jobId() + " (nothing was"
                + " imported); a run would end " + Labels.of(report.wouldEnd())
                + (report.wouldFail() == null ? "" : ": " + reason(report.wouldFail())));
        printColumns(out, report);
        printCounts(out, report.counts());
        printRows(out, report.rows());
        printErrors(out, report.errors());
        out.println();
        out.println("Job " + report.jobId() + " is " + Labels.of(report.jobStatus()) + ".");
    }

    private static void printColumns(PrintWriter out, SampleReport report) {
        out.println();
        out.println("Columns");
        Table table = new Table("#", "COLUMN", "FIELD", "MATCH");
        for (ColumnMapping column : report.columns()) {
            table.row(column.position(), "\"" + column.header() + "\"",
                    column.field() == null ? "-" : column.field(), words(column.match()));
        }
        table.print(out);
        if (!report.fieldsWithoutColumn().isEmpty()) {
            out.println("Fields without a column: "
                    + String.join(", ", report.fieldsWithoutColumn()));
        }
    }

    private static void printCounts(PrintWriter out, RunCounts counts) {
        out.println();
        out.println("Counts   read " + counts.read() + ", valid " + counts.valid() + ", failed "
                + counts.failed() + ", duplicates " + counts.duplicates() + ", Failed % "
                + counts.failedPercent().toPlainString());
    }

    private static void printRows(PrintWriter out, List<SampleRow> rows) {
        out.println();
        out.println("First rows as they would be stored");
        if (rows.isEmpty()) {
            out.println("  (no valid row)");
            return;
        }
        List<String> header = new ArrayList<>(List.of("LINE"));
        header.addAll(rows.get(0).values().keySet());
        Table table = new Table(header.toArray(String[]::new));
        for (SampleRow row : rows) {
            List<Object> cells = new ArrayList<>(List.of(row.line()));
            for (String field : header.subList(1, header.size())) {
                Object value = row.values().get(field);
                cells.add(value == null ? "" : value);
            }
            table.row(cells.toArray());
        }
        table.print(out);
    }

    private static void printErrors(PrintWriter out, List<SampleError> errors) {
        out.println();
        out.println("Errors (" + errors.size() + ")");
        if (errors.isEmpty()) {
            return;
        }
        Table table = new Table("LINE", "COLUMN", "CODE", "MESSAGE");
        for (SampleError error : errors) {
            table.row(error.line(), error.column() == null ? "-" : error.column(),
                    error.code() == null ? "-" : error.code(), error.message());
        }
        table.print(out);
    }

    private static ObjectNode json(SampleReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("jobId", report.jobId());
        node.put("file", report.file());
        node.put("jobStatus", report.jobStatus().label());
        node.set("unreadable", Json.MAPPER.valueToTree(report.unreadable()));
        ArrayNode columns = node.putArray("columns");
        for (ColumnMapping column : report.columns()) {
            columns.addObject().put("position", column.position()).put("header", column.header())
                    .put("field", column.field())
                    .put("match", column.match().name().toLowerCase(Locale.ROOT));
        }
        node.set("fieldsWithoutColumn", Json.MAPPER.valueToTree(report.fieldsWithoutColumn()));
        ArrayNode rows = node.putArray("rows");
        for (SampleRow row : report.rows()) {
            rows.addObject().put("line", row.line()).set("values", values(row.values()));
        }
        node.set("errors", Json.MAPPER.valueToTree(report.errors()));
        node.set("counts", Json.MAPPER.valueToTree(report.counts()));
        node.put("failedPercent", report.failedPercent());
        node.put("wouldEnd", report.wouldEnd().label());
        node.set("wouldFail", Json.MAPPER.valueToTree(report.wouldFail()));
        return node;
    }

    private static ObjectNode values(Map<String, Object> values) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        values.forEach((field, value) -> node.set(field, Json.MAPPER.valueToTree(value)));
        return node;
    }

    private static String words(SampleReport.Match match) {
        return match.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String reason(FailureReason reason) {
        return reason.code() + ": " + reason.message();
    }
}
