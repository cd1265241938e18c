package dev.intake.local.runtime;

/** The account, region and names that stand for AWS ones when everything runs in one JVM. */
public final class LocalAws {

    public static final String REGION = "local";
    public static final String ACCOUNT = "000000000000";
    public static final String BUCKET = "intake-local";

    private LocalAws() {}

    public static String functionArn(String logicalId) {
        return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + logicalId;
    }

    public static String stateMachineArn(String logicalId) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + logicalId;
    }
}
