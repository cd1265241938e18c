package dev.intake.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses an intrinsic function call such as {@code States.Format('a \{b\} {}', $.x)} into a tree.
 * A character-by-character scanner, so quotes, escapes ({@code \'}, {@code \{}, {@code \}},
 * {@code \\}), nested calls and paths containing commas or parentheses are read exactly.
 */
public final class IntrinsicParser {

    /** A parsed argument or call. */
    public sealed interface Expr permits Call, Literal, Text, PathRef {
    }

    /** {@code States.Name(args…)}. */
    public record Call(String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A number, {@code true}, {@code false} or {@code null}. */
    public record Literal(JsonNode value) implements Expr {
    }

    /**
     * A quoted string; {@code escaped} marks characters written with a backslash, so
     * {@code States.Format} can tell an escaped brace from a placeholder.
     */
    public record Text(String value, BitSet escaped) implements Expr {
        public Text {
            escaped = (BitSet) escaped.clone();
        }

        @Override
        public BitSet escaped() {
            return (BitSet) escaped.clone();
        }
    }

    /** A path on the input ({@code $…}) or the context object ({@code $$…}). */
    public record PathRef(String path) implements Expr {
    }

    /** Expressions come from definitions, so this cache stays as small as they are. */
    private static final Map<String, Call> PARSED = new ConcurrentHashMap<>();

    private final String source;
    private int pos;

    private IntrinsicParser(String source) {
        this.source = source;
    }

    /**
     * Parses a whole intrinsic call.
     *
     * @throws IllegalArgumentException with the position and what was expected
     */
    public static Call parse(String source) {
        return PARSED.computeIfAbsent(source, IntrinsicParser::parseUncached);
    }

    private static Call parseUncached(String source) {
        IntrinsicParser parser = new IntrinsicParser(source);
        parser.skipSpaces();
        Call call = parser.call();
        parser.skipSpaces();
        if (parser.pos != source.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private Call call() {
        int start = pos;
        while (pos < source.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            pos++;
        }
        String name = source.substring(start, pos);
        if (!name.startsWith("States.") || name.length() == "States.".length()) {
            throw error("expected an intrinsic function name such as States.Format");
        }
        expect('(');
        List<Expr> args = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
            return new Call(name, args);
        }
        while (true) {
            skipSpaces();
            args.add(argument());
            skipSpaces();
            char next = take();
            if (next == ')') {
                return new Call(name, args);
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or ')'");
            }
        }
    }

    private Expr argument() {
        char c = peek();
        if (c == '\'') {
            return text();
        }
        if (c == '$') {
            return new PathRef(path());
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (source.startsWith("States.", pos)) {
            return call();
        }
        for (String word : List.of("true", "false", "null")) {
            if (source.startsWith(word, pos)) {
                pos += word.length();
                return new Literal(Json.MAPPER.convertValue(wordValue(word), JsonNode.class));
            }
        }
        throw error("expected a string, number, path or intrinsic function");
    }

    private static Object wordValue(String word) {
        return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private Text text() {
        pos++;
        StringBuilder value = new StringBuilder();
        BitSet escaped = new BitSet();
        while (true) {
            if (pos >= source.length()) {
                throw error("unterminated string literal");
            }
            char c = take();
            if (c == '\'') {
                return new Text(value.toString(), escaped);
            }
            if (c == '\\') {
                if (pos >= source.length()) {
                    throw error("unterminated string literal");
                }
                escaped.set(value.length());
                value.append(take());
            } else {
                value.append(c);
            }
        }
    }

    private String path() {
        int start = pos;
        int depth = 0;
        while (pos < source.length()) {
            char c = peek();
            if (c == '\'') {
                skipQuoted();
                continue;
            }
            if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        return source.substring(start, pos).strip();
    }

    private void skipQuoted() {
        pos++;
        while (pos < source.length() && peek() != '\'') {
            pos += peek() == '\\' ? 2 : 1;
        }
        pos++;
    }

    private Literal number() {
        int start = pos;
        pos++;
        while (pos < source.length() && "0123456789.eE+-".indexOf(peek()) >= 0) {
            pos++;
        }
        String text = source.substring(start, pos);
        try {
            return new Literal(Json.number(new BigDecimal(text)));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text + "'");
        }
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= source.length() || source.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < source.length() ? source.charAt(pos) : '\0';
    }

    private char take() {
        if (pos >= source.length()) {
            throw error("unexpected end");
        }
        return source.charAt(pos++);
    }

    private void skipSpaces() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("invalid intrinsic function at character " + (pos + 1)
                + " of " + source + ": " + what);
    }
}
