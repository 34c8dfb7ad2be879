package org.switchboard.messaging.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written formats accept exactly what the validator's own rules accept. */
class FastFormatsTest {

    private static final Random RANDOM = new Random(42);

    @Test
    void uuidAgreesWithTheValidatorsExpression() {
        var library = FastFormats.library("uuid");
        var fast = FastFormats.uuid();
        var corpus = new ArrayList<String>(List.of(
                "",
                "-",
                "123e4567-e89b-12d3-a456-426614174000",
                "123E4567-E89B-12D3-A456-426614174000",
                "123e4567e89b12d3a456426614174000",
                "123e4567-e89b-12d3-a456-42661417400",
                "123e4567-e89b-12d3-a456-4266141740000",
                "123e4567-e89b-12d3-a456-42661417400g",
                "123e4567-e89b-12d3-a456_426614174000",
                "{123e4567-e89b-12d3-a456-426614174000}",
                " 123e4567-e89b-12d3-a456-42661417400",
                "123e4567-e89b-12d3-a456-426614174000\n",
                "１２３e4567-e89b-12d3-a456-4266141740"));
        for (int i = 0; i < 2_000; i++) {
            corpus.add(mutate(UUID.randomUUID().toString()));
        }
        assertAgree(corpus, library, fast);
        assertThat(corpus.stream().filter(FastFormats::isUuid))
                .as("valid ones in the corpus")
                .hasSizeGreaterThan(100);
    }

    @Test
    void dateTimeAgreesWithTheValidatorsRule() {
        var library = FastFormats.library("date-time");
        var fast = FastFormats.dateTime();
        var corpus = new ArrayList<String>(List.of(
                "2026-12-02T17:32:14Z",
                "2026-12-02T17:32:14.1Z",
                "2026-12-02T17:32:14.123456789Z",
                "2026-12-02T17:32:14.1234567891Z",
                "2026-12-02T17:32:14.Z",
                "2026-12-02t17:32:14z",
                "2026-12-02 17:32:14Z",
                "2026-12-02T17:32:14+01:00",
                "2026-12-02T17:32:14-23:59",
                "2026-12-02T17:32:14+24:00",
                "2026-12-02T17:32:14",
                "2016-12-31T23:59:60Z",
                "2015-06-30T23:59:60Z",
                "2026-12-02T23:59:60Z",
                "2024-02-29T00:00:00Z",
                "2023-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z",
                "2000-02-29T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-01-00T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T00:60:00Z",
                "0000-01-01T00:00:00Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "+2026-12-02T17:32:14Z",
                "2026-1-02T17:32:14Z",
                "２０２６-12-02T17:32:14Z",
                ""));
        var start = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 2_000; i++) {
            var instant = Instant.ofEpochSecond(
                    start + (long) (RANDOM.nextDouble() * 5_000_000_000L), RANDOM.nextInt(1_000_000_000));
            var written = instant.truncatedTo(
                            List.of(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS)
                                    .get(RANDOM.nextInt(4)))
                    .toString();
            corpus.add(written);
            corpus.add(mutate(written));
        }
        assertAgree(corpus, library, fast);
        assertThat(corpus.stream().filter(FastFormats::isUtcInstant))
                .as("taken by the fast path")
                .hasSizeGreaterThan(2_000);
    }

    private static void assertAgree(
            List<String> corpus, com.networknt.schema.format.Format library, com.networknt.schema.format.Format fast) {
        for (var value : corpus) {
            assertThat(fast.matches(null, value))
                    .as("%s: %s", fast.getName(), value)
                    .isEqualTo(library.matches(null, value));
        }
    }

    /** The value with one character replaced, inserted or removed, or unchanged. */
    private static String mutate(String value) {
        var at = RANDOM.nextInt(value.length());
        var replacement = "0123456789abcdefABCDEFgzZT:-.+ ".charAt(RANDOM.nextInt(31));
        return switch (RANDOM.nextInt(4)) {
            case 0 -> value.substring(0, at) + replacement + value.substring(at + 1);
            case 1 -> value.substring(0, at) + replacement + value.substring(at);
            case 2 -> value.substring(0, at) + value.substring(at + 1);
            default -> value;
        };
    }
}
