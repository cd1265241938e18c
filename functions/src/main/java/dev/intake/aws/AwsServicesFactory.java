package dev.intake.aws;

import dev.intake.aws.dynamodb.DynamoDbDestinationStore;
import dev.intake.aws.dynamodb.DynamoDbJobStore;
import dev.intake.aws.dynamodb.DynamoDbPendingFiles;
import dev.intake.aws.dynamodb.DynamoDbRunStore;
import dev.intake.aws.s3.S3ObjectStore;
import dev.intake.aws.scheduler.SchedulerJobSchedules;
import dev.intake.aws.ses.SesMailer;
import dev.intake.aws.sfn.StepFunctionsRunStarter;
import dev.intake.port.DestinationStore;
import dev.intake.port.JobSchedules;
import dev.intake.port.JobStore;
import dev.intake.port.Mailer;
import dev.intake.port.ObjectStore;
import dev.intake.port.PendingFiles;
import dev.intake.port.RunStore;
import dev.intake.workflow.FaultInjector;
import dev.intake.workflow.Services;
import dev.intake.workflow.ServicesFactory;
import dev.intake.workflow.WorkflowConfig;
import dev.intake.workflow.WorkflowStarter;
import java.time.Clock;
import java.util.Map;

/**
 * The {@link Services} of a Lambda function on AWS, found by name through
 * {@link ServicesFactory#DEFAULT_CLASS} when a handler is built with its no-arg constructor.
 *
 * <p>Every port is built on its first call ({@link LazyPort}), from the container's shared
 * clients: a function pays at cold start only for the services it calls. Faults are never
 * injected on AWS.
 */
public final class AwsServicesFactory implements ServicesFactory {

    /**
     * @param environment the function's environment; it is the process's, which
     *                    {@link AwsClients#shared()} reads once per container
     */
    @Override
    public Services create(Map<String, String> environment) {
        AwsClients clients = AwsClients.shared();
        return services(clients, stepFunctions(clients), Clock.systemUTC());
    }

    /**
     * The services on {@code clients}, starting executions with {@code workflows}. Tests pass
     * emulator clients and the in-process interpreter here.
     */
    public static Services services(AwsClients clients, WorkflowStarter workflows, Clock clock) {
        AwsConfig config = clients.config();
        return new Services(
                LazyPort.of(ObjectStore.class,
                        () -> new S3ObjectStore(clients.s3(), clients.s3Presigner())),
                LazyPort.of(JobStore.class,
                        () -> new DynamoDbJobStore(clients.dynamoDb(), config.table())),
                LazyPort.of(RunStore.class,
                        () -> new DynamoDbRunStore(clients.dynamoDb(), config.table())),
                LazyPort.of(DestinationStore.class, () -> new DynamoDbDestinationStore(
                        clients.dynamoDb(), config.destinationTablePrefix())),
                LazyPort.of(Mailer.class, () -> new SesMailer(clients.ses(), config.sender())),
                LazyPort.of(JobSchedules.class, () -> schedules(clients)),
                LazyPort.of(PendingFiles.class,
                        () -> new DynamoDbPendingFiles(clients.dynamoDb(), config.table())),
                workflows,
                clock,
                workflowConfig(config),
                FaultInjector.NONE);
    }

    /** Step Functions, for the functions the template gives the state machine's ARN. */
    public static WorkflowStarter stepFunctions(AwsClients clients) {
        return LazyPort.of(WorkflowStarter.class, () -> new StepFunctionsRunStarter(
                clients.sfn(), clients.config().stateMachineArn()));
    }

    /**
     * The state machine's ARN is passed only where it is set: Halt disables a schedule and has
     * none (the template cannot give it to the workflow's own tasks without a cycle).
     */
    private static JobSchedules schedules(AwsClients clients) {
        AwsConfig config = clients.config();
        return new SchedulerJobSchedules(clients.scheduler(), config.scheduleGroup(),
                config.stateMachineArnIfSet().orElse(null), config.schedulerRoleArn());
    }

    private static WorkflowConfig workflowConfig(AwsConfig config) {
        WorkflowConfig defaults = WorkflowConfig.defaults(config.bucket());
        return new WorkflowConfig(defaults.bucket(), config.internalPrefixes(),
                defaults.rerunInterval(), defaults.maxAttempts(), defaults.linkValidity());
    }
}
