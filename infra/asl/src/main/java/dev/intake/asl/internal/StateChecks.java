package dev.intake.asl.internal;

import static dev.intake.asl.internal.DefinitionParser.at;
import static dev.intake.asl.internal.DefinitionParser.field;
import static dev.intake.asl.internal.DefinitionParser.integer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.asl.AslDefinitionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Load-time checks of the fields particular to each state type. */
final class StateChecks {

    private static final long MAX_SECONDS = 99_999_999L;
    static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
    static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";
    private static final Set<String> DELIMITERS = Set.of("COMMA", "PIPE", "SEMICOLON", "SPACE",
            "TAB");

    private StateChecks() {
    }

    static void check(String name, StateType type, JsonNode json) {
        switch (type) {
            case Task -> task(name, json);
            case Choice -> choice(name, json);
            case Wait -> waitState(name, json);
            case Fail -> fail(name, json);
            case Map -> map(name, json);
            default -> {
            }
        }
    }

    private static void task(String name, JsonNode json) {
        JsonNode resource = json.get("Resource");
        if (resource == null || !resource.isTextual() || resource.textValue().isBlank()) {
            throw new AslDefinitionException(at(name, "Resource") + "is required and must be "
                    + "an ARN");
        }
        Long timeout = seconds(name, json, "TimeoutSeconds");
        Long heartbeat = seconds(name, json, "HeartbeatSeconds");
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            throw new AslDefinitionException(at(name, "HeartbeatSeconds") + "must be smaller "
                    + "than TimeoutSeconds (" + timeout + "), was " + heartbeat);
        }
    }

    private static Long seconds(String name, JsonNode json, String field) {
        exclusive(name, json, field, field.replace("Seconds", "SecondsPath"));
        String pathField = field + "Path";
        if (json.has(pathField)) {
            path(name, pathField, json.get(pathField));
        }
        return json.has(field) ? integer(json.get(field), 1, MAX_SECONDS, field(name, field))
                : null;
    }

    private static void choice(String name, JsonNode json) {
        JsonNode choices = json.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new AslDefinitionException(at(name, "Choices") + "is required and must be a "
                    + "non-empty array of Choice Rules");
        }
        for (int i = 0; i < choices.size(); i++) {
            rule(name, "Choices[" + i + "]", choices.get(i), true);
        }
        JsonNode defaultState = json.get("Default");
        if (defaultState != null && !defaultState.isTextual()) {
            throw new AslDefinitionException(at(name, "Default") + "must be a state name, was "
                    + Json.write(defaultState));
        }
    }

    private static void rule(String name, String where, JsonNode rule, boolean top) {
        if (!rule.isObject()) {
            throw new AslDefinitionException(at(name, where) + "must be a Choice Rule object");
        }
        JsonNode next = rule.get("Next");
        if (top && (next == null || !next.isTextual())) {
            throw new AslDefinitionException(at(name, where + ".Next") + "is required in a "
                    + "top-level Choice Rule");
        }
        if (!top && next != null) {
            throw new AslDefinitionException(at(name, where + ".Next") + "is only allowed in a "
                    + "top-level Choice Rule");
        }
        List<String> operators = operators(rule);
        if (operators.isEmpty()) {
            refuseUnknownRuleField(name, where, rule);
        }
        if (operators.size() != 1) {
            throw new AslDefinitionException(at(name, where) + "needs exactly one of And, Or, "
                    + "Not or a comparison operator, had " + operators);
        }
        String operator = operators.get(0);
        checkRuleFields(name, where, rule, operator);
        switch (operator) {
            case "And", "Or" -> combination(name, where + "." + operator, rule.get(operator));
            case "Not" -> rule(name, where + ".Not", rule.get("Not"), false);
            default -> comparison(name, where, rule, operator);
        }
    }

    private static void refuseUnknownRuleField(String name, String where, JsonNode rule) {
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!Set.of("Variable", "Next", "Comment").contains(field)) {
                throw new AslDefinitionException(at(name, where + "." + field)
                        + "is not a Choice Rule operator");
            }
        }
    }

    private static List<String> operators(JsonNode rule) {
        List<String> operators = new ArrayList<>();
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (Set.of("And", "Or", "Not").contains(field) || ChoiceRules.isComparison(field)
                    || ChoiceRules.TYPE_TESTS.contains(field)) {
                operators.add(field);
            }
        }
        return operators;
    }

    private static void checkRuleFields(String name, String where, JsonNode rule,
            String operator) {
        Set<String> allowed = Set.of(operator, "Variable", "Next", "Comment");
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw new AslDefinitionException(at(name, where + "." + field)
                        + "is not a field of a Choice Rule");
            }
        }
        boolean combination = Set.of("And", "Or", "Not").contains(operator);
        if (combination && rule.has("Variable")) {
            throw new AslDefinitionException(at(name, where + ".Variable") + "is not allowed "
                    + "with " + operator);
        }
    }

    private static void combination(String name, String where, JsonNode rules) {
        if (!rules.isArray() || rules.isEmpty()) {
            throw new AslDefinitionException(at(name, where) + "must be a non-empty array of "
                    + "Choice Rules");
        }
        for (int i = 0; i < rules.size(); i++) {
            rule(name, where + "[" + i + "]", rules.get(i), false);
        }
    }

    private static void comparison(String name, String where, JsonNode rule, String operator) {
        JsonNode variable = rule.get("Variable");
        if (variable == null) {
            throw new AslDefinitionException(at(name, where + ".Variable") + "is required with "
                    + operator);
        }
        path(name, where + ".Variable", variable);
        JsonNode operand = rule.get(operator);
        String field = where + "." + operator;
        if (operator.endsWith("Path")) {
            path(name, field, operand);
        } else if (ChoiceRules.TYPE_TESTS.contains(operator) || operator.startsWith("Boolean")) {
            require(operand.isBoolean(), name, field, "must be true or false", operand);
        } else if (operator.startsWith("Numeric")) {
            require(operand.isNumber(), name, field, "must be a number", operand);
        } else if (operator.startsWith("Timestamp")) {
            require(operand.isTextual() && Timestamps.parse(operand.textValue()).isPresent(),
                    name, field, "must be an RFC 3339 timestamp such as "
                            + "\"2016-03-14T01:59:00Z\"", operand);
        } else {
            require(operand.isTextual(), name, field, "must be a string", operand);
            if (operator.equals("StringMatches")) {
                try {
                    ChoiceRules.wildcard(operand.textValue());
                } catch (IllegalArgumentException e) {
                    throw new AslDefinitionException(at(name, field) + e.getMessage(), e);
                }
            }
        }
    }

    private static void waitState(String name, JsonNode json) {
        int given = 0;
        for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            given += json.has(field) ? 1 : 0;
        }
        if (given != 1) {
            throw new AslDefinitionException("State \"" + name + "\": needs exactly one of "
                    + "Seconds, SecondsPath, Timestamp and TimestampPath, had " + given);
        }
        if (json.has("Seconds")) {
            integer(json.get("Seconds"), 0, MAX_SECONDS, field(name, "Seconds"));
        }
        JsonNode timestamp = json.get("Timestamp");
        if (timestamp != null) {
            require(timestamp.isTextual() && Timestamps.parse(timestamp.textValue()).isPresent(),
                    name, "Timestamp", "must be an RFC 3339 timestamp such as "
                            + "\"2016-03-14T01:59:00Z\"", timestamp);
        }
        for (String field : List.of("SecondsPath", "TimestampPath")) {
            if (json.has(field)) {
                path(name, field, json.get(field));
            }
        }
    }

    private static void fail(String name, JsonNode json) {
        exclusive(name, json, "Error", "ErrorPath");
        exclusive(name, json, "Cause", "CausePath");
        for (String field : List.of("Error", "Cause")) {
            if (json.has(field)) {
                require(json.get(field).isTextual(), name, field, "must be a string",
                        json.get(field));
            }
            if (json.has(field + "Path")) {
                pathOrIntrinsic(name, field + "Path", json.get(field + "Path"));
            }
        }
    }

    private static void map(String name, JsonNode json) {
        exclusive(name, json, "Parameters", "ItemSelector");
        exclusive(name, json, "MaxConcurrency", "MaxConcurrencyPath");
        if (json.has("ItemsPath")) {
            path(name, "ItemsPath", json.get("ItemsPath"));
        }
        if (json.has("MaxConcurrency")) {
            integer(json.get("MaxConcurrency"), 0, Integer.MAX_VALUE,
                    field(name, "MaxConcurrency"));
        }
        optionalPath(name, json, "MaxConcurrencyPath");
        boolean distributed = mapMode(name, json);
        for (String field : List.of("ItemReader", "ItemBatcher", "ResultWriter",
                "ToleratedFailureCount", "ToleratedFailureCountPath",
                "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label")) {
            if (json.has(field) && !distributed) {
                throw new AslDefinitionException(at(name, field) + "needs ProcessorConfig Mode "
                        + "DISTRIBUTED in ItemProcessor");
            }
        }
        if (distributed) {
            distributedMap(name, json);
        }
    }

    private static boolean mapMode(String name, JsonNode json) {
        JsonNode config = json.path("ItemProcessor").path("ProcessorConfig");
        if (config.isMissingNode()) {
            return false;
        }
        onlyFields(name, "ItemProcessor.ProcessorConfig", config, Set.of("Mode",
                "ExecutionType"));
        JsonNode mode = config.get("Mode");
        if (mode == null || "INLINE".equals(mode.textValue())) {
            return false;
        }
        require("DISTRIBUTED".equals(mode.textValue()), name, "ItemProcessor.ProcessorConfig.Mode",
                "must be \"INLINE\" or \"DISTRIBUTED\"", mode);
        JsonNode type = config.get("ExecutionType");
        require(type != null && Set.of("STANDARD", "EXPRESS").contains(type.textValue()), name,
                "ItemProcessor.ProcessorConfig.ExecutionType", "must be \"STANDARD\" or "
                        + "\"EXPRESS\" in DISTRIBUTED mode", type);
        return true;
    }

    private static void distributedMap(String name, JsonNode json) {
        if (json.has("ItemReader")) {
            itemReader(name, json.get("ItemReader"));
        }
        if (json.has("ItemBatcher")) {
            itemBatcher(name, json.get("ItemBatcher"));
        }
        if (json.has("ResultWriter")) {
            resultWriter(name, json.get("ResultWriter"));
        }
        exclusive(name, json, "ToleratedFailureCount", "ToleratedFailureCountPath");
        exclusive(name, json, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        if (json.has("ToleratedFailureCount")) {
            integer(json.get("ToleratedFailureCount"), 0, Integer.MAX_VALUE,
                    field(name, "ToleratedFailureCount"));
        }
        JsonNode percentage = json.get("ToleratedFailurePercentage");
        if (percentage != null) {
            require(percentage.isNumber() && percentage.decimalValue().signum() >= 0
                    && percentage.decimalValue().compareTo(BigDecimal.valueOf(100)) <= 0, name,
                    "ToleratedFailurePercentage", "must be a number from 0 to 100", percentage);
        }
        optionalPath(name, json, "ToleratedFailureCountPath");
        optionalPath(name, json, "ToleratedFailurePercentagePath");
        JsonNode label = json.get("Label");
        if (label != null) {
            require(label.isTextual() && label.textValue().length() <= 40
                    && label.textValue().matches("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/]*"),
                    name, "Label", "must be a string of at most 40 characters without "
                            + "whitespace or special characters", label);
        }
    }

    private static void itemReader(String name, JsonNode reader) {
        onlyFields(name, "ItemReader", reader, Set.of("Resource", "ReaderConfig",
                "Parameters"));
        JsonNode resource = reader.get("Resource");
        require(resource != null && GET_OBJECT.equals(resource.textValue()), name,
                "ItemReader.Resource", "must be \"" + GET_OBJECT + "\" (other readers are not "
                        + "supported yet)", resource);
        template(name, "ItemReader.Parameters", reader.path("Parameters"));
        JsonNode config = reader.path("ReaderConfig");
        onlyFields(name, "ItemReader.ReaderConfig", config, Set.of("InputType",
                "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath"));
        JsonNode inputType = config.get("InputType");
        require(inputType != null && Set.of("CSV", "JSON").contains(inputType.textValue()),
                name, "ItemReader.ReaderConfig.InputType", "must be \"CSV\" or \"JSON\"",
                inputType);
        exclusive(name, config, "MaxItems", "MaxItemsPath");
        if (config.has("MaxItems")) {
            integer(config.get("MaxItems"), 0, 100_000_000,
                    field(name, "ItemReader.ReaderConfig.MaxItems"));
        }
        optionalPath(name, config, "MaxItemsPath");
        if ("CSV".equals(inputType.textValue())) {
            csvConfig(name, config);
        }
    }

    private static void csvConfig(String name, JsonNode config) {
        String field = "ItemReader.ReaderConfig.";
        JsonNode location = config.get("CSVHeaderLocation");
        require(location != null && Set.of("FIRST_ROW", "GIVEN").contains(location.textValue()),
                name, field + "CSVHeaderLocation", "must be \"FIRST_ROW\" or \"GIVEN\"",
                location);
        JsonNode headers = config.get("CSVHeaders");
        if ("GIVEN".equals(location.textValue())) {
            require(headers != null && headers.isArray() && !headers.isEmpty(), name,
                    field + "CSVHeaders", "must be a non-empty array of strings with "
                            + "CSVHeaderLocation GIVEN", headers);
        } else if (headers != null) {
            throw new AslDefinitionException(at(name, field + "CSVHeaders") + "is only allowed "
                    + "with CSVHeaderLocation GIVEN");
        }
        JsonNode delimiter = config.get("CSVDelimiter");
        if (delimiter != null) {
            require(DELIMITERS.contains(delimiter.textValue()), name, field + "CSVDelimiter",
                    "must be one of COMMA, PIPE, SEMICOLON, SPACE, TAB", delimiter);
        }
    }

    private static void itemBatcher(String name, JsonNode batcher) {
        onlyFields(name, "ItemBatcher", batcher, Set.of("MaxItemsPerBatch",
                "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath",
                "BatchInput"));
        exclusive(name, batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        exclusive(name, batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (batcher.size() == 0 || (batcher.size() == 1 && batcher.has("BatchInput"))) {
            throw new AslDefinitionException(at(name, "ItemBatcher") + "needs at least one of "
                    + "MaxItemsPerBatch(Path) and MaxInputBytesPerBatch(Path)");
        }
        if (batcher.has("MaxItemsPerBatch")) {
            integer(batcher.get("MaxItemsPerBatch"), 1, Integer.MAX_VALUE,
                    field(name, "ItemBatcher.MaxItemsPerBatch"));
        }
        if (batcher.has("MaxInputBytesPerBatch")) {
            integer(batcher.get("MaxInputBytesPerBatch"), 1, Json.MAX_PAYLOAD_BYTES,
                    field(name, "ItemBatcher.MaxInputBytesPerBatch"));
        }
        optionalPath(name, batcher, "MaxItemsPerBatchPath");
        optionalPath(name, batcher, "MaxInputBytesPerBatchPath");
        if (batcher.has("BatchInput")) {
            template(name, "ItemBatcher.BatchInput", batcher.get("BatchInput"));
        }
    }

    private static void resultWriter(String name, JsonNode writer) {
        onlyFields(name, "ResultWriter", writer, Set.of("Resource", "Parameters"));
        JsonNode resource = writer.get("Resource");
        require(resource != null && PUT_OBJECT.equals(resource.textValue()), name,
                "ResultWriter.Resource", "must be \"" + PUT_OBJECT + "\"", resource);
        template(name, "ResultWriter.Parameters", writer.path("Parameters"));
    }

    static void onlyFields(String name, String where, JsonNode json, Set<String> allowed) {
        if (json.isMissingNode()) {
            return;
        }
        if (!json.isObject()) {
            throw new AslDefinitionException(at(name, where) + "must be an object, was "
                    + Json.write(json));
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                throw new AslDefinitionException(at(name, where + "." + field) + "is not an "
                        + "allowed field here; allowed: " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    private static void exclusive(String name, JsonNode json, String one, String other) {
        if (json.has(one) && json.has(other)) {
            throw new AslDefinitionException("State \"" + name + "\": \"" + one + "\" and \""
                    + other + "\" exclude each other; give only one");
        }
    }

    private static void optionalPath(String name, JsonNode json, String field) {
        if (json.has(field)) {
            path(name, field, json.get(field));
        }
    }

    static void path(String name, String field, JsonNode path) {
        if (!path.isTextual()) {
            throw new AslDefinitionException(at(name, field) + "must be a path string, was "
                    + Json.write(path));
        }
        try {
            Paths.check(path.textValue());
        } catch (RuntimeException e) {
            throw new AslDefinitionException(at(name, field) + "is not a valid path: "
                    + e.getMessage(), e);
        }
    }

    private static void pathOrIntrinsic(String name, String field, JsonNode value) {
        if (value.isTextual() && value.textValue().startsWith("States.")) {
            try {
                Intrinsics.check(IntrinsicParser.parse(value.textValue()));
            } catch (IllegalArgumentException e) {
                throw new AslDefinitionException(at(name, field) + e.getMessage(), e);
            }
            return;
        }
        path(name, field, value);
    }

    static void referencePath(String name, String field, JsonNode path) {
        if (!path.isTextual()) {
            throw new AslDefinitionException(at(name, field) + "must be a reference path "
                    + "string or null, was " + Json.write(path));
        }
        try {
            Paths.referenceSteps(path.textValue());
        } catch (IllegalArgumentException e) {
            throw new AslDefinitionException(at(name, field) + e.getMessage(), e);
        }
    }

    static void template(String name, String field, JsonNode template) {
        try {
            PayloadTemplate.check(template, field);
        } catch (IllegalArgumentException e) {
            throw new AslDefinitionException("State \"" + name + "\" " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String name, String field, String rule,
            JsonNode value) {
        if (!ok) {
            throw new AslDefinitionException(at(name, field) + rule + ", was "
                    + (value == null ? "missing" : Json.write(value)));
        }
    }
}
