package dev.intake.asl;

import java.util.Objects;

/**
 * Names an execution the way AWS would, for ARNs and the context object
 * ({@code $$.Execution.Name}, {@code $$.StateMachine.Name}, {@code $$.Execution.RoleArn}).
 * The start time is not an option: it is read from the interpreter's clock.
 *
 * @param executionName {@code $$.Execution.Name}
 * @param stateMachineName {@code $$.StateMachine.Name}
 * @param roleArn {@code $$.Execution.RoleArn}
 * @param region used in the execution and state machine ARNs
 * @param accountId used in the execution and state machine ARNs
 */
public record ExecutionOptions(
        String executionName,
        String stateMachineName,
        String roleArn,
        String region,
        String accountId) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public ExecutionOptions {
        requireName(executionName, "executionName");
        requireName(stateMachineName, "stateMachineName");
        Objects.requireNonNull(roleArn, "roleArn");
        requireName(region, "region");
        requireName(accountId, "accountId");
    }

    /**
     * Options for execution {@code executionName} of state machine "StateMachine" in us-east-1,
     * account 123456789012, with role {@code arn:aws:iam::123456789012:role/StepFunctionsRole}.
     */
    public static ExecutionOptions named(String executionName) {
        return new ExecutionOptions(executionName, "StateMachine",
                "arn:aws:iam::" + DEFAULT_ACCOUNT + ":role/StepFunctionsRole",
                DEFAULT_REGION, DEFAULT_ACCOUNT);
    }

    public ExecutionOptions withStateMachineName(String name) {
        return new ExecutionOptions(executionName, name, roleArn, region, accountId);
    }

    public ExecutionOptions withRoleArn(String arn) {
        return new ExecutionOptions(executionName, stateMachineName, arn, region, accountId);
    }

    public ExecutionOptions withRegion(String newRegion, String newAccountId) {
        return new ExecutionOptions(executionName, stateMachineName, roleArn, newRegion,
                newAccountId);
    }

    /** {@code arn:aws:states:<region>:<account>:stateMachine:<stateMachineName>} */
    public String stateMachineArn() {
        return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + stateMachineName;
    }

    /** {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>:<executionName>} */
    public String executionArn() {
        return "arn:aws:states:" + region + ":" + accountId + ":execution:" + stateMachineName
                + ":" + executionName;
    }

    private static void requireName(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank, was " + value);
        }
    }
}
