package dev.intake.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.arrival.ArrivalService;
import dev.intake.arrival.ObjectCreatedEvents;
import dev.intake.workflow.Services;
import java.util.List;

/**
 * Arrival: an S3 notification or an EventBridge Object Created event; starts one execution per
 * new object version of an active job.
 */
public final class ArrivalHandler extends JsonHandler<JsonNode, ArrivalHandler.Output> {

    private final ArrivalService arrivals;

    /** Used by AWS Lambda: builds the services from the environment. */
    public ArrivalHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public ArrivalHandler(Services services) {
        super(JsonNode.class);
        this.arrivals = new ArrivalService(services);
    }

    @Override
    Output handle(JsonNode event) {
        return new Output(ObjectCreatedEvents.objects(event).stream()
                .map(arrivals::arrive)
                .toList());
    }

    /** What became of each object the event named, in the event's order. */
    public record Output(List<ArrivalService.Arrival> objects) {

        public Output {
            objects = List.copyOf(objects);
        }
    }
}
