package dev.intake.aws.scheduler;

import dev.intake.job.JobDefinition;
import dev.intake.port.JobSchedules;
import java.util.Optional;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindow;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.GetScheduleResponse;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.RetryPolicy;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;

/**
 * {@link JobSchedules} on EventBridge Scheduler: one schedule per job, named after the job id, in
 * the stack's schedule group, whose target starts the import state machine.
 *
 * <p>UpdateSchedule replaces the whole schedule: a field left out of the request is reset to its
 * default (an end date vanishes, a flexible window turns on). So {@link #disable} and
 * {@link #enable} read the schedule and send every field back with only the state changed.
 */
public final class SchedulerJobSchedules implements JobSchedules {

    /**
     * Scheduler retries only a failed delivery (StartExecution throttled or unavailable), never
     * the run: the workflow's own five reruns happen inside the execution it started. Two tries
     * within five minutes cover a brief throttle; a duplicate start that could follow is absorbed
     * by the run id derived from the object version. The default (185 tries over 24 hours) would
     * start a schedule's run long after its slot, on top of our reruns.
     */
    static final RetryPolicy DELIVERY_RETRIES = RetryPolicy.builder()
            .maximumRetryAttempts(2)
            .maximumEventAgeInSeconds(300)
            .build();

    private final SchedulerClient scheduler;
    private final String group;
    private final String stateMachineArn;
    private final String roleArn;

    /**
     * @param stateMachineArn the target of new schedules; null in a function that only disables
     *                        and enables schedules (the halt task cannot know the ARN: see
     *                        {@link dev.intake.aws.AwsConfig#stateMachineArnIfSet()})
     */
    public SchedulerJobSchedules(SchedulerClient scheduler, String group, String stateMachineArn,
                                 String roleArn) {
        this.scheduler = scheduler;
        this.group = group;
        this.stateMachineArn = stateMachineArn;
        this.roleArn = roleArn;
    }

    @Override
    public void put(String jobId, JobDefinition.Schedule schedule) {
        if (stateMachineArn == null) {
            throw new IllegalStateException("cannot create the schedule of job " + jobId
                    + ": this function has no INTAKE_STATE_MACHINE_ARN; create schedules from a "
                    + "function the template gives it to");
        }
        try {
            create(jobId, schedule);
        } catch (ConflictException exists) {
            replace(jobId, schedule);
        }
    }

    @Override
    public void disable(String jobId) {
        changeState(jobId, ScheduleState.DISABLED);
    }

    @Override
    public void enable(String jobId) {
        changeState(jobId, ScheduleState.ENABLED);
    }

    /** Deleting a schedule that is already gone is not an error: the outcome is the same. */
    @Override
    public void delete(String jobId) {
        try {
            scheduler.deleteSchedule(b -> b.name(jobId).groupName(group));
        } catch (ResourceNotFoundException alreadyGone) {
            // Nothing to delete.
        }
    }

    @Override
    public Optional<State> find(String jobId) {
        return get(jobId).map(found -> new State(
                ScheduleExpressions.toSchedule(
                        found.scheduleExpression(), found.scheduleExpressionTimezone()),
                found.state() == ScheduleState.ENABLED));
    }

    private void create(String jobId, JobDefinition.Schedule schedule) {
        scheduler.createSchedule(b -> b
                .name(jobId)
                .groupName(group)
                .description(description(jobId))
                .scheduleExpression(ScheduleExpressions.expression(schedule))
                .scheduleExpressionTimezone(ScheduleExpressions.timezone(schedule))
                .flexibleTimeWindow(exactTime())
                .target(target(jobId))
                .state(ScheduleState.ENABLED)
                .actionAfterCompletion(ActionAfterCompletion.NONE));
    }

    private void replace(String jobId, JobDefinition.Schedule schedule) {
        scheduler.updateSchedule(b -> b
                .name(jobId)
                .groupName(group)
                .description(description(jobId))
                .scheduleExpression(ScheduleExpressions.expression(schedule))
                .scheduleExpressionTimezone(ScheduleExpressions.timezone(schedule))
                .flexibleTimeWindow(exactTime())
                .target(target(jobId))
                .state(ScheduleState.ENABLED)
                .actionAfterCompletion(ActionAfterCompletion.NONE));
    }

    /**
     * A job that only imports uploads has no schedule; halting or pausing it has nothing to
     * disable, so a missing schedule is left alone.
     */
    private void changeState(String jobId, ScheduleState state) {
        get(jobId).filter(found -> found.state() != state)
                .ifPresent(found -> sendBackWithState(found, state));
    }

    /** Every field GetSchedule returned goes back unchanged, except the state. */
    private void sendBackWithState(GetScheduleResponse found, ScheduleState state) {
        scheduler.updateSchedule(b -> b
                .name(found.name())
                .groupName(found.groupName())
                .description(found.description())
                .scheduleExpression(found.scheduleExpression())
                .scheduleExpressionTimezone(found.scheduleExpressionTimezone())
                .startDate(found.startDate())
                .endDate(found.endDate())
                .flexibleTimeWindow(found.flexibleTimeWindow())
                .target(found.target())
                .kmsKeyArn(found.kmsKeyArn())
                .actionAfterCompletion(found.actionAfterCompletion())
                .state(state));
    }

    private Optional<GetScheduleResponse> get(String jobId) {
        try {
            return Optional.of(scheduler.getSchedule(b -> b.name(jobId).groupName(group)));
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private Target target(String jobId) {
        return Target.builder()
                .arn(stateMachineArn)
                .roleArn(roleArn)
                .input(ScheduleExpressions.targetInput(jobId))
                .retryPolicy(DELIVERY_RETRIES)
                .build();
    }

    /** Runs start at the scheduled minute: the job's owners chose that time. */
    private static FlexibleTimeWindow exactTime() {
        return FlexibleTimeWindow.builder().mode(FlexibleTimeWindowMode.OFF).build();
    }

    private static String description(String jobId) {
        return "Starts a run of Intake job " + jobId;
    }
}
