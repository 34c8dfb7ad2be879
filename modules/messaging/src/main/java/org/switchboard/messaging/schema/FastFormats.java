package org.switchboard.messaging.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import com.networknt.schema.format.Formats;

/**
 * The two formats every message carries many times, checked without the validator's general
 * machinery: {@code "uuid"} (ids: 117 uses in the schemas) and {@code "date-time"} (timestamps: 29).
 * The validator checks {@code uuid} with a regular expression and {@code date-time} by splitting
 * the string and parsing both halves; in a profile of the registration flow under load the two were
 * about 40 % of all schema validation (docs/benchmarks/registration-open-model.md, "Tuning tried").
 *
 * <p>Neither changes what is valid. {@code uuid} is checked character by character for exactly what
 * the validator's expression accepts. {@code date-time} is accepted at once in the one shape the
 * producers write, an {@code Instant} in UTC ({@code 2026-12-02T17:32:14.123456Z}: seconds 00-59, a
 * fraction of 1-9 digits, {@code Z}), with every field in range; any other string gets the
 * validator's own rule, leap seconds and offsets included. {@code FastFormatsTest} compares both
 * with the validator's rules on a corpus of valid and broken strings.
 */
final class FastFormats {

    private FastFormats() {}

    static Format uuid() {
        return new Named("uuid", FastFormats::isUuid);
    }

    static Format dateTime() {
        var library = library("date-time");
        return new Format() {
            @Override
            public String getName() {
                return "date-time";
            }

            @Override
            public String getMessageKey() {
                return library.getMessageKey();
            }

            @Override
            public boolean matches(ExecutionContext context, String value) {
                return isUtcInstant(value) || library.matches(context, value);
            }
        };
    }

    /** The validator's own format of that name. */
    static Format library(String name) {
        return Formats.DEFAULT.stream()
                .filter(format -> format.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The validator has no format " + name));
    }

    /** {@code ^\p{XDigit}{8}-\p{XDigit}{4}-\p{XDigit}{4}-\p{XDigit}{4}-\p{XDigit}{12}$}, by hand. */
    static boolean isUuid(String value) {
        if (value.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            var c = value.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, year 0001-9999, day within its month, seconds 00-59:
     * certainly a valid RFC 3339 date-time. False means only "not this shape".
     */
    static boolean isUtcInstant(String value) {
        var length = value.length();
        if (length < 20 || length > 30 || value.charAt(length - 1) != 'Z') {
            return false;
        }
        if (value.charAt(4) != '-'
                || value.charAt(7) != '-'
                || value.charAt(10) != 'T'
                || value.charAt(13) != ':'
                || value.charAt(16) != ':') {
            return false;
        }
        var year = digits(value, 0, 4);
        var month = digits(value, 5, 2);
        var day = digits(value, 8, 2);
        var hour = digits(value, 11, 2);
        var minute = digits(value, 14, 2);
        var second = digits(value, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) {
            return false;
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        if (length == 20) {
            return true;
        }
        // A fraction: '.', then 1-9 digits up to the Z.
        return value.charAt(19) == '.' && length >= 22 && digits(value, 20, length - 21) >= 0;
    }

    /** The number the digits at [from, from + count) spell, or -1 if one is not a digit. */
    private static int digits(String value, int from, int count) {
        var number = 0;
        for (int i = from; i < from + count; i++) {
            var c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            number = number * 10 + (c - '0');
        }
        return number;
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private record Named(String name, java.util.function.Predicate<String> rule) implements Format {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getMessageKey() {
            return library(name).getMessageKey();
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return rule.test(value);
        }
    }
}
