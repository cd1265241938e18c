package dev.intake.asl.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.asl.HistoryEventType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Map in DISTRIBUTED mode: items from ItemsPath or an S3 ItemReader (CSV or JSON), ItemSelector
 * per item, optional batching, a tolerated failure threshold instead of fail-fast, and an
 * optional ResultWriter. Iterations may run on several threads (see {@link Fanout}).
 *
 * <p>Shortcut: the whole object is read into memory before the first iteration starts; fine up
 * to a few hundred megabytes; ends when the ItemReader streams rows into batches.
 */
final class DistributedMap {

    private final StateDef state;
    private final JsonNode effective;
    private final ObjectNode context;
    private final Frame frame;

    DistributedMap(StateDef state, JsonNode effective, ObjectNode context, Frame frame) {
        this.state = state;
        this.effective = effective;
        this.context = context;
        this.frame = frame;
    }

    JsonNode run() {
        ArrayNode items = state.has("ItemReader") ? readItems()
                : MapRunner.items(state, effective, context);
        List<JsonNode> inputs = batches(selected(items));
        int concurrency = MapRunner.maxConcurrency(state, effective, context);
        Tolerance tolerance = tolerance();
        String mapRunArn = mapRunArn();
        started(items.size(), mapRunArn);

        List<Fanout.Result> results = Fanout.run(frame, inputs.size(), concurrency,
                tolerance.failFast(), (index, child) -> MapRunner.iteration(state,
                        inputs.get(index), index, child));

        checkTolerance(results, inputs.size(), tolerance, mapRunArn);
        JsonNode output = state.has("ResultWriter")
                ? new ResultWriter(state, frame, mapRunArn).write(inputs, results, effective,
                        context)
                : outputs(results);
        ended(HistoryEventType.MapRunSucceeded, HistoryEventType.MapStateSucceeded, mapRunArn);
        return output;
    }

    private ArrayNode readItems() {
        JsonNode reader = state.field("ItemReader");
        JsonNode parameters = PayloadTemplate.evaluate(reader.path("Parameters"), effective,
                context, frame.random());
        String bucket = parameters.path("Bucket").asText();
        String key = parameters.path("Key").asText();
        byte[] bytes = frame.run().services().objects().get(bucket, key)
                .orElseThrow(() -> new StatesError(StatesError.ITEM_READER,
                        "S3 object s3://" + bucket + "/" + key + " does not exist "
                                + "(NoSuchKey)"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode config = reader.path("ReaderConfig");
        long maxItems = maxItems(config);
        if ("JSON".equals(config.path("InputType").textValue())) {
            return jsonItems(text, bucket, key, maxItems);
        }
        return CsvItems.parse(text, CsvItems.delimiter(config.path("CSVDelimiter").textValue()),
                givenHeaders(config), maxItems);
    }

    private long maxItems(JsonNode config) {
        if (config.has("MaxItems")) {
            return config.get("MaxItems").longValue();
        }
        if (!config.has("MaxItemsPath")) {
            return 0;
        }
        JsonNode value = Paths.read(config.get("MaxItemsPath").textValue(), effective, context);
        if (!Json.isIntegral(value) || value.decimalValue().signum() < 0) {
            throw StatesError.runtime("The MaxItemsPath of state '" + state.name() + "' is not "
                    + "a valid integer: " + Json.write(value));
        }
        return value.decimalValue().longValue();
    }

    private static List<String> givenHeaders(JsonNode config) {
        if (!"GIVEN".equals(config.path("CSVHeaderLocation").textValue())) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        config.get("CSVHeaders").forEach(header -> headers.add(header.asText()));
        return headers;
    }

    private static ArrayNode jsonItems(String text, String bucket, String key, long maxItems) {
        JsonNode parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new StatesError(StatesError.ITEM_READER, "S3 object s3://" + bucket + "/"
                    + key + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ArrayNode array)) {
            throw new StatesError(StatesError.ITEM_READER, "Attempting to map over non-iterable "
                    + "node: s3://" + bucket + "/" + key + " does not hold a JSON array");
        }
        if (maxItems == 0 || array.size() <= maxItems) {
            return array;
        }
        ArrayNode limited = Json.array();
        for (int i = 0; i < maxItems; i++) {
            limited.add(array.get(i));
        }
        return limited;
    }

    private List<JsonNode> selected(ArrayNode items) {
        List<JsonNode> selected = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            selected.add(MapRunner.selectItem(state, items.get(i), i, effective, context, frame));
        }
        return selected;
    }

    private List<JsonNode> batches(List<JsonNode> items) {
        JsonNode batcher = state.field("ItemBatcher");
        if (batcher == null) {
            return items;
        }
        long maxItems = batchLimit(batcher, "MaxItemsPerBatch", Long.MAX_VALUE);
        long maxBytes = batchLimit(batcher, "MaxInputBytesPerBatch", Json.MAX_PAYLOAD_BYTES);
        JsonNode batchInput = batcher.has("BatchInput")
                ? PayloadTemplate.evaluate(batcher.get("BatchInput"), effective, context,
                        frame.random())
                : null;
        List<JsonNode> batches = new ArrayList<>();
        ArrayNode current = Json.array();
        long bytes = 2;
        boolean bySize = batcher.has("MaxInputBytesPerBatch")
                || batcher.has("MaxInputBytesPerBatchPath");
        for (JsonNode item : items) {
            // Without a byte limit, the payload quota of each iteration's states still applies.
            int size = bySize ? Json.utf8Size(item) + 1 : 0;
            if (!current.isEmpty() && (current.size() >= maxItems || bytes + size > maxBytes)) {
                batches.add(batch(current, batchInput));
                current = Json.array();
                bytes = 2;
            }
            current.add(item);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(batch(current, batchInput));
        }
        return batches;
    }

    private long batchLimit(JsonNode batcher, String field, long fallback) {
        if (batcher.has(field)) {
            return batcher.get(field).longValue();
        }
        if (!batcher.has(field + "Path")) {
            return fallback;
        }
        JsonNode value = Paths.read(batcher.get(field + "Path").textValue(), effective, context);
        if (!Json.isIntegral(value) || value.decimalValue().signum() <= 0) {
            throw StatesError.runtime("The " + field + "Path of state '" + state.name()
                    + "' must reference a positive integer, found " + Json.write(value));
        }
        return value.decimalValue().longValue();
    }

    private static JsonNode batch(ArrayNode items, JsonNode batchInput) {
        ObjectNode batch = Json.object();
        batch.set("Items", items);
        if (batchInput != null) {
            batch.set("BatchInput", batchInput);
        }
        return batch;
    }

    /** Thresholds; a threshold not given does not take part, none given means zero. */
    private record Tolerance(Long count, BigDecimal percentage) {
        boolean failFast() {
            return (count == null || count == 0)
                    && (percentage == null || percentage.signum() == 0);
        }

        boolean exceededBy(int failures, int total) {
            if (failures == 0) {
                return false;
            }
            if (count == null && percentage == null) {
                return true;
            }
            boolean overCount = count != null && failures > count;
            boolean overPercentage = percentage != null && BigDecimal.valueOf(failures * 100L)
                    .divide(BigDecimal.valueOf(total), MathContext.DECIMAL64)
                    .compareTo(percentage) > 0;
            return overCount || overPercentage;
        }
    }

    private Tolerance tolerance() {
        Long count = null;
        BigDecimal percentage = null;
        if (state.has("ToleratedFailureCount")) {
            count = state.field("ToleratedFailureCount").longValue();
        } else if (state.has("ToleratedFailureCountPath")) {
            JsonNode value = Paths.read(state.text("ToleratedFailureCountPath"), effective,
                    context);
            if (!Json.isIntegral(value) || value.decimalValue().signum() < 0) {
                throw StatesError.runtime("The ToleratedFailureCountPath of state '"
                        + state.name() + "' must reference a non-negative integer, found "
                        + Json.write(value));
            }
            count = value.decimalValue().longValue();
        }
        if (state.has("ToleratedFailurePercentage")) {
            percentage = state.field("ToleratedFailurePercentage").decimalValue();
        } else if (state.has("ToleratedFailurePercentagePath")) {
            JsonNode value = Paths.read(state.text("ToleratedFailurePercentagePath"), effective,
                    context);
            if (!value.isNumber() || value.decimalValue().signum() < 0
                    || value.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                throw StatesError.runtime("The ToleratedFailurePercentagePath of state '"
                        + state.name() + "' must reference a number from 0 to 100, found "
                        + Json.write(value));
            }
            percentage = value.decimalValue();
        }
        return new Tolerance(count, percentage);
    }

    private void checkTolerance(List<Fanout.Result> results, int total, Tolerance tolerance,
            String mapRunArn) {
        int failures = (int) results.stream().filter(Fanout.Result::failed).count();
        if (tolerance.exceededBy(failures, total)) {
            ended(HistoryEventType.MapRunFailed, HistoryEventType.MapStateFailed, mapRunArn);
            throw new StatesError(StatesError.TOLERATED, "The specified tolerated failure "
                    + "threshold was exceeded");
        }
    }

    private static JsonNode outputs(List<Fanout.Result> results) {
        ArrayNode outputs = Json.array();
        for (Fanout.Result result : results) {
            outputs.add(result.failed() ? result.error().toOutput() : result.output());
        }
        return outputs;
    }

    private String mapRunArn() {
        String label = state.has("Label") ? state.text("Label") : state.name();
        return "arn:aws:states:" + frame.run().options().region() + ":"
                + frame.run().options().accountId() + ":mapRun:"
                + frame.run().options().stateMachineName() + "/" + label + ":"
                + frame.nextId("mapRun:" + state.name());
    }

    private void started(int itemCount, String mapRunArn) {
        ObjectNode details = Json.object();
        details.put("length", itemCount);
        BranchRunner.event(frame, HistoryEventType.MapStateStarted, state.name(), details);
        ObjectNode run = Json.object();
        run.put("mapRunArn", mapRunArn);
        BranchRunner.event(frame, HistoryEventType.MapRunStarted, state.name(), run);
    }

    private void ended(HistoryEventType runEvent, HistoryEventType stateEvent, String arn) {
        ObjectNode run = Json.object();
        run.put("mapRunArn", arn);
        BranchRunner.event(frame, runEvent, state.name(), run);
        BranchRunner.event(frame, stateEvent, state.name(), Json.object());
    }
}
