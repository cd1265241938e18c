package dev.intake.job;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a team declares about an import job: which files belong to it, what they must contain,
 * where their records go, when it runs and who hears about problems. Parsed and checked by
 * {@link JobDefinitionParser}; stored as JSON by the job stores.
 */
public record JobDefinition(
        String id,
        String name,
        Source source,
        Format format,
        Schema schema,
        Destination destination,
        BigDecimal maxFailedPercent,
        Schedule schedule,
        Notify notifications) {

    public JobDefinition {
        schema = java.util.Objects.requireNonNull(schema, "schema");
    }

    /** Files whose key starts with {@code prefix} belong to the job. */
    public record Source(String prefix) {}

    /** How the bytes of a file are read. {@code type} is csv or jsonl; gzip is found by magic bytes. */
    public record Format(String type, String delimiter, String encoding, boolean header, String locale) {}

    public record Schema(
            List<String> key,
            List<Field> fields,
            DuplicateRule duplicates,
            ExtraColumns extraColumns) {

        public Schema {
            key = List.copyOf(key);
            fields = List.copyOf(fields);
        }
    }

    /** One column of the file and the rules its values must follow. Unused rules are null. */
    public record Field(
            String name,
            FieldType type,
            boolean required,
            String pattern,
            BigDecimal min,
            BigDecimal max,
            Integer maxLength,
            List<String> values,
            List<String> formats,
            List<String> aliases) {

        public Field {
            values = values == null ? List.of() : List.copyOf(values);
            formats = formats == null ? List.of() : List.copyOf(formats);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    public enum FieldType { STRING, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, EMAIL, ENUM, URL }

    /** What happens to rows of one file that share a key. */
    public enum DuplicateRule { LAST_WINS, FIRST_WINS, REJECT }

    /** What happens to columns the schema does not name. */
    public enum ExtraColumns { IGNORE, KEEP, REJECT }

    public record Destination(String table, WriteMode mode) {}

    /**
     * How a record meets an existing one with the same key: REPLACE writes the whole record, MERGE
     * overwrites only the fields the file gives, INSERT_ONLY leaves an existing record alone.
     */
    public enum WriteMode { REPLACE, MERGE, INSERT_ONLY }

    /**
     * When the job runs by itself. {@code type} is recurring (an EventBridge Scheduler
     * {@code rate(...)} or {@code cron(...)} expression), one-time ({@code at}) or none.
     */
    public record Schedule(String type, String expression, String at, String timezone) {}

    /** Who hears about which status changes; YAML key {@code notify}. */
    public record Notify(List<String> emails, List<String> on) {

        public Notify {
            emails = emails == null ? List.of() : List.copyOf(emails);
            on = on == null ? List.of() : List.copyOf(on);
        }
    }
}
