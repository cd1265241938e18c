package dev.intake.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.aws.AwsConfig.MissingConfigurationException;
import dev.intake.run.SourceObject;
import dev.intake.run.Trigger;
import dev.intake.workflow.RunRequest;
import dev.intake.workflow.Services;
import dev.intake.workflow.ServicesFactory;
import dev.intake.workflow.WorkflowConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsServicesFactoryTest {

    private static AwsClients clients(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(variables);
        all.put(AwsConfig.REGION, "eu-west-1");
        all.put("AWS_ACCESS_KEY_ID", "test");
        all.put("AWS_SECRET_ACCESS_KEY", "test");
        all.put(AwsConfig.BUCKET, "intake-files");
        return new AwsClients(AwsConfig.from(all));
    }

    private static Services services(Map<String, String> variables) {
        AwsClients clients = clients(variables);
        return AwsServicesFactory.services(clients, AwsServicesFactory.stepFunctions(clients),
                Clock.systemUTC());
    }

    @Test
    void the_handlers_find_this_factory_by_its_default_name() {
        assertThat(ServicesFactory.DEFAULT_CLASS).isEqualTo(AwsServicesFactory.class.getName());
    }

    /** Cold start: a port nobody calls builds neither its adapter nor its client. */
    @Test
    void a_store_reads_its_settings_only_when_first_called() {
        Services services = services(Map.of());

        assertThatThrownBy(() -> services.jobs().find("store-locations"))
                .isInstanceOf(MissingConfigurationException.class)
                .hasMessage("environment variable INTAKE_TABLE is not set; template.yaml sets it"
                        + " on every function, so deploy with sam deploy or set it for a local"
                        + " run");
    }

    /** Halt and the other workflow tasks have no state machine ARN (a template cycle). */
    @Test
    void starting_a_run_without_the_state_machine_arn_names_the_variable() {
        Services services = services(Map.of());
        RunRequest request = new RunRequest(Trigger.UPLOAD, "store-locations",
                new SourceObject("intake-files", "incoming/store-locations/a.csv", "v1", "e", 3),
                null);

        assertThatThrownBy(() -> services.workflows().start("store-locations-1", request))
                .isInstanceOf(MissingConfigurationException.class)
                .hasMessageStartingWith("environment variable INTAKE_STATE_MACHINE_ARN is not set");
    }

    @Test
    void objects_under_the_configured_output_prefixes_never_start_runs() {
        Services services = services(Map.of(AwsConfig.FAILED_RECORDS_PREFIX, "out/failed/",
                AwsConfig.STAGING_PREFIX, "out/staging/"));

        assertThat(services.config()).isEqualTo(new WorkflowConfig("intake-files",
                List.of("out/failed/", "out/staging/"),
                WorkflowConfig.defaults("intake-files").rerunInterval(), 6,
                WorkflowConfig.defaults("intake-files").linkValidity()));
    }
}
