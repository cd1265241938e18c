package dev.intake.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.intake.job.JobDefinition.Destination;
import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.Format;
import dev.intake.job.JobDefinition.Notify;
import dev.intake.job.JobDefinition.Schedule;
import dev.intake.job.JobDefinition.Schema;
import dev.intake.job.JobDefinition.Source;
import dev.intake.job.JobDefinition.WriteMode;
import dev.intake.pipeline.EmailSyntax;
import dev.intake.run.RunStatus;
import dev.intake.schedule.InvalidScheduleExpressionException;
import dev.intake.schedule.ScheduleExpression;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Reads a job definition from YAML or JSON and checks it whole before anything uses it. Every
 * problem found is reported at once by {@link InvalidJobDefinitionException}, each naming the
 * field path and the fix.
 *
 * <p>Defaults: format csv, delimiter ",", UTF-8, with a header; duplicates last-wins; extra
 * columns ignored; destination table named after the job, mode replace; source prefix
 * {@code incoming/<id>/}; notify on halted, failed, partially_completed and sampling_failed.
 * {@code maxFailedPercent} defaults to 10: a file where more than one row in ten is bad usually
 * has the wrong layout or encoding, and importing its other rows would mix good data with a broken
 * delivery, so the run fails and nothing is imported unless the job says it tolerates more.
 */
public final class JobDefinitionParser {

    public static final BigDecimal DEFAULT_MAX_FAILED_PERCENT = BigDecimal.TEN;
    public static final List<String> DEFAULT_NOTIFY_ON =
            List.of("halted", "failed", "partially_completed", "sampling_failed");
    public static final Format DEFAULT_FORMAT = new Format("csv", ",", "UTF-8", true, null);

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final int MIN_TABLE_LENGTH = 3;
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern SCHEDULE_EXPRESSION = Pattern.compile("(rate|cron)\\(.+\\)");
    private static final String TYPES = Arrays.stream(FieldType.values())
            .map(JobDefinitionParser::spelling)
            .collect(Collectors.joining(", "));
    private static final Set<String> NOTIFY_STATUSES = notifyStatuses();

    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml = new YAMLMapper();

    /** Parses YAML, or JSON when the text starts with "{". */
    public JobDefinition parse(String text) {
        JsonNode root = readTree(text);
        List<String> problems = new ArrayList<>();
        DefinitionNode top = new DefinitionNode(root, "", problems);

        JobDefinition definition = readDefinition(top);

        if (!problems.isEmpty()) {
            String prefix = definition.id() == null ? "job definition: " : "job \""
                    + definition.id() + "\": ";
            throw new InvalidJobDefinitionException(
                    problems.stream().map(p -> prefix + p).toList());
        }
        return definition;
    }

    private JsonNode readTree(String text) {
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? json : yaml;
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidJobDefinitionException(List.of("job definition: " + where
                    + firstLines(e.getOriginalMessage()) + "; fix the YAML or JSON syntax"), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJobDefinitionException(List.of(
                    "job definition: expected settings (id, schema, ...), found "
                            + (root == null || root.isMissingNode() ? "nothing" : "a value")));
        }
        return root;
    }

    /** The YAML parser's message without its indented excerpts of the text. */
    private static String firstLines(String message) {
        return Arrays.stream(message.split("\n"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining(", "));
    }

    private JobDefinition readDefinition(DefinitionNode top) {
        top.rejectUnknownKeys(orderedSet("id", "name", "source", "format", "schema",
                "destination", "maxFailedPercent", "schedule", "notify"));
        String id = readId(top);
        String name = top.text("name", false, "");
        Source source = readSource(top.object("source"), id);
        Format format = readFormat(top.object("format"));
        Schema schema = readSchema(top);
        Destination destination = readDestination(top.object("destination"), id);
        BigDecimal maxFailedPercent = readMaxFailedPercent(top);
        Schedule schedule = readSchedule(top.object("schedule"));
        Notify notify = readNotify(top.object("notify"));
        return new JobDefinition(id, name == null ? id : name, source, format, schema,
                destination, maxFailedPercent, schedule, notify);
    }

    private static String readId(DefinitionNode top) {
        String id = top.text("id", true,
                "give the job an id of lower-case letters, digits and '-'");
        if (id != null && !ID.matcher(id).matches()) {
            top.problem("id", "\"" + id + "\" may hold only lower-case letters, digits and '-'");
        }
        return id;
    }

    private static Source readSource(DefinitionNode node, String id) {
        String prefix = node == null ? null : node.text("prefix", false, "");
        if (node != null) {
            node.rejectUnknownKeys(Set.of("prefix"));
        }
        return new Source(prefix != null ? prefix : "incoming/" + id + "/");
    }

    private static Format readFormat(DefinitionNode node) {
        if (node == null) {
            return DEFAULT_FORMAT;
        }
        node.rejectUnknownKeys(orderedSet("type", "delimiter", "encoding", "header", "locale"));
        String type = orDefault(node.text("type", false, ""), "csv").toLowerCase(Locale.ROOT);
        if (!type.equals("csv") && !type.equals("jsonl")) {
            node.problem("type", "unknown format \"" + type + "\"; use csv or jsonl");
        }
        String delimiter = orDefault(node.text("delimiter", false, ""), ",");
        if (delimiter.length() != 1) {
            node.problem("delimiter", "\"" + delimiter + "\" is not one character; use one "
                    + "character such as \",\" or \";\"");
        }
        String encoding = orDefault(node.text("encoding", false, ""), "UTF-8");
        checkCharset(node, encoding);
        Boolean header = node.bool("header");
        String locale = node.text("locale", false, "");
        checkLocale(node, locale);
        return new Format(type, delimiter, encoding, header == null || header, locale);
    }

    private static void checkCharset(DefinitionNode node, String encoding) {
        boolean known;
        try {
            known = Charset.isSupported(encoding);
        } catch (IllegalArgumentException e) {
            known = false;
        }
        if (!known) {
            node.problem("encoding", "unknown encoding \"" + encoding
                    + "\"; use a name such as UTF-8 or windows-1252");
        }
    }

    private static void checkLocale(DefinitionNode node, String locale) {
        if (locale == null) {
            return;
        }
        Locale parsed = Locale.forLanguageTag(locale);
        boolean known = !parsed.getLanguage().isEmpty()
                && Arrays.asList(Locale.getAvailableLocales()).contains(parsed);
        if (!known) {
            node.problem("locale", "unknown locale \"" + locale
                    + "\"; use a language tag such as en-US or de-DE");
        }
    }

    private static Schema readSchema(DefinitionNode top) {
        DefinitionNode node = top.object("schema");
        if (node == null) {
            if (!top.has("schema")) {
                top.problem("schema", "missing; list the fields of a record under schema.fields");
            }
            return new Schema(List.of(), List.of(), DuplicateRule.LAST_WINS, ExtraColumns.IGNORE);
        }
        node.rejectUnknownKeys(orderedSet("key", "fields", "duplicates", "extraColumns"));
        List<Field> fields = new FieldReader(node).readFields();
        List<String> key = readKey(node, fields);
        DuplicateRule duplicates = readEnum(node, "duplicates", DuplicateRule.class,
                DuplicateRule.LAST_WINS);
        ExtraColumns extra = readEnum(node, "extraColumns", ExtraColumns.class,
                ExtraColumns.IGNORE);
        return new Schema(key, fields, duplicates, extra);
    }

    private static List<String> readKey(DefinitionNode schema, List<Field> fields) {
        List<String> key = schema.texts("key");
        if (key == null || key.isEmpty()) {
            schema.problem("key", "missing; name the field or fields that identify a record");
            return List.of();
        }
        List<String> names = fields.stream().map(Field::name).toList();
        for (int i = 0; i < key.size(); i++) {
            if (!names.contains(key.get(i))) {
                schema.problem("key[" + i + "]", "\"" + key.get(i)
                        + "\" is not a field; use one of "
                        + String.join(", ", names));
            }
        }
        return key;
    }

    private static Destination readDestination(DefinitionNode node, String id) {
        if (node == null) {
            return new Destination(defaultTable(id), WriteMode.REPLACE);
        }
        node.rejectUnknownKeys(orderedSet("table", "mode"));
        String table = orDefault(node.text("table", false, ""), defaultTable(id));
        if (table != null && !TABLE.matcher(table).matches()) {
            node.problem("table", "\"" + table + "\" is not a table name; use 3 to 255 letters, "
                    + "digits, '_', '-' or '.'");
        }
        return new Destination(table, readEnum(node, "mode", WriteMode.class, WriteMode.REPLACE));
    }

    /**
     * The job id, which is a valid table name once it has 3 characters: a shorter id is prefixed
     * with {@code job-}, so that an id the parser accepts never yields a table it refuses.
     */
    private static String defaultTable(String id) {
        return id != null && id.length() < MIN_TABLE_LENGTH ? "job-" + id : id;
    }



    private static BigDecimal readMaxFailedPercent(DefinitionNode top) {
        BigDecimal value = top.decimal("maxFailedPercent");
        if (value == null) {
            return DEFAULT_MAX_FAILED_PERCENT;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            top.problem("maxFailedPercent", value.toPlainString()
                    + " is not a percentage; use a number from 0 to 100");
        }
        return value;
    }

    private static Schedule readSchedule(DefinitionNode node) {
        if (node == null) {
            return null;
        }
        node.rejectUnknownKeys(orderedSet("type", "expression", "at", "timezone"));
        String type = orDefault(node.text("type", false, ""), "none");
        String expression = node.text("expression", false, "");
        String at = node.text("at", false, "");
        String timezone = node.text("timezone", false, "");
        switch (type) {
            case "recurring" -> checkRecurring(node, expression);
            case "one-time" -> checkOneTime(node, at);
            case "none" -> { }
            default -> node.problem("type", "unknown schedule type \"" + type
                    + "\"; use recurring, one-time or none");
        }
        checkTimezone(node, timezone);
        return type.equals("none") ? null : new Schedule(type, expression, at,
                orDefault(timezone, "UTC"));
    }

    private static void checkRecurring(DefinitionNode node, String expression) {
        if (expression == null) {
            node.problem("expression",
                    "missing; a recurring schedule needs rate(...) or cron(...)");
        } else if (!SCHEDULE_EXPRESSION.matcher(expression).matches()) {
            node.problem("expression", "\"" + expression
                    + "\" is not a schedule; use rate(1 day) or cron(0 6 * * ? *)");
        } else {
            checkExpression(node, "expression", expression);
        }
    }

    /** Refuses on load what EventBridge Scheduler would refuse when the job is activated. */
    private static void checkExpression(DefinitionNode node, String key, String expression) {
        try {
            ScheduleExpression.parse(expression);
        } catch (InvalidScheduleExpressionException e) {
            node.problem(key, e.getMessage());
        }
    }

    private static void checkOneTime(DefinitionNode node, String at) {
        if (at == null) {
            node.problem("at", "missing; a one-time schedule needs a time such as "
                    + "2026-12-24T06:00:00");
            return;
        }
        try {
            LocalDateTime.parse(at);
        } catch (DateTimeParseException e) {
            node.problem("at", "\"" + at + "\" is not a date and time; write it as "
                    + "2026-12-24T06:00:00");
            return;
        }
        checkExpression(node, "at", "at(" + at + ")");
    }

    private static void checkTimezone(DefinitionNode node, String timezone) {
        if (timezone == null) {
            return;
        }
        try {
            ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            node.problem("timezone", "unknown time zone \"" + timezone
                    + "\"; use a name such as Europe/Paris or UTC");
        }
    }

    private static Notify readNotify(DefinitionNode node) {
        if (node == null) {
            return new Notify(List.of(), DEFAULT_NOTIFY_ON);
        }
        node.rejectUnknownKeys(orderedSet("emails", "on"));
        List<String> emails = orDefault(node.texts("emails"), List.of());
        for (int i = 0; i < emails.size(); i++) {
            if (!EmailSyntax.isValid(emails.get(i).trim())) {
                node.problem("emails[" + i + "]", "\"" + emails.get(i)
                        + "\" is not an email address; write it as name@example.com");
            }
        }
        List<String> on = readNotifyOn(node);
        return new Notify(emails.stream().map(String::trim).toList(), on);
    }

    private static List<String> readNotifyOn(DefinitionNode node) {
        List<String> on = node.texts("on");
        if (on == null) {
            return DEFAULT_NOTIFY_ON;
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < on.size(); i++) {
            String label = on.get(i).trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (NOTIFY_STATUSES.contains(label)) {
                labels.add(label);
            } else {
                node.problem("on[" + i + "]", "unknown status \"" + on.get(i) + "\"; use one of "
                        + String.join(", ", NOTIFY_STATUSES));
            }
        }
        return labels;
    }

    /** Reads {@code last-wins}, {@code insert-only} (or with '_', any case) into an enum. */
    static <E extends Enum<E>> E readEnum(DefinitionNode node, String key, Class<E> type,
            E fallback) {
        String text = node.text(key, false, "");
        if (text == null) {
            return fallback;
        }
        String constant = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(constant)) {
                return value;
            }
        }
        String spellings = Arrays.stream(type.getEnumConstants())
                .map(JobDefinitionParser::spelling)
                .collect(Collectors.joining(", "));
        node.problem(key, "unknown value \"" + text + "\"; use one of " + spellings);
        return fallback;
    }

    /** How a person writes an enum constant: {@code LAST_WINS} is {@code last-wins}. */
    static String spelling(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String typeSpellings() {
        return TYPES;
    }

    private static Set<String> notifyStatuses() {
        Set<String> statuses = new LinkedHashSet<>();
        for (RunStatus status : RunStatus.values()) {
            statuses.add(status.label());
        }
        for (JobStatus status : JobStatus.values()) {
            statuses.add(status.label());
        }
        return statuses;
    }

    private static Set<String> orderedSet(String... names) {
        return new LinkedHashSet<>(Arrays.asList(names));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** Reads schema.fields, with the checks that need several settings of one field. */
    private static final class FieldReader {

        private final DefinitionNode schema;
        private final List<String> usedNames = new ArrayList<>();
        private final List<String> usedBy = new ArrayList<>();

        FieldReader(DefinitionNode schema) {
            this.schema = schema;
        }

        List<Field> readFields() {
            List<DefinitionNode> nodes = schema.objects("fields");
            if (nodes.isEmpty() && !schema.has("fields")) {
                schema.problem("fields", "missing; list the columns of a record, each with a "
                        + "name and a type");
            }
            List<Field> fields = new ArrayList<>();
            for (DefinitionNode node : nodes) {
                fields.add(readField(node));
            }
            return fields;
        }

        private Field readField(DefinitionNode node) {
            node.rejectUnknownKeys(orderedSet("name", "type", "required", "pattern", "min", "max",
                    "maxLength", "values", "formats", "aliases"));
            String name = node.text("name", true, "give the column name as it appears in files");
            FieldType type = readType(node);
            List<String> aliases = orDefault(node.texts("aliases"), List.of());
            claimNames(node, name, aliases);
            Boolean required = node.bool("required");
            String pattern = readPattern(node);
            BigDecimal min = node.decimal("min");
            BigDecimal max = node.decimal("max");
            checkRange(node, type, min, max);
            Integer maxLength = node.positiveInt("maxLength");
            List<String> values = readValues(node, type);
            List<String> formats = readFormats(node, type);
            return new Field(name, type, required != null && required, pattern, min, max,
                    maxLength, values, formats, aliases);
        }

        private static FieldType readType(DefinitionNode node) {
            String text = node.text("type", false, "");
            if (text == null) {
                return FieldType.STRING;
            }
            try {
                return FieldType.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                node.problem("type", "unknown type \"" + text + "\"; use one of " + TYPES);
                return FieldType.STRING;
            }
        }

        /** Names and aliases are matched without regard to case, so they must differ so. */
        private void claimNames(DefinitionNode node, String name, List<String> aliases) {
            List<String> names = new ArrayList<>(aliases);
            if (name != null) {
                names.add(0, name);
            }
            for (String candidate : names) {
                String folded = candidate.trim().toLowerCase(Locale.ROOT);
                int earlier = usedNames.indexOf(folded);
                if (earlier >= 0) {
                    node.problem(null, "\"" + candidate + "\" is already used by "
                            + usedBy.get(earlier) + "; give each column its own name");
                } else {
                    usedNames.add(folded);
                    usedBy.add(node.path());
                }
            }
        }

        private static String readPattern(DefinitionNode node) {
            String pattern = node.text("pattern", false, "");
            if (pattern == null) {
                return null;
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                node.problem("pattern", "does not compile: " + e.getDescription() + " near index "
                        + e.getIndex() + "; fix the regular expression");
            }
            return pattern;
        }

        private static void checkRange(DefinitionNode node, FieldType type, BigDecimal min,
                BigDecimal max) {
            boolean numeric = type == FieldType.INTEGER || type == FieldType.DECIMAL;
            if (!numeric && (min != null || max != null)) {
                node.problem(min != null ? "min" : "max",
                        "applies to integer and decimal fields only; remove it or change the type");
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                node.problem(null, "min " + min.toPlainString() + " is greater than max "
                        + max.toPlainString() + "; swap them");
            }
        }

        private static List<String> readValues(DefinitionNode node, FieldType type) {
            List<String> values = node.texts("values");
            if (type == FieldType.ENUM && (values == null || values.isEmpty())) {
                node.problem("values", "missing; an enum field lists its allowed values");
            }
            if (type != FieldType.ENUM && values != null) {
                node.problem("values", "applies to enum fields only; remove it or use type enum");
            }
            return values;
        }

        private static List<String> readFormats(DefinitionNode node, FieldType type) {
            List<String> formats = node.texts("formats");
            if (formats == null) {
                return null;
            }
            if (type != FieldType.DATE) {
                node.problem("formats", "applies to date fields only; timestamps are read as "
                        + "ISO-8601 with an offset, such as 2024-04-09T10:15:00Z");
                return formats;
            }
            for (int i = 0; i < formats.size(); i++) {
                String problem = dev.intake.pipeline.DatePatterns
                        .problemWithDatePattern(formats.get(i));
                if (problem != null) {
                    node.problem("formats[" + i + "]", "\"" + formats.get(i)
                            + "\" is not a date format (" + problem
                            + "); write it like dd/MM/yyyy or yyyy-MM-dd");
                }
            }
            return formats;
        }
    }
}
