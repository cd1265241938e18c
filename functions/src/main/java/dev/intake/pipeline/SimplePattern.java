package dev.intake.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A field pattern of the plain kind most schemas use ({@code ^[0-9]{5}$}, {@code [A-Z]{2}},
 * {@code ^\d+$}), matched with a table lookup per character instead of the regex engine: a
 * matcher reset and a match for every value, where a few compares do.
 *
 * <p>Only patterns whose meaning is beyond doubt are taken: an optional {@code ^} and {@code $},
 * then either one term with any greedy quantifier, or terms that each occur a fixed number of
 * times (1,024 characters in all at most). A term is a character class of ASCII letters, digits
 * and a few plain symbols (ranges allowed, no negation, no escape but {@code \d}), {@code \d},
 * or such a character alone. Every character of such a pattern is ASCII, so a value matches
 * exactly when it has the right number of characters and each is in its term's set: a character
 * outside ASCII, a surrogate included, matches neither here nor in the regex. {@link #of} returns
 * null for any other pattern, which the regex then checks.
 */
final class SimplePattern {

    private static final int ASCII = 128;
    private static final int MAX_COUNT = 100_000;
    private static final int MAX_FIXED_LENGTH = 1_024;
    private static final String PLAIN_SYMBOLS = "_ ";

    // Either the set each position allows (a fixed length), or one set for a length in a range.
    private final boolean[][] positions;
    private final boolean[] allowed;
    private final int min;
    private final int max;

    private record Term(boolean[] allowed, int min, int max) {}

    private SimplePattern(boolean[][] positions, boolean[] allowed, int min, int max) {
        this.positions = positions;
        this.allowed = allowed;
        this.min = min;
        this.max = max;
    }

    /** The pattern when it is of the plain kind, otherwise null. */
    static SimplePattern of(String regex) {
        String body = regex.startsWith("^") ? regex.substring(1) : regex;
        body = body.endsWith("$") && !body.endsWith("\\$")
                ? body.substring(0, body.length() - 1) : body;
        List<Term> terms = new Parser(body).terms();
        if (terms == null || terms.isEmpty()) {
            return null;
        }
        boolean fixed = terms.stream().allMatch(term -> term.min() == term.max());
        int length = terms.stream().mapToInt(Term::min).sum();
        if (fixed && length <= MAX_FIXED_LENGTH) {
            List<boolean[]> positions = new ArrayList<>();
            for (Term term : terms) {
                for (int i = 0; i < term.min(); i++) {
                    positions.add(term.allowed());
                }
            }
            return new SimplePattern(positions.toArray(new boolean[0][]), null, length, length);
        }
        Term only = terms.get(0);
        return terms.size() == 1 ? new SimplePattern(null, only.allowed(), only.min(), only.max())
                : null;
    }

    /** Whether the whole value matches, as {@code Matcher.matches()} would say. */
    boolean matches(String value) {
        int length = value.length();
        if (length < min || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= ASCII || !(positions != null ? positions[i] : allowed)[c]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the pattern's body; any construct it does not know gives null. */
    private static final class Parser {

        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        List<Term> terms() {
            List<Term> terms = new ArrayList<>();
            while (at < text.length()) {
                boolean[] allowed = set();
                if (allowed == null) {
                    return null;
                }
                int[] counts = quantifier();
                if (counts == null) {
                    return null;
                }
                terms.add(new Term(allowed, counts[0], counts[1]));
            }
            return terms;
        }

        private boolean[] set() {
            char c = text.charAt(at);
            if (c == '[') {
                return characterClass();
            }
            if (text.startsWith("\\d", at)) {
                at += 2;
                return digits(new boolean[ASCII]);
            }
            // Outside a class a '-' is a character like any other.
            if (!isPlain(c) && c != '-') {
                return null;
            }
            at++;
            boolean[] allowed = new boolean[ASCII];
            allowed[c] = true;
            return allowed;
        }

        /** A class such as {@code [A-Za-z0-9_-]}; a '-' first or last stands for itself. */
        private boolean[] characterClass() {
            int close = text.indexOf(']', at + 1);
            if (close < 0 || close == at + 1) {
                return null;
            }
            String inside = text.substring(at + 1, close);
            at = close + 1;
            boolean[] allowed = new boolean[ASCII];
            int i = 0;
            while (i < inside.length()) {
                char c = inside.charAt(i);
                boolean range = i + 2 < inside.length() && inside.charAt(i + 1) == '-';
                if (inside.startsWith("\\d", i)) {
                    digits(allowed);
                    i += 2;
                } else if (c == '-' && (i == 0 || i == inside.length() - 1)) {
                    allowed['-'] = true;
                    i++;
                } else if (range && isPlain(c) && isPlain(inside.charAt(i + 2))
                        && c <= inside.charAt(i + 2)) {
                    for (char r = c; r <= inside.charAt(i + 2); r++) {
                        allowed[r] = true;
                    }
                    i += 3;
                } else if (isPlain(c) && !range) {
                    allowed[c] = true;
                    i++;
                } else {
                    return null;
                }
            }
            return allowed;
        }

        /** {@code {n}}, {@code {n,m}}, {@code {n,}}, ?, * or + (greedy only), or none. */
        private int[] quantifier() {
            if (at == text.length()) {
                return new int[] {1, 1};
            }
            int[] counts;
            switch (text.charAt(at)) {
                case '?' -> counts = new int[] {0, 1};
                case '*' -> counts = new int[] {0, Integer.MAX_VALUE};
                case '+' -> counts = new int[] {1, Integer.MAX_VALUE};
                case '{' -> {
                    return bounds();
                }
                default -> {
                    return new int[] {1, 1};
                }
            }
            at++;
            return lazyOrPossessive() ? null : counts;
        }

        private int[] bounds() {
            int close = text.indexOf('}', at);
            if (close < 0) {
                return null;
            }
            String inside = text.substring(at + 1, close);
            at = close + 1;
            int comma = inside.indexOf(',');
            int min = count(comma < 0 ? inside : inside.substring(0, comma));
            int max = comma < 0 ? min
                    : comma == inside.length() - 1 ? Integer.MAX_VALUE
                    : count(inside.substring(comma + 1));
            if (min < 0 || max < min || lazyOrPossessive()) {
                return null;
            }
            return new int[] {min, max};
        }

        private boolean lazyOrPossessive() {
            return at < text.length() && (text.charAt(at) == '?' || text.charAt(at) == '+');
        }

        /** A count of at most {@value #MAX_COUNT}, or -1. */
        private static int count(String digits) {
            if (digits.isEmpty() || digits.length() > 6 || !digits.chars().allMatch(
                    c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int count = Integer.parseInt(digits);
            return count <= MAX_COUNT ? count : -1;
        }

        private static boolean[] digits(boolean[] allowed) {
            for (char c = '0'; c <= '9'; c++) {
                allowed[c] = true;
            }
            return allowed;
        }

        private static boolean isPlain(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || PLAIN_SYMBOLS.indexOf(c) >= 0;
        }
    }
}
