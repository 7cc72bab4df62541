package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTests {

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "Ada Lovelace|Ada Lovelace",
                "|",
                "Lovelace, Ada|\"Lovelace, Ada\"",
                "Ada \"the Countess\"|\"Ada \"\"the Countess\"\"\"",
                "=1+1|'=1+1",
                "+1|'+1",
                "-1|'-1",
                "@SUM(A1)|'@SUM(A1)",
                "=HYPERLINK(\"http://x\",\"y\")|\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
                "a=b|a=b",
                "Zoë Ångström|Zoë Ångström"
            })
    void cellsAreQuotedWhenNeededAndNeverReadAsFormulas(String value, String written) {
        assertThat(CsvWriter.cell(value == null ? "" : value)).isEqualTo(written == null ? "" : written);
    }

    @Test
    void aCellStartingWithATabOrCarriageReturnIsNeutralisedAndLineBreaksAreQuoted() {
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void recordsEndWithCarriageReturnAndLineFeed() throws IOException {
        var out = new StringWriter();
        var csv = new CsvWriter(out);

        csv.record(List.of("Name", "E-mail"));
        csv.record(List.of("Ada, Countess", "ada@example.com"));

        assertThat(out).hasToString("Name,E-mail\r\n\"Ada, Countess\",ada@example.com\r\n");
    }
}
