package dev.intake.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.port.ObjectStore;
import dev.intake.sampling.SampleFile;
import dev.intake.sampling.SampleObjectMissingException;
import dev.intake.sampling.SampleReport;
import dev.intake.sampling.SampleService;
import dev.intake.workflow.Services;
import dev.intake.workflow.WorkflowJson;
import java.util.Objects;

/**
 * SampleJob: checks a sample file, uploaded under {@code samples/}, against a Draft or Sampling
 * failed job, and returns the sample report; the job goes back to Draft, or to Sampling failed
 * when the file cannot be read as the job's format. Nothing is imported. The report has the
 * shape {@code intake jobs sample --json} prints.
 */
public final class SampleJobHandler extends JsonHandler<SampleJobHandler.Input, ObjectNode> {

    /** The only prefix samples are read from: the function's policy allows no other. */
    public static final String SAMPLES_PREFIX = "samples/";
    static final int SHOWN_ROWS = 10;
    private static final String BY = "SampleJob";

    private final ObjectStore objects;
    private final SampleService sampling;

    /** Used by AWS Lambda: builds the services from the environment. */
    public SampleJobHandler() {
        this(Services.fromEnvironment());
    }

    /** Used by the local runtime and the tests. */
    public SampleJobHandler(Services services) {
        super(Input.class);
        this.objects = services.objects();
        this.sampling = new SampleService(services.jobs(), services.lifecycle(),
                services.clock(), SHOWN_ROWS);
    }

    @Override
    ObjectNode handle(Input input) {
        SampleFile file = sampleFile(input.bucket(), input.key());

        SampleReport report = sampling.sample(input.jobId(), file, BY);

        return json(report);
    }

    /** The report as {@code intake jobs sample --json} prints it: failedPercent after counts. */
    private static ObjectNode json(SampleReport report) {
        ObjectNode fields = WorkflowJson.mapper().valueToTree(report);
        ObjectNode json = WorkflowJson.mapper().createObjectNode();
        fields.properties().forEach(field -> {
            json.set(field.getKey(), field.getValue());
            if (field.getKey().equals("counts")) {
                json.put("failedPercent", report.failedPercent());
            }
        });
        return json;
    }

    private SampleFile sampleFile(String bucket, String key) {
        String where = "s3://" + bucket + "/" + key;
        if (!key.startsWith(SAMPLES_PREFIX)) {
            throw new SampleObjectMissingException("sample " + where + " is not under "
                    + SAMPLES_PREFIX + "; upload the sample to s3://" + bucket + "/"
                    + SAMPLES_PREFIX + "<job>/<file> and pass that key");
        }
        long size = objects.head(bucket, key)
                .orElseThrow(() -> new SampleObjectMissingException("no sample at " + where
                        + "; upload it first (aws s3 cp FILE " + where + ")"))
                .size();
        return new SampleFile(key, size, () -> objects.open(bucket, key, null));
    }

    public record Input(String jobId, String bucket, String key) {

        public Input {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
        }
    }
}
