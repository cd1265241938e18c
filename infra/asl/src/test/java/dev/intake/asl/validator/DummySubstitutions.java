package dev.intake.asl.validator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces SAM {@code DefinitionSubstitutions} placeholders such as {@code ${ValidateFunctionArn}}
 * with a dummy value of the kind the name announces, so a definition can be validated before
 * deployment: a function ARN for {@code *FunctionArn}, a table name for {@code *TableName}, and so
 * on. Names it cannot place become {@code dummy-<Name>}.
 */
final class DummySubstitutions {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_:.]+)}");
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    private DummySubstitutions() {
    }

    static String apply(String definition) {
        Matcher matcher = PLACEHOLDER.matcher(definition);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(dummyFor(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String dummyFor(String name) {
        String simple = name.replaceAll("[^A-Za-z0-9]", "");
        if (name.equals("AWS::Region")) {
            return REGION;
        }
        if (name.equals("AWS::AccountId")) {
            return ACCOUNT;
        }
        if (name.equals("AWS::Partition")) {
            return "aws";
        }
        if (name.endsWith("FunctionArn") || name.endsWith("Function")) {
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + simple;
        }
        if (name.endsWith("StateMachineArn")) {
            return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + simple;
        }
        if (name.endsWith("TopicArn")) {
            return "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + simple;
        }
        if (name.endsWith("QueueUrl")) {
            return "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + simple;
        }
        if (name.endsWith("RoleArn")) {
            return "arn:aws:iam::" + ACCOUNT + ":role/" + simple;
        }
        if (name.endsWith("TableName") || name.endsWith("BucketName") || name.endsWith("Name")) {
            return simple.toLowerCase(java.util.Locale.ROOT);
        }
        return "dummy-" + simple;
    }
}
