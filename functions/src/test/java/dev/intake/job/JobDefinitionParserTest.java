package dev.intake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.intake.job.JobDefinition.DuplicateRule;
import dev.intake.job.JobDefinition.ExtraColumns;
import dev.intake.job.JobDefinition.Field;
import dev.intake.job.JobDefinition.FieldType;
import dev.intake.job.JobDefinition.WriteMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JobDefinitionParserTest {

    private final JobDefinitionParser parser = new JobDefinitionParser();

    static String resource(String name) {
        try (var in = JobDefinitionParserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> problemsOf(String text) {
        return catchThrowableOfType(InvalidJobDefinitionException.class,
                () -> parser.parse(text)).problems();
    }

    @Nested
    class ReadsAFullDefinition {

        @Test
        void readsEverySettingOfTheYamlExample() {
            JobDefinition job = parser.parse(resource("/jobs/store-locations.yaml"));

            assertThat(job.id()).isEqualTo("store-locations");
            assertThat(job.format()).isEqualTo(
                    new JobDefinition.Format("csv", ",", "UTF-8", true, null));
            assertThat(job.schema().key()).containsExactly("zip_code");
            assertThat(job.schema().fields().get(0)).isEqualTo(new Field("zip_code",
                    FieldType.STRING, true, "^[0-9]{5}$", null, null, null, null, null, null));
            assertThat(job.schema().fields().get(2).min()).isEqualByComparingTo("-90");
            assertThat(job.schema().fields().get(3).formats())
                    .containsExactly("yyyy-MM-dd", "MM/dd/yyyy");
            assertThat(job.schema().duplicates()).isEqualTo(DuplicateRule.LAST_WINS);
            assertThat(job.destination().mode()).isEqualTo(WriteMode.INSERT_ONLY);
            assertThat(job.maxFailedPercent()).isEqualByComparingTo("20");
            assertThat(job.schedule()).isEqualTo(new JobDefinition.Schedule("recurring",
                    "cron(0 6 * * ? *)", null, "Europe/Paris"));
            assertThat(job.notifications().emails()).containsExactly("ops@example.com");
        }

        @Test
        void readsTheSameDefinitionWrittenAsJson() {
            String json = """
                    {"id": "orders", "format": {"type": "jsonl"},
                     "schema": {"key": ["id"], "fields": [{"name": "id", "type": "integer"}],
                                "duplicates": "first_wins", "extraColumns": "REJECT"}}
                    """;

            JobDefinition job = parser.parse(json);

            assertThat(job.format().type()).isEqualTo("jsonl");
            assertThat(job.schema().duplicates()).isEqualTo(DuplicateRule.FIRST_WINS);
            assertThat(job.schema().extraColumns()).isEqualTo(ExtraColumns.REJECT);
        }

        @Test
        void fillsDefaultsForEverythingLeftOut() {
            JobDefinition job = parser.parse("""
                    id: minimal
                    schema:
                      key: [id]
                      fields: [{ name: id }]
                    """);

            assertThat(job.name()).isEqualTo("minimal");
            assertThat(job.source().prefix()).isEqualTo("incoming/minimal/");
            assertThat(job.format()).isEqualTo(JobDefinitionParser.DEFAULT_FORMAT);
            assertThat(job.schema().fields().get(0).type()).isEqualTo(FieldType.STRING);
            assertThat(job.schema().duplicates()).isEqualTo(DuplicateRule.LAST_WINS);
            assertThat(job.schema().extraColumns()).isEqualTo(ExtraColumns.IGNORE);
            assertThat(job.destination()).isEqualTo(
                    new JobDefinition.Destination("minimal", WriteMode.REPLACE));
            assertThat(job.maxFailedPercent()).isEqualTo(BigDecimal.TEN);
            assertThat(job.schedule()).isNull();
            assertThat(job.notifications().on()).containsExactly(
                    "halted", "failed", "partially_completed", "sampling_failed");
        }
    }

    @Nested
    class ReportsProblems {

        @Test
        void namesTheDefaultTableOfAShortIdSoThatItIsAValidTableName() {
            String text = resource("/jobs/store-locations.yaml")
                    .replace("id: store-locations", "id: ab")
                    .replace("destination: { table: store-locations, mode: insert-only }\n", "");

            assertThat(parser.parse(text).destination().table()).isEqualTo("job-ab");
        }

        @Test
        void acceptsAShortIdWhenTheDefinitionNamesItsTable() {
            String text = resource("/jobs/store-locations.yaml")
                    .replace("id: store-locations", "id: ab");

            assertThat(parser.parse(text).destination().table()).isEqualTo("store-locations");
        }

        @Test
        void namesTheFieldPathAndTheFixOfAnUnknownType() {
            String text = resource("/jobs/store-locations.yaml")
                    .replace("type: decimal, min: -90", "type: dcimal, min: -90")
                    .replace("min: -90, max: 90", "");

            assertThat(problemsOf(text)).containsExactly("job \"store-locations\": "
                    + "schema.fields[2].type: unknown type \"dcimal\"; use one of string, "
                    + "integer, decimal, boolean, date, timestamp, email, enum, url");
        }

        @Test
        void listsEveryProblemOfTheDefinitionAtOnce() {
            assertThat(problemsOf(resource("/jobs/many-problems.yaml"))).containsExactly(
                    "job \"store-locations\": format.type: unknown format \"xlsx\"; use csv or "
                            + "jsonl",
                    "job \"store-locations\": format.delimiter: \";;\" is not one character; "
                            + "use one character such as \",\" or \";\"",
                    "job \"store-locations\": format.encoding: unknown encoding \"utf-9\"; "
                            + "use a name such as UTF-8 or windows-1252",
                    "job \"store-locations\": format.locale: unknown locale \"xx-YY\"; use a "
                            + "language tag such as en-US or de-DE",
                    "job \"store-locations\": schema.fields[0].pattern: does not compile: "
                            + "Unclosed character class near index 8; fix the regular expression",
                    "job \"store-locations\": schema.fields[2].type: unknown type \"dcimal\"; "
                            + "use one of string, integer, decimal, boolean, date, timestamp, "
                            + "email, enum, url",
                    "job \"store-locations\": schema.fields[3]: min 90 is greater than max -90;"
                            + " swap them",
                    "job \"store-locations\": schema.fields[4].values: missing; an enum field "
                            + "lists its allowed values",
                    "job \"store-locations\": schema.fields[5].formats[1]: \"HH:mm\" is not a "
                            + "date format (it needs a year, a month and a day); write it like "
                            + "dd/MM/yyyy or yyyy-MM-dd",
                    "job \"store-locations\": schema.fields[6]: \"City\" is already used by "
                            + "schema.fields[1]; give each column its own name",
                    "job \"store-locations\": schema.key[0]: \"zip\" is not a field; use one of "
                            + "zip_code, city, latitude, longitude, kind, opened, City",
                    "job \"store-locations\": schema.duplicates: unknown value \"newest-wins\"; "
                            + "use one of last-wins, first-wins, reject",
                    "job \"store-locations\": destination.mode: unknown value \"upsert\"; use "
                            + "one of replace, merge, insert-only",
                    "job \"store-locations\": maxFailedPercent: 120 is not a percentage; use a "
                            + "number from 0 to 100",
                    "job \"store-locations\": notify.emails[0]: \"not-an-address\" is not an "
                            + "email address; write it as name@example.com",
                    "job \"store-locations\": notify.on[1]: unknown status \"exploded\"; use one"
                            + " of validating, processing, importing, completed, "
                            + "partially_completed, failed, halted, draft, sampling, "
                            + "sampling_failed, active, paused");
        }

        @Test
        void refusesAnIdOutsideLowerCaseLettersDigitsAndDashes() {
            assertThat(problemsOf("id: Store_Locations\nschema: {key: [a], fields: [{name: a}]}"))
                    .containsExactly("job \"Store_Locations\": id: \"Store_Locations\" may hold "
                            + "only lower-case letters, digits and '-'");
        }

        @Test
        void refusesAnUnknownSettingSoThatATypoIsNotIgnored() {
            assertThat(problemsOf("id: a\nfomat: {}\nschema: {key: [a], fields: [{name: a}]}"))
                    .containsExactly("job \"a\": fomat: unknown setting; use one of id, name, "
                            + "source, format, schema, destination, maxFailedPercent, schedule, "
                            + "notify");
        }

        @Test
        void namesTheMissingIdAndSchema() {
            assertThat(problemsOf("name: nothing")).containsExactly(
                    "job definition: id: missing; give the job an id of lower-case letters, "
                            + "digits and '-'",
                    "job definition: schema: missing; list the fields of a record under "
                            + "schema.fields");
        }

        @Test
        void pointsAtTheLineOfASyntaxError() {
            assertThat(problemsOf("id: a\nschema: [unclosed\n")).containsExactly(
                    "job definition: line 2, column 18: while parsing a flow sequence, "
                            + "expected ',' or ']', but got <stream end>; fix the YAML or JSON "
                            + "syntax");
        }

        @Test
        void checksSchedules() {
            assertThat(problemsOf("""
                    id: a
                    schema: {key: [a], fields: [{name: a}]}
                    schedule: {type: recurring, expression: "every day", timezone: Mars/Base}
                    """)).containsExactly(
                    "job \"a\": schedule.expression: \"every day\" is not a schedule; use "
                            + "rate(1 day) or cron(0 6 * * ? *)",
                    "job \"a\": schedule.timezone: unknown time zone \"Mars/Base\"; use a name "
                            + "such as Europe/Paris or UTC");
        }

        @Test
        void refusesACronWithAMinuteOutOfRange() {
            assertThat(problemsOf(scheduled(
                    "{type: recurring, expression: \"cron(99 * * * ? *)\"}")))
                    .containsExactly("job \"a\": schedule.expression: "
                            + "cron(99 * * * ? *): minutes \"99\": 99 is out of range; use 0-59");
        }

        @Test
        void refusesAFiveFieldCron() {
            assertThat(problemsOf(scheduled(
                    "{type: recurring, expression: \"cron(0 6 * * *)\"}")))
                    .containsExactly("job \"a\": schedule.expression: "
                            + "cron(0 6 * * *): has 5 fields, needs 6 (minutes hours day-of-month "
                            + "month day-of-week year); write it as \"cron(0 6 * * ? *)\"");
        }

        @Test
        void refusesARateOfZero() {
            assertThat(problemsOf(scheduled(
                    "{type: recurring, expression: \"rate(0 minutes)\"}")))
                    .containsExactly("job \"a\": schedule.expression: "
                            + "rate(0 minutes): value \"0\" must be a whole number of 1 or more");
        }

        @Test
        void refusesAOneTimeScheduleOnADayThatDoesNotExist() {
            assertThat(problemsOf(scheduled(
                    "{type: one-time, at: \"2026-02-30T06:00:00\"}")))
                    .containsExactly("job \"a\": schedule.at: "
                            + "\"2026-02-30T06:00:00\" is not a date and time; write it as "
                            + "2026-12-24T06:00:00");
        }

        @Test
        void refusesAOneTimeScheduleWithoutSeconds() {
            assertThat(problemsOf(scheduled(
                    "{type: one-time, at: \"2026-12-24T06:00\"}")))
                    .containsExactly("job \"a\": schedule.at: "
                            + "at(2026-12-24T06:00): a one-time schedule gives a local date and "
                            + "time; write it as \"at(2026-12-24T06:00:00)\"");
        }

        @Test
        void refusesAnUnknownTimeZoneOfAOneTimeSchedule() {
            assertThat(problemsOf(scheduled(
                    "{type: one-time, at: \"2026-12-24T06:00:00\", timezone: Europe/Atlantis}")))
                    .containsExactly("job \"a\": schedule.timezone: unknown time zone "
                            + "\"Europe/Atlantis\"; use a name such as Europe/Paris or UTC");
        }

        @Test
        void acceptsAValidCronRateAndOneTimeSchedule() {
            for (String schedule : List.of("{type: recurring, expression: \"cron(0 6 * * ? *)\"}",
                    "{type: recurring, expression: \"rate(5 minutes)\"}",
                    "{type: one-time, at: \"2026-12-24T06:00:00\", timezone: Europe/Paris}")) {
                assertThat(parser.parse(scheduled(schedule)).schedule()).isNotNull();
            }
        }

        private static String scheduled(String schedule) {
            return "id: a\nschema: {key: [a], fields: [{name: a}]}\nschedule: " + schedule + "\n";
        }
    }
}
