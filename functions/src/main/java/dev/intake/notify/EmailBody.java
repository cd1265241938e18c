package dev.intake.notify;

import java.util.List;

/**
 * Builds the text and the HTML part of one email side by side, so that both say the same. Every
 * value is escaped in the HTML part: file names, reasons and row values come from uploads.
 */
final class EmailBody {

    private final StringBuilder text = new StringBuilder();
    private final StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");

    EmailBody paragraph(String sentence) {
        text.append(sentence).append("\n\n");
        html.append("<p>").append(Html.escape(sentence)).append("</p>\n");
        return this;
    }

    /** Label-value lines; a null value is left out. */
    EmailBody fields(List<String[]> labelled) {
        html.append("<table>\n");
        for (String[] pair : labelled) {
            if (pair[1] == null) {
                continue;
            }
            text.append(pair[0]).append(": ").append(pair[1]).append('\n');
            html.append("<tr><th align=\"left\">").append(Html.escape(pair[0]))
                    .append("</th><td>").append(Html.escape(pair[1])).append("</td></tr>\n");
        }
        text.append('\n');
        html.append("</table>\n");
        return this;
    }

    /** A table with a header row; in the text part, one line per row, cells joined by " | ". */
    EmailBody table(List<String> header, List<List<String>> rows) {
        text.append(String.join(" | ", header)).append('\n');
        html.append("<table border=\"1\" cellpadding=\"4\">\n<tr>");
        header.forEach(cell -> html.append("<th>").append(Html.escape(cell)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            text.append(String.join(" | ", row)).append('\n');
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
            html.append("</tr>\n");
        }
        text.append('\n');
        html.append("</table>\n");
        return this;
    }

    EmailBody link(String label, String url) {
        text.append(label).append(": ").append(url).append("\n\n");
        html.append("<p>").append(Html.escape(label)).append(": <a href=\"")
                .append(Html.escape(url)).append("\">").append(Html.escape(url))
                .append("</a></p>\n");
        return this;
    }

    EmailBody command(String command) {
        text.append("    ").append(command).append("\n\n");
        html.append("<pre>").append(Html.escape(command)).append("</pre>\n");
        return this;
    }

    String text() {
        return text.toString();
    }

    String html() {
        return html + "</body></html>\n";
    }
}
