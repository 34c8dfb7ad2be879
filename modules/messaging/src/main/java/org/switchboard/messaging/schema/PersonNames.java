package org.switchboard.messaging.schema;

import java.text.Normalizer;
import java.util.Optional;

/**
 * What Switchboard accepts as a person's name (a given, family or full name), in one place: the Web
 * Store's {@code @PersonName} constraint checks registrations with it, on the page and in the API,
 * and the schemas of the messages that carry names document it as {@code $defs/personName} with
 * {@link #PATTERN} (a test holds the two together).
 *
 * <p>A name is stored in Unicode normalization form C, has at least one letter (so it is not made
 * only of spaces, zero-width or other invisible characters), and has no character that can hide or
 * rearrange what a reader sees: no C0 or C1 control, no line or paragraph separator, no bidi
 * embedding, override or isolate (U+202A–U+202E, U+2066–U+2069), and no unpaired surrogate.
 * Anything else — every script, combining marks, apostrophes, hyphens, digits, emoji beside a
 * letter — is someone's name.
 */
public final class PersonNames {

    /** Why a name is refused; each says what is wrong in words a person can act on. */
    public enum Flaw {
        UNPAIRED_SURROGATE("contains an unpaired surrogate (not valid Unicode)"),
        CONTROL_CHARACTER("contains control characters"),
        LINE_SEPARATOR("contains a line or paragraph separator"),
        BIDI_CONTROL("contains bidirectional override or isolate characters"),
        NO_LETTER("must contain at least one letter"),
        NOT_NFC("is not in Unicode normalization form C");

        private final String message;

        Flaw(String message) {
            this.message = message;
        }

        /** The end of a sentence that starts with the field's name: "Given name contains control characters". */
        public String message() {
            return message;
        }
    }

    /**
     * The rule as an ECMA-262 / {@code java.util.regex} pattern, for JSON Schema's {@code pattern}
     * (which searches, so both lookaheads scan the whole string). It says everything but NFC, which
     * no regular expression can.
     */
    public static final String PATTERN = "^(?=[\\s\\S]*\\p{L})(?![\\s\\S]*"
            + "[\\u0000-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069\\uD800-\\uDFFF])";

    private PersonNames() {}

    /** As a name is stored: NFC, without the spaces and zero-width characters around it. */
    public static String normalize(String name) {
        var nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && isPadding(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && isPadding(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        return nfc.substring(start, end);
    }

    /** The first reason the name is refused, or empty when it is a valid, normalized name. */
    public static Optional<Flaw> flaw(String name) {
        var letter = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            var flaw = flaw(c);
            if (flaw != null) {
                return Optional.of(flaw);
            }
            letter |= Character.isLetter(c);
            i += Character.charCount(c);
        }
        if (!letter) {
            return Optional.of(Flaw.NO_LETTER);
        }
        return Normalizer.isNormalized(name, Normalizer.Form.NFC) ? Optional.empty() : Optional.of(Flaw.NOT_NFC);
    }

    public static boolean isValid(String name) {
        return name != null && flaw(name).isEmpty();
    }

    private static Flaw flaw(int c) {
        if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
            // codePointAt returns a surrogate only when it is not half of a pair.
            return Flaw.UNPAIRED_SURROGATE;
        }
        if (Character.getType(c) == Character.CONTROL) {
            return Flaw.CONTROL_CHARACTER;
        }
        if (c == 0x2028 || c == 0x2029) {
            return Flaw.LINE_SEPARATOR;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Flaw.BIDI_CONTROL;
        }
        return null;
    }

    /** Spaces of any width, and the invisible characters editors and copy-paste leave at the ends. */
    private static boolean isPadding(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x200B || c == 0x2060 || c == 0xFEFF;
    }
}
