package dev.intake.asl;

import static dev.intake.asl.AslTestSupport.MAPPER;
import static dev.intake.asl.AslTestSupport.json;
import static dev.intake.asl.AslTestSupport.options;
import static dev.intake.asl.AslTestSupport.virtual;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Distributed Map CSV reader against the csv-spectrum edge cases kept in datasets/. */
class CsvSpectrumTest {

    private static final Path SPECTRUM = Path.of("../../datasets/csv-spectrum");

    /**
     * Every case but location_coordinates, whose expected file disagrees with its own CSV
     * upstream (another phone number, and an object where the others hold an array).
     */
    static List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(SPECTRUM)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv"))
                    .filter(n -> !n.equals("location_coordinates.csv"))
                    .sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void reads_every_file_as_its_expected_items(String file) throws IOException {
        AslTestSupport.MemoryObjects objects = new AslTestSupport.MemoryObjects();
        objects.put("in", file, Files.readAllBytes(SPECTRUM.resolve(file)));
        StateMachine sm = StateMachine.parse("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                    "ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},
                    "Parameters":{"Bucket":"in","Key.$":"$.key"}},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED",
                      "ExecutionType":"EXPRESS"},
                    "StartAt":"Echo","States":{"Echo":{"Type":"Pass","End":true}}}}}}
                """);

        ExecutionResult result = virtual().objects(objects).build()
                .run(sm, json("{'key':'" + file + "'}"), options());

        String expected = Files.readString(SPECTRUM.resolve("expected")
                .resolve(file.replace(".csv", ".json")));
        assertThat(result.output()).isEqualTo(MAPPER.readTree(expected));
    }
}
