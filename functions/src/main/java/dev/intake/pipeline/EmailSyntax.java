package dev.intake.pipeline;

/**
 * Checks the shape of an email address without a regular expression: a dot-atom local part (so
 * {@code o'brien} and {@code user+tag} pass, as RFC 5322 allows) and a domain of at least two
 * labels. Quoted local parts and IP-literal domains are refused: real senders do not use them.
 */
public final class EmailSyntax {

    private static final String LOCAL_SPECIALS = "!#$%&'*+-/=?^_`{|}~.";

    private EmailSyntax() {}

    public static boolean isValid(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at > 64 || address.length() > 254 || at == address.length() - 1) {
            return false;
        }
        return isLocalPart(address, 0, at) && isDomain(address, at + 1, address.length());
    }

    private static boolean isLocalPart(String s, int from, int to) {
        if (s.charAt(from) == '.' || s.charAt(to - 1) == '.') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean allowed = isAsciiLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0;
            if (!allowed || (c == '.' && s.charAt(i - 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String s, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '.') {
                if (!isLabel(s, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2;
    }

    private static boolean isLabel(String s, int from, int to) {
        if (to == from || to - from > 63 || s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
