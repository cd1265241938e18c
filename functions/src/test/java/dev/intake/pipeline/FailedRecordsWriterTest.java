package dev.intake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedRecordsWriterTest {

    @Test
    void writesOriginalColumnsThenErrorColumnsNeutralisingFormulasAndQuotingPerRfc4180() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FailedRecordsWriter writer = new FailedRecordsWriter(bytes,
                List.of("name", "note", "amount"))) {
            writer.writeHeader();
            writer.write(4, List.of("=1+2", "two\r\nlines, \"quoted\"", "-5"), List.of(
                    new RowError(4, "amount", "BELOW_MIN", "amount: \"-5\" is below the minimum 0"),
                    new RowError(4, "name", "PATTERN_MISMATCH", "name: bad")));
            writer.write(9, List.of("@SUM(A1)", "+x"), List.of(
                    new RowError(9, null, "RAGGED_ROW", "the row has 2 fields")));
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "name,note,amount,_line,_column,_error_code,_error_message\r\n"
                        + "'=1+2,\"two\r\nlines, \"\"quoted\"\"\",'-5,4,amount,BELOW_MIN,"
                        + "\"amount: \"\"-5\"\" is below the minimum 0 | name: bad\"\r\n"
                        + "'@SUM(A1),'+x,,9,,RAGGED_ROW,the row has 2 fields\r\n");
    }

    @Test
    void writesUtf8() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (FailedRecordsWriter writer = new FailedRecordsWriter(bytes, List.of("name"))) {
            writer.write(2, List.of("Bénévole"), List.of(new RowError(2, "name", "X", "m")));
        }

        assertThat(bytes.toByteArray()).isEqualTo(
                "Bénévole,2,name,X,m\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
