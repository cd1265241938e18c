package dev.intake.asl.stubs;

/**
 * A Task state ran for which the stubs file has no entry. Not a workflow error: the execution
 * stops, because nothing can answer for the state.
 */
public final class MissingStubException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String stateName;

    public MissingStubException(String stateName, String source) {
        super("No stub for Task state '" + stateName + "' in " + source + "; add \""
                + stateName + "\": [{\"return\": <result>}] to it");
        this.stateName = stateName;
    }

    public String stateName() {
        return stateName;
    }
}
