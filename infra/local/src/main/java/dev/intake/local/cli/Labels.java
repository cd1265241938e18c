package dev.intake.local.cli;

import dev.intake.job.JobStatus;
import dev.intake.run.RunStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Statuses as a person reads them: {@code Partially Completed}, {@code Sampling failed}. */
final class Labels {

    private Labels() {}

    static String of(RunStatus status) {
        return words(status.name(), true);
    }

    static String of(JobStatus status) {
        return words(status.name(), false);
    }

    /** A label such as {@code partially_completed} as a person reads it. */
    static String ofLabel(String label) {
        return words(label.toUpperCase(Locale.ROOT), true);
    }

    private static String words(String constant, boolean everyWord) {
        String[] parts = constant.toLowerCase(Locale.ROOT).split("_");
        String joined = Arrays.stream(parts)
                .map(p -> everyWord ? capitalise(p) : p)
                .collect(Collectors.joining(" "));
        return capitalise(joined);
    }

    private static String capitalise(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
