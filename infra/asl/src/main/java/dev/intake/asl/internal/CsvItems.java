package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Turns CSV text into Map items as the Distributed Map ItemReader does: one object per row,
 * every value a string, keys from the first row or given headers, missing trailing fields
 * {@code ""}, extra fields dropped, empty lines skipped. Quoted fields may hold delimiters, line
 * breaks and doubled quotes (RFC 4180).
 */
final class CsvItems {

    private final String text;
    private final char delimiter;
    private int pos;

    private CsvItems(String text, char delimiter) {
        this.text = text;
        this.delimiter = delimiter;
    }

    /** The delimiter character of a ReaderConfig CSVDelimiter value (default COMMA). */
    static char delimiter(String name) {
        if (name == null) {
            return ',';
        }
        return switch (name) {
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> ',';
        };
    }

    /**
     * Parses {@code text}; with {@code givenHeaders} null the first row gives the keys.
     *
     * @param maxItems 0 for all rows
     */
    static ArrayNode parse(String text, char delimiter, List<String> givenHeaders,
            long maxItems) {
        CsvItems reader = new CsvItems(text.startsWith("\uFEFF") ? text.substring(1) : text,
                delimiter);
        List<String> headers = givenHeaders;
        if (headers == null) {
            headers = reader.nextRow();
            if (headers == null) {
                return Json.array();
            }
        }
        if (new HashSet<>(headers).size() != headers.size()) {
            throw new StatesError(StatesError.ITEM_READER, "CSV headers cannot contain "
                    + "duplicates.");
        }
        ArrayNode items = Json.array();
        List<String> row;
        while ((maxItems == 0 || items.size() < maxItems) && (row = reader.nextRow()) != null) {
            items.add(item(headers, row));
        }
        return items;
    }

    private static ObjectNode item(List<String> headers, List<String> row) {
        ObjectNode item = Json.object();
        for (int i = 0; i < headers.size(); i++) {
            item.put(headers.get(i), i < row.size() ? row.get(i) : "");
        }
        return item;
    }

    /** The next non-empty row, or null at the end. */
    private List<String> nextRow() {
        while (pos < text.length()) {
            if (text.charAt(pos) == '\n') {
                pos++;
                continue;
            }
            if (text.startsWith("\r\n", pos)) {
                pos += 2;
                continue;
            }
            return row();
        }
        return null;
    }

    private List<String> row() {
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (pos >= text.length()) {
                return fields;
            }
            char c = text.charAt(pos);
            if (c == delimiter) {
                pos++;
                if (pos >= text.length()) {
                    fields.add("");
                    return fields;
                }
                continue;
            }
            pos += text.startsWith("\r\n", pos) ? 2 : 1;
            return fields;
        }
    }

    private String field() {
        if (pos < text.length() && text.charAt(pos) == '"') {
            return quoted();
        }
        int start = pos;
        while (pos < text.length() && text.charAt(pos) != delimiter && text.charAt(pos) != '\n'
                && !text.startsWith("\r\n", pos)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '"') {
                value.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '"') {
                value.append('"');
                pos++;
            } else {
                break;
            }
        }
        while (pos < text.length() && text.charAt(pos) != delimiter && text.charAt(pos) != '\n'
                && !text.startsWith("\r\n", pos)) {
            value.append(text.charAt(pos++));
        }
        return value.toString();
    }
}
