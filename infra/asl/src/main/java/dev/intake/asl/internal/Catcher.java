package dev.intake.asl.internal;

import java.util.List;

/**
 * One Catch entry.
 *
 * @param resultPath where the error output goes; null means the raw input passes on unchanged
 */
public record Catcher(List<String> errorEquals, String next, String resultPath) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }
}
