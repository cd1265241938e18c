package dev.intake.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.intake.local.runtime.SamTemplate.StateMachineResource;
import dev.intake.workflow.Services;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TemplateReaderTest {

    private static final Path EXAMPLE = Path.of("src/test/resources/template");

    @Nested
    class ReadingTheExampleTemplate {

        private final SamTemplate template = new TemplateReader()
                .read(SamFiles.inDirectory(EXAMPLE).read("template.yaml"));

        @Test
        void functionsKeepTheirHandlerOrTheGlobalOne() {
            assertThat(template.functions().get("GreetFunction").handlerClass())
                    .isEqualTo("example.GreetHandler");
            assertThat(template.functions().get("DefaultFunction").handler())
                    .isEqualTo("example.DefaultHandler::handleRequest");
        }

        @Test
        void substitutionsResolveShortAndLongFormIntrinsics() {
            StateMachineResource machine = template.stateMachines().get("GreetingMachine");

            assertThat(machine.definitionUri()).isEqualTo("statemachine/greet.asl.json");
            assertThat(machine.substitutions()).containsOnly(
                    entry("GreetArn", "arn:aws:lambda:local:000000000000:function:GreetFunction"),
                    entry("DefaultArn",
                            "arn:aws:lambda:local:000000000000:function:DefaultFunction"),
                    entry("DefaultName",
                            "arn:aws:lambda:local:000000000000:function:DefaultFunction"),
                    entry("BucketName", "Uploads"),
                    entry("Where", "local/Uploads"),
                    entry("Plain", "forty-two"));
        }
    }

    @Nested
    class LoadingAWorkflow {

        @Test
        void replacesEveryPlaceholderAndIndexesFunctionsByArn() {
            LocalWorkflow workflow = LocalWorkflow.load(SamFiles.inDirectory(EXAMPLE), null);

            assertThat(workflow.logicalId()).isEqualTo("GreetingMachine");
            assertThat(workflow.definition())
                    .contains("\"Resource\": \"arn:aws:lambda:local:000000000000:function:GreetFunction\"")
                    .contains("\"Result\": \"Uploads local/Uploads forty-two\"")
                    .doesNotContain("${");
            assertThat(workflow.functionsByArn())
                    .containsOnlyKeys(
                            "arn:aws:lambda:local:000000000000:function:GreetFunction",
                            "arn:aws:lambda:local:000000000000:function:DefaultFunction");
        }

        @Test
        void namesTheLineOfAPlaceholderWithoutSubstitution() {
            StateMachineResource machine = new StateMachineResource(
                    "GreetingMachine", "statemachine/unknown.asl.json", Map.of());
            String definition = SamFiles.inDirectory(EXAMPLE).read(machine.definitionUri());

            assertThatThrownBy(() -> LocalWorkflow.substitute(machine, definition))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("statemachine/unknown.asl.json line 6: ${MissingArn} has no entry"
                            + " in DefinitionSubstitutions of GreetingMachine in template.yaml");
        }

        @Test
        void refusesAStateMachineTheTemplateDoesNotDeclare() {
            assertThatThrownBy(() -> LocalWorkflow.load(SamFiles.inDirectory(EXAMPLE), "Other"))
                    .isInstanceOf(TemplateException.class)
                    .hasMessage("template.yaml has no state machine Other; it declares"
                            + " [GreetingMachine]");
        }
    }

    @Nested
    class ReadingTheProjectTemplate {

        @Test
        void everyWorkflowSubstitutionNamesAFunctionOfTheTemplate() {
            SamTemplate template = new TemplateReader()
                    .read(SamFiles.inDirectory(Path.of("../..")).read("template.yaml"));
            StateMachineResource machine = template.stateMachines().get("ImportRunStateMachine");

            assertThat(machine.substitutions().values()).allSatisfy(arn -> assertThat(
                    template.functions().values().stream().map(f -> f.localArn()))
                    .contains(arn));
            assertThat(template.functions().get("ValidateFunction").handlerClass())
                    .isEqualTo("dev.intake.handler.ValidateHandler");
        }

        @Test
        void everyHandlerIsAStreamHandlerTheRuntimeCanBuildWithTheLocalServices() {
            SamTemplate template = new TemplateReader()
                    .read(SamFiles.inDirectory(Path.of("../..")).read("template.yaml"));

            assertThat(template.functions().values()).allSatisfy(function -> {
                Class<?> type = Class.forName(function.handlerClass());
                assertThat(RequestStreamHandler.class).isAssignableFrom(type);
                assertThat(type.getConstructor(Services.class)).isNotNull();
                assertThat(function.handlerMethod()).isEqualTo("handleRequest");
            });
        }
    }

    @Test
    void refusesAFunctionWithoutHandler() {
        String yaml = "Resources:\n  F:\n    Type: AWS::Serverless::Function\n"
                + "    Properties:\n      MemorySize: 128\n";

        assertThatThrownBy(() -> new TemplateReader().read(yaml))
                .isInstanceOf(TemplateException.class)
                .hasMessage("template.yaml: function F needs a Handler of the form class::method,"
                        + " found null");
    }
}
