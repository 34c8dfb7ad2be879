package org.switchboard.web.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How large a request body may be, by path: the longest matching prefix wins, else the default.
 * Read from {@code switchboard.http.max-body-size} (bytes, default 1 MiB) and
 * {@code switchboard.http.max-body-size.paths} ({@code /api/orders=10485760,...}). The listener's own
 * max-post-size (16 MiB, jms-config/server.cli) stays above every limit here as a hard cap.
 */
record BodyLimits(long fallback, List<Map.Entry<String, Long>> byPrefix) {

    static final long DEFAULT = 1024 * 1024;

    BodyLimits {
        byPrefix = byPrefix.stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, Long> e) -> e.getKey().length())
                        .reversed())
                .toList();
    }

    /** {@code /api/orders=10485760, /api/uploads=2097152}; blank: none. */
    static BodyLimits of(long fallback, String paths) {
        if (paths == null || paths.isBlank()) {
            return new BodyLimits(fallback, List.of());
        }
        return new BodyLimits(
                fallback,
                java.util.Arrays.stream(paths.split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .map(entry -> {
                            var equals = entry.indexOf('=');
                            if (equals <= 0) {
                                throw new IllegalArgumentException("Not path=bytes: " + entry);
                            }
                            return Map.entry(
                                    entry.substring(0, equals).strip(),
                                    Long.parseLong(entry.substring(equals + 1).strip()));
                        })
                        .toList());
    }

    long forPath(String path) {
        return byPrefix.stream()
                .filter(e -> path.startsWith(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .findFirst()
                .orElse(fallback);
    }
}
