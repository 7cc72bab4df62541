package io.hubwarden.web.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows for spreadsheets. A cell that a spreadsheet would read as a formula (starting with {@code =}, {@code
 * +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, so exported names and details
 * written by anyone cannot run in the reader's spreadsheet.
 */
final class Csv {

    private Csv() {}

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
