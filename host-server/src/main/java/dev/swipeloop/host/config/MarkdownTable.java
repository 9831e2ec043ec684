package dev.swipeloop.host.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table whose cells are escaped, so that a setting's doc string
 * cannot break the row it sits in: a {@code |} would start a new column and a line break would
 * end the table.
 */
final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row of cells already made by {@link #text} or {@link #code}. */
    MarkdownTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("a row of " + header.size() + " cells was given " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder out) {
        line(out, header);
        line(out, header.stream().map(h -> "---").toList());
        rows.forEach(row -> line(out, row));
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /**
     * Prose as one cell: {@code |} escaped, line breaks as {@code <br>}, and the characters that
     * would turn words into markup shown as they are ({@code <data>} is an HTML element to a
     * renderer, a lone {@code *} starts emphasis).
     */
    static String text(String prose) {
        StringBuilder sb = new StringBuilder();
        for (char c : prose.strip().toCharArray()) {
            switch (c) {
                case '\\', '|', '*' -> sb.append('\\').append(c);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> sb.append(c);
            }
        }
        return sb.toString().replaceAll("\\R", "<br>");
    }

    /**
     * A value as a code span. Inside one only {@code |} needs escaping (GitHub splits the row
     * before it reads code spans); a backtick in the value takes a longer fence.
     */
    static String code(String value) {
        String oneLine = value.replaceAll("\\R", " ").replace("|", "\\|");
        String fence = oneLine.contains("`") ? "``" : "`";
        String pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
        return fence + pad + oneLine + pad + fence;
    }
}
