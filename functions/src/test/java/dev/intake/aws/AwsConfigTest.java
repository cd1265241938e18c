package dev.intake.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsConfigTest {

    @Test
    void a_missing_variable_is_named_when_first_needed() {
        AwsConfig config = AwsConfig.from(Map.of("AWS_REGION", "eu-west-1"));

        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThatThrownBy(config::table)
                .isInstanceOf(AwsConfig.MissingConfigurationException.class)
                .hasMessage("environment variable INTAKE_TABLE is not set; template.yaml sets it "
                        + "on every function, so deploy with sam deploy or set it for a local "
                        + "run");
    }

    @Test
    void endpoint_overrides_are_read_per_service_and_blank_means_none() {
        AwsConfig config = AwsConfig.from(Map.of(
                "INTAKE_ENDPOINT_DYNAMODB", "http://127.0.0.1:8000",
                "INTAKE_ENDPOINT_S3", " "));

        assertThat(config.endpoint(AwsConfig.Service.DYNAMODB))
                .contains(URI.create("http://127.0.0.1:8000"));
        assertThat(config.endpoint(AwsConfig.Service.S3)).isEmpty();
        assertThat(config.endpoint(AwsConfig.Service.SES)).isEmpty();
    }

    @Test
    void internal_prefixes_default_to_failed_records_and_staging() {
        assertThat(AwsConfig.from(Map.of()).internalPrefixes())
                .isEqualTo(List.of("failed-records/", "staging/"));
    }

    @Test
    void credentials_never_print_the_secret() {
        AwsConfig config = AwsConfig.from(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"));

        assertThat(config.credentials().toString())
                .isEqualTo("Credentials[accessKeyId=AKIDEXAMPLE]");
    }
}
