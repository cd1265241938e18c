/**
 * An in-process interpreter of the Amazon States Language (JSONPath dialect, Standard
 * workflows) with a virtual clock. It knows nothing of Intake: a definition in, an execution out.
 *
 * <pre>{@code
 * StateMachine machine = StateMachine.parse(definitionJson);       // validated, or refused
 * Interpreter interpreter = Interpreter.builder()
 *         .clock(new VirtualClock(Instant.parse("2026-01-01T00:00:00Z")))
 *         .lambdas((function, payload, context) -> LambdaResult.of(payload))
 *         .tasks((resource, parameters, context) -> TaskResult.of(parameters))
 *         .objects(objectStore)                                     // Distributed Map I/O
 *         .build();
 * ExecutionResult result = interpreter.run(machine, input, ExecutionOptions.named("run-1"));
 * System.out.print(result.formattedHistory());
 * }</pre>
 *
 * <p>Decisions where the specification, the AWS guide and recorded AWS runs differ:
 * <ul>
 * <li>{@code States.ALL} matches {@code States.DataLimitExceeded} (as recorded on AWS for an
 * oversized Task result); it never matches {@code States.Runtime}, which nothing catches.</li>
 * <li>{@code States.TaskFailed} matches every error except {@code States.Timeout} and
 * {@code States.Runtime}.</li>
 * <li>A Task without TimeoutSeconds may run 99,999,999 seconds (the AWS guide), not 60 (the
 * specification).</li>
 * <li>A Distributed Map whose failures exceed the tolerated threshold (zero by default) fails
 * with {@code States.ExceedToleratedFailureThreshold}; within the threshold a failed item's
 * result is its {@code {"Error","Cause"}} object.</li>
 * <li>A ResultPath that cannot be applied (a field below a string, say) fails with
 * {@code States.ResultPathMatchFailure}, which Catch can handle.</li>
 * <li>Parallel branches and Map iterations that start together all run; the failure that
 * happens first on the clock fails the state, and items that would start after it are skipped
 * (exactly so on one thread; see {@code Fanout} for several).</li>
 * <li>Missing-path causes are {@code Invalid path '<path>' : <Jayway message>}, without the
 * "entered at the event id" prefix AWS adds.</li>
 * </ul>
 *
 * <p>Time: with a {@link dev.intake.asl.VirtualClock} every branch keeps its own virtual time,
 * waits and retry delays cost nothing, a call lasts what its {@code LambdaResult} or
 * {@code TaskResult} declares ({@code after(Duration)}), and a {@code .waitForTaskToken} task
 * of a synchronous run gets only answers sent while its resource was called; without one it
 * times out at its virtual deadline. History event details carry JSON values, where AWS
 * carries JSON text.
 */
package dev.intake.asl;
