package dev.intake.asl.internal;

/** The eight state types, with the fields each may carry besides Type, Comment, QueryLanguage. */
public enum StateType {
    Pass("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Result"),
    Task("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath",
            "Retry", "Catch", "Resource", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"),
    Choice("Choices", "Default", "InputPath", "OutputPath"),
    Wait("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
            "TimestampPath"),
    Succeed("InputPath", "OutputPath"),
    Fail("Error", "ErrorPath", "Cause", "CausePath"),
    Parallel("Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector",
            "ResultPath", "Retry", "Catch", "Branches"),
    Map("Next", "End", "InputPath", "OutputPath", "Parameters", "ItemSelector", "ResultSelector",
            "ResultPath", "Retry", "Catch", "ItemsPath", "ItemProcessor", "Iterator",
            "MaxConcurrency", "MaxConcurrencyPath", "ItemReader", "ItemBatcher", "ResultWriter",
            "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath", "Label");

    private final java.util.Set<String> fields;

    StateType(String... fields) {
        this.fields = java.util.Set.of(fields);
    }

    public boolean allows(String field) {
        return fields.contains(field) || field.equals("Type") || field.equals("Comment")
                || field.equals("QueryLanguage");
    }

    /** Pass, Task, Wait, Parallel and Map need exactly one of Next and End. */
    public boolean needsTransition() {
        return fields.contains("Next");
    }
}
