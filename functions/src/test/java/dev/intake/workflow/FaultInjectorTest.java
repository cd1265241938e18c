package dev.intake.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.intake.port.DestinationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectorTest {

    @Nested
    class Parsing {

        @Test
        void blankMeansNoFaults() {
            assertThat(FaultInjector.parse(" ").isActive()).isFalse();
            assertThat(FaultInjector.parse(null)).isSameAs(FaultInjector.NONE);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "import|'import' is not step:count[:kind]",
            "load:1|unknown step 'load'; use start, validate, process, import or finish",
            "end:1|unknown step 'end'; use start, validate, process, import or finish",
            "import:0|count '0' must be a whole number above 0",
            "import:six|count 'six' must be a whole number above 0",
            "import:1:slow|unknown kind 'slow'; use unavailable, timeout or crash"})
        void refusesASpecWithTheProblemAndAnExample(String spec, String problem) {
            assertThatThrownBy(() -> FaultInjector.parse(spec))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Invalid fault spec '" + spec + "': " + problem
                            + " (example: import:6 or validate:1:timeout,import:1:crash)");
        }
    }

    @Nested
    class Firing {

        @Test
        void aFaultFiresItsCountThenTheStepWorksAgain() {
            FaultInjector faults = FaultInjector.parse("import:2");

            assertThatThrownBy(() -> faults.beforeStep(Step.IMPORT, "r-1"))
                    .isInstanceOf(DependencyUnavailableException.class)
                    .hasMessage("injected fault 1 of 2 in step import of run r-1: the dependency"
                            + " is unavailable (FaultInjector)");
            assertThatThrownBy(() -> faults.beforeStep(Step.IMPORT, "r-2"))
                    .hasMessageStartingWith("injected fault 2 of 2 ");
            faults.beforeStep(Step.IMPORT, "r-3");
            faults.beforeStep(Step.VALIDATE, "r-3");
        }

        @Test
        void aTimeoutLooksLikeTheFunctionTimeoutToTheInvoker() {
            FaultInjector faults = FaultInjector.parse("validate:1:timeout");

            assertThatThrownBy(() -> faults.beforeStep(Step.VALIDATE, "r-1"))
                    .isInstanceOfSatisfying(SimulatedLambdaFailure.class, failure -> {
                        assertThat(failure.errorName()).isEqualTo("Lambda.Unknown");
                        assertThat(failure.ran()).isEqualTo(Duration.ofSeconds(60));
                        assertThat(failure).hasMessage("injected fault 1 of 1 in step validate"
                                + " of run r-1: Task timed out after 60.00 seconds");
                    });
        }

        @Test
        void anImportCrashWritesHalfOfTheFirstBatchThenDies() {
            FaultInjector faults = FaultInjector.parse("import:1:crash");
            faults.beforeStep(Step.IMPORT, "r-1");
            List<DestinationStore.Record> written = new ArrayList<>();
            DestinationStore.Writer real = new DestinationStore.Writer() {
                @Override
                public List<DestinationStore.Rejected> write(List<DestinationStore.Record> batch) {
                    written.addAll(batch);
                    return List.of();
                }

                @Override
                public void close() {
                }
            };
            List<DestinationStore.Record> batch = List.of(record(1), record(2), record(3));

            DestinationStore.Writer writer = faults.duringImport("r-1", real);

            assertThatThrownBy(() -> writer.write(batch))
                    .isInstanceOf(SimulatedLambdaFailure.class)
                    .hasMessage("injected fault 1 of 1 in step import of run r-1: Runtime exited"
                            + " with error: signal: killed");
            assertThat(written).containsExactly(record(1), record(2));
            assertThat(faults.duringImport("r-2", real)).isSameAs(real);
        }

        private DestinationStore.Record record(long line) {
            return new DestinationStore.Record(line, Map.of("id", line));
        }
    }
}
