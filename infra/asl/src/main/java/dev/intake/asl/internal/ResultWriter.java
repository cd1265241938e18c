package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a Distributed Map's results as AWS does: {@code SUCCEEDED_0.json} and
 * {@code FAILED_0.json} (arrays of child execution records) and {@code manifest.json} under
 * {@code <Prefix>/<map run id>/}; the Map's result then names the manifest.
 */
final class ResultWriter {

    private final StateDef state;
    private final Frame frame;
    private final String mapRunArn;

    ResultWriter(StateDef state, Frame frame, String mapRunArn) {
        this.state = state;
        this.frame = frame;
        this.mapRunArn = mapRunArn;
    }

    JsonNode write(List<JsonNode> inputs, List<Fanout.Result> results, JsonNode effective,
            JsonNode context) {
        JsonNode parameters = PayloadTemplate.evaluate(state.field("ResultWriter")
                .path("Parameters"), effective, context, frame.random());
        String bucket = parameters.path("Bucket").asText();
        String prefix = parameters.path("Prefix").asText("");
        String folder = (prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/")
                + mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1) + "/";

        ArrayNode succeeded = Json.array();
        ArrayNode failed = Json.array();
        for (Fanout.Result result : results) {
            (result.failed() ? failed : succeeded).add(record(inputs.get(result.index()),
                    result));
        }
        ObjectNode files = Json.object();
        files.set("FAILED", put(bucket, folder + "FAILED_0.json", failed));
        files.putArray("PENDING");
        files.set("SUCCEEDED", put(bucket, folder + "SUCCEEDED_0.json", succeeded));
        ObjectNode manifest = Json.object();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        manifest.set("ResultFiles", files);
        put(bucket, folder + "manifest.json", manifest);
        return output(bucket, folder + "manifest.json");
    }

    private ObjectNode record(JsonNode input, Fanout.Result result) {
        ObjectNode record = Json.object();
        String name = frame.nextId("child:" + result.index());
        record.put("ExecutionArn", mapRunArn.replace(":mapRun:", ":execution:") + ":" + name);
        record.put("Input", Json.write(input));
        record.putObject("InputDetails").put("Included", true);
        record.put("Name", name);
        if (result.failed()) {
            record.put("Error", result.error().error());
            record.put("Cause", result.error().cause());
        } else {
            record.put("Output", Json.write(result.output()));
            record.putObject("OutputDetails").put("Included", true);
        }
        record.put("RedriveCount", 0);
        record.put("RedriveStatus", "NOT_REDRIVABLE");
        record.put("StartDate", Run.ISO_MILLIS.format(result.start()));
        record.put("StateMachineArn", frame.run().options().stateMachineArn());
        record.put("Status", result.failed() ? "FAILED" : "SUCCEEDED");
        record.put("StopDate", Run.ISO_MILLIS.format(result.end()));
        return record;
    }

    private ArrayNode put(String bucket, String key, JsonNode content) {
        ArrayNode listing = Json.array();
        if (content.isArray() && content.isEmpty()) {
            return listing;
        }
        byte[] bytes = Json.write(content).getBytes(StandardCharsets.UTF_8);
        try {
            frame.run().services().objects().put(bucket, key, bytes);
        } catch (RuntimeException e) {
            throw new StatesError(StatesError.RESULT_WRITER, "Writing s3://" + bucket + "/" + key
                    + " failed: " + e.getMessage());
        }
        ObjectNode file = listing.addObject();
        file.put("Key", key);
        file.put("Size", bytes.length);
        return listing;
    }

    private ObjectNode output(String bucket, String manifestKey) {
        ObjectNode output = Json.object();
        output.put("MapRunArn", mapRunArn);
        ObjectNode details = output.putObject("ResultWriterDetails");
        details.put("Bucket", bucket);
        details.put("Key", manifestKey);
        return output;
    }
}
