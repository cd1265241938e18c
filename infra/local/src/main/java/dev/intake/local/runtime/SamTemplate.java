package dev.intake.local.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * The parts of the SAM template the local runtime needs: each function's handler and each state
 * machine's definition file with its substitutions (already resolved to plain strings).
 */
public record SamTemplate(
        Map<String, FunctionResource> functions, Map<String, StateMachineResource> stateMachines) {

    public SamTemplate {
        functions = Map.copyOf(functions);
        stateMachines = Map.copyOf(stateMachines);
    }

    /** A Lambda function and the class that handles it ({@code class::method}). */
    public record FunctionResource(String logicalId, String handler) {

        public FunctionResource {
            Objects.requireNonNull(logicalId, "logicalId");
            if (handler == null || !handler.contains("::")) {
                throw new TemplateException("template.yaml: function " + logicalId
                        + " needs a Handler of the form class::method, found " + handler);
            }
        }

        public String handlerClass() {
            return handler.substring(0, handler.indexOf("::"));
        }

        public String handlerMethod() {
            return handler.substring(handler.indexOf("::") + 2);
        }

        /** The ARN the function gets locally; state machine definitions refer to it. */
        public String localArn() {
            return LocalAws.functionArn(logicalId);
        }
    }

    /**
     * A state machine: the definition file relative to the template, and each {@code ${Name}} of
     * the definition with the value it stands for.
     */
    public record StateMachineResource(
            String logicalId, String definitionUri, Map<String, String> substitutions) {

        public StateMachineResource {
            substitutions = Map.copyOf(substitutions);
        }
    }
}
