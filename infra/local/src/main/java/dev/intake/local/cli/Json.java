package dev.intake.local.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.job.Job;
import dev.intake.run.FailureReason;
import dev.intake.run.Run;
import dev.intake.run.RunCounts;
import dev.intake.run.SourceObject;
import dev.intake.run.StatusChange;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The machine-readable shapes of jobs and runs that {@code --json} prints. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static ObjectNode job(Job job) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", job.id());
        node.put("name", job.definition().name());
        node.put("status", job.status().label());
        node.put("statusSince", text(job.statusSince()));
        node.put("prefix", job.definition().source() == null ? null
                : job.definition().source().prefix());
        node.put("table", job.definition().destination() == null ? null
                : job.definition().destination().table());
        node.put("version", job.version());
        return node;
    }

    static ArrayNode jobs(List<Job> jobs) {
        ArrayNode array = MAPPER.createArrayNode();
        jobs.forEach(job -> array.add(job(job)));
        return array;
    }

    static ObjectNode run(Run run, Function<Run, Optional<Path>> failedRecords) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", run.id());
        node.put("jobId", run.jobId());
        node.put("attempt", run.attempt());
        node.put("rerunOf", run.rerunOf());
        node.put("trigger", run.trigger() == null ? null : run.trigger().name().toLowerCase());
        node.put("status", run.status().label());
        node.set("source", source(run.source()));
        node.set("counts", counts(run.counts() == null ? RunCounts.NONE : run.counts()));
        node.put("failedPercent", (run.counts() == null ? RunCounts.NONE : run.counts())
                .failedPercent());
        node.set("reason", reason(run.reason()));
        node.put("failedRecords", failedRecords.apply(run).map(Path::toString).orElse(null));
        node.put("executionId", run.executionId());
        node.put("nextRerunAt", text(run.nextRerunAt()));
        node.set("history", history(run.history()));
        return node;
    }

    static ArrayNode runs(List<Run> runs, Function<Run, Optional<Path>> failedRecords) {
        ArrayNode array = MAPPER.createArrayNode();
        runs.forEach(run -> array.add(run(run, failedRecords)));
        return array;
    }

    private static ObjectNode source(SourceObject source) {
        if (source == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("bucket", source.bucket());
        node.put("key", source.key());
        node.put("version", source.version());
        node.put("etag", source.etag());
        node.put("size", source.size());
        return node;
    }

    private static ObjectNode counts(RunCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("read", counts.read());
        node.put("valid", counts.valid());
        node.put("imported", counts.imported());
        node.put("failed", counts.failed());
        node.put("duplicates", counts.duplicates());
        return node;
    }

    private static ObjectNode reason(FailureReason reason) {
        if (reason == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", reason.code());
        node.put("message", reason.message());
        return node;
    }

    private static ArrayNode history(List<StatusChange> history) {
        ArrayNode array = MAPPER.createArrayNode();
        history.forEach(change -> array.addObject()
                .put("status", change.status())
                .put("at", text(change.at()))
                .put("cause", change.cause()));
        return array;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
