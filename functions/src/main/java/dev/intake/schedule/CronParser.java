package dev.intake.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads AWS's six-field cron dialect: minutes, hours, day-of-month, month, day-of-week, year.
 * Where AWS's documentation is silent, the parser refuses rather than guesses, so that an
 * expression accepted here is one AWS accepts too: a range that runs backwards ({@code 22-2}),
 * {@code L-3}, and {@code L}, {@code W} or {@code #} inside a list are refused with the fix.
 */
final class CronParser {

    private static final Pattern SHAPE = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("(\\d+)W");
    private static final Pattern LAST_OF_MONTH = Pattern.compile("(\\w+)L");
    private static final Pattern NTH_OF_MONTH = Pattern.compile("(\\w+)#(\\d+)");

    private final String text;

    private CronParser(String text) {
        this.text = text;
    }

    static CronExpression parse(String text) {
        return new CronParser(text).parse();
    }

    private CronExpression parse() {
        String[] fields = splitFields();
        CronField minutes = values(Field.MINUTES, fields[0]);
        CronField hours = values(Field.HOURS, fields[1]);
        DayRule days = days(fields[2], fields[4]);
        CronField months = values(Field.MONTH, fields[3]);
        CronField years = values(Field.YEAR, fields[5]);
        return new CronExpression(text, minutes, hours, days, months, years);
    }

    private String[] splitFields() {
        Matcher shape = SHAPE.matcher(text);
        String inner = shape.matches() ? shape.group(1).strip() : "";
        String[] fields = inner.isEmpty() ? new String[0] : inner.split("\\s+");
        if (fields.length != 6) {
            throw invalid("has " + fields.length + " fields, needs 6 (minutes hours day-of-month"
                    + " month day-of-week year); write it as \"cron(0 6 * * ? *)\"");
        }
        return fields;
    }

    private DayRule days(String dayOfMonth, String dayOfWeek) {
        boolean monthDayAny = dayOfMonth.equals("?");
        boolean weekDayAny = dayOfWeek.equals("?");
        if (monthDayAny && weekDayAny) {
            throw invalid("day-of-month and day-of-week cannot both be \"?\"; put \"*\" or the days"
                    + " wanted in one of them");
        }
        if (!monthDayAny && !weekDayAny) {
            throw invalid(dayOfMonth.equals("*") && dayOfWeek.equals("*")
                    ? "day-of-month and day-of-week cannot both be \"*\"; use \"?\" in one of them"
                    : "day-of-month \"" + dayOfMonth + "\" and day-of-week \"" + dayOfWeek
                            + "\" cannot both be given; use \"?\" in one of them");
        }
        return monthDayAny ? weekDays(dayOfWeek) : monthDays(dayOfMonth);
    }

    private DayRule monthDays(String token) {
        if (token.equals("*")) {
            return new DayRule.EveryDay();
        }
        if (token.equals("L")) {
            return new DayRule.LastDayOfMonth();
        }
        if (token.equals("LW")) {
            return new DayRule.LastWeekdayOfMonth();
        }
        Matcher nearest = NEAREST_WEEKDAY.matcher(token);
        if (nearest.matches()) {
            return new DayRule.NearestWeekday(number(Field.DAY_OF_MONTH, token, nearest.group(1)));
        }
        if (token.contains("L") || token.contains("W")) {
            throw invalid("day-of-month \"" + token + "\": \"L\" and \"W\" stand alone in the"
                    + " field, as \"L\", \"LW\" or \"15W\" (a single day before \"W\")");
        }
        return new DayRule.DaysOfMonth(values(Field.DAY_OF_MONTH, token));
    }

    private DayRule weekDays(String token) {
        if (token.equals("*")) {
            return new DayRule.EveryDay();
        }
        if (token.equals("L")) {
            return new DayRule.DaysOfWeek(values(Field.DAY_OF_WEEK, "7"));
        }
        Matcher last = LAST_OF_MONTH.matcher(token);
        if (last.matches()) {
            return new DayRule.LastOfMonth(DayRule.dayOfWeek(value(Field.DAY_OF_WEEK, token,
                    last.group(1))));
        }
        Matcher nth = NTH_OF_MONTH.matcher(token);
        if (nth.matches()) {
            return nthOfMonth(token, nth);
        }
        if (token.contains("#")) {
            throw invalid("day-of-week \"" + token + "\" can hold only one \"#\" expression and"
                    + " nothing else, such as \"6#3\"; use one schedule per expression");
        }
        if (token.contains("L")) {
            throw invalid("day-of-week \"" + token + "\": \"L\" stands alone in the field, as"
                    + " \"L\" or \"6L\"");
        }
        return new DayRule.DaysOfWeek(values(Field.DAY_OF_WEEK, token));
    }

    private DayRule nthOfMonth(String token, Matcher nth) {
        int day = value(Field.DAY_OF_WEEK, token, nth.group(1));
        int occurrence = Integer.parseInt(nth.group(2));
        if (occurrence < 1 || occurrence > 5) {
            throw invalid("day-of-week \"" + token + "\": the number after \"#\" says which"
                    + " occurrence in the month and must be 1-5");
        }
        return new DayRule.NthOfMonth(DayRule.dayOfWeek(day), occurrence);
    }

    private CronField values(Field field, String token) {
        BitSet values = new BitSet();
        for (String item : token.split(",", -1)) {
            if (item.isEmpty()) {
                throw invalid(field.label + " \"" + token + "\" has an empty list item; remove the"
                        + " extra comma");
            }
            addItem(field, token, item, values);
        }
        return new CronField(values);
    }

    private void addItem(Field field, String token, String item, BitSet values) {
        String[] stepped = item.split("/", -1);
        if (stepped.length > 2) {
            throw invalid(field.label + " \"" + token + "\" has more than one \"/\" in \"" + item
                    + "\"; write a start and a step, such as \"0/15\"");
        }
        int step = stepped.length == 2 ? step(field, token, stepped[1]) : 1;
        int[] range = range(field, token, stepped[0], stepped.length == 2);
        for (int value = range[0]; value <= range[1]; value += step) {
            values.set(value);
        }
    }

    private int step(Field field, String token, String step) {
        if (!field.allowsStep) {
            throw invalid(field.label + " \"" + token + "\" cannot use \"/\"; list the days"
                    + " instead, such as \"2,4,6\"");
        }
        if (!step.matches("\\d{1,9}") || Integer.parseInt(step) < 1) {
            throw invalid(field.label + " \"" + token + "\": the step after \"/\" must be a whole"
                    + " number of 1 or more");
        }
        return Integer.parseInt(step);
    }

    /** {@code *}, {@code a-b}, or {@code a} (running to the field's end when a step follows). */
    private int[] range(Field field, String token, String base, boolean stepped) {
        if (base.equals("*")) {
            return new int[] {field.min, field.max};
        }
        if (base.equals("?")) {
            throw invalid(field.label + " \"" + token + "\": \"?\" belongs only in day-of-month or"
                    + " day-of-week; use \"*\"");
        }
        String[] bounds = base.split("-", -1);
        if (bounds.length > 2) {
            throw invalid(field.label + " \"" + token + "\" has a malformed range \"" + base
                    + "\"; write it as \"1-5\"");
        }
        int from = value(field, token, bounds[0]);
        int to = bounds.length == 2 ? value(field, token, bounds[1]) : stepped ? field.max : from;
        if (to < from) {
            throw invalid(field.label + " \"" + token + "\" has a range \"" + base + "\" that runs"
                    + " backwards; write the low value first, or split it into a list such as \""
                    + bounds[0] + "-" + field.lastName() + "," + field.firstName() + "-"
                    + bounds[1] + "\"");
        }
        return new int[] {from, to};
    }

    private int value(Field field, String token, String value) {
        int named = field.names.indexOf(value.toUpperCase(Locale.ROOT));
        return named >= 0 ? field.min + named : number(field, token, value);
    }

    private int number(Field field, String token, String value) {
        if (!value.matches("\\d{1,9}")) {
            throw invalid(field.label + " \"" + token + "\": \"" + value + "\" is not a value;"
                    + " use " + field.accepted());
        }
        int parsed = Integer.parseInt(value);
        if (parsed < field.min || parsed > field.max) {
            throw invalid(field.label + " \"" + token + "\": " + parsed + " is out of range; use "
                    + field.accepted());
        }
        return parsed;
    }

    private InvalidScheduleExpressionException invalid(String problem) {
        return new InvalidScheduleExpressionException(text, problem);
    }

    /** The six fields with their bounds, names and whether a step ({@code /}) is allowed. */
    private enum Field {
        MINUTES("minutes", 0, 59, List.of(), true),
        HOURS("hours", 0, 23, List.of(), true),
        DAY_OF_MONTH("day-of-month", 1, 31, List.of(), true),
        MONTH("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                "SEP", "OCT", "NOV", "DEC"), true),
        DAY_OF_WEEK("day-of-week", 1, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"),
                false),
        YEAR("year", 1970, 2199, List.of(), true);

        private final String label;
        private final int min;
        private final int max;
        private final List<String> names;
        private final boolean allowsStep;

        Field(String label, int min, int max, List<String> names, boolean allowsStep) {
            this.label = label;
            this.min = min;
            this.max = max;
            this.names = names;
            this.allowsStep = allowsStep;
        }

        String accepted() {
            return names.isEmpty()
                    ? min + "-" + max
                    : min + "-" + max + " or " + names.get(0) + "-" + names.get(names.size() - 1);
        }

        String firstName() {
            return names.isEmpty() ? String.valueOf(min) : names.get(0);
        }

        String lastName() {
            return names.isEmpty() ? String.valueOf(max) : names.get(names.size() - 1);
        }
    }
}
