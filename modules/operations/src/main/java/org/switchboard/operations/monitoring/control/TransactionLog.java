package org.switchboard.operations.monitoring.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.operations.monitoring.entity.LoggedTransaction;

/**
 * Reads Narayana's transaction log from its files, without loading a record into Narayana.
 *
 * <p>WildFly keeps the log in {@code data/tx-object-store}, one file per transaction under
 * {@code StateManager/BasicAction/...}. The names of its branches' resources are in the file as text,
 * so they are read from it. A record's age is counted from when this reader first saw it (or the
 * file's last change, if earlier): recovery rewrites a record it could not finish on every pass, so
 * the file alone would make a record that stays for ever look young.
 *
 * <p>Why not Narayana's own view (the {@code jboss.jta:type=ObjectStore} MBeans, or the management
 * model's {@code log-store:probe}, which fills them): a probe <em>activates</em> every record, and
 * activating a record asks the recovery module for a resource for each of its branches. When the
 * last scan listed that branch, the module hands it over and forgets it; recovery's own replay of
 * the record, moments later, then finds no resource for a branch the broker still holds prepared,
 * and a resource it counts as asked makes it treat the branch as complete and delete the record
 * (docs/adr/0017). This reader never touches Narayana. What it cannot tell is a branch's status:
 * a heuristic record shows once it is older than the health limit, like any record that stays.
 */
@ApplicationScoped
public class TransactionLog {

    /** Where the object store is; unset: WildFly's default under the server's data directory. */
    static final String STORE = "switchboard.ops.object-store";

    private static final String RECORDS = "BasicAction";

    /** When each record in the log was first seen, by id; records that went are forgotten. */
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    /** The transactions in the log now, or null when it cannot be read (not a file store, say). */
    public List<LoggedTransaction> read() {
        var store = store();
        if (store == null) {
            return null;
        }
        try {
            var records = read(store);
            if (records == null) {
                return null;
            }
            var now = Instant.now();
            firstSeen
                    .keySet()
                    .retainAll(records.stream().map(LoggedTransaction::id).toList());
            return records.stream()
                    .map(t -> {
                        var seen = firstSeen.computeIfAbsent(t.id(), id -> now);
                        return seen.isBefore(t.since()) ? new LoggedTransaction(t.id(), seen, t.participants()) : t;
                    })
                    .toList();
        } catch (IOException | RuntimeException e) {
            System.getLogger(TransactionLog.class.getName())
                    .log(System.Logger.Level.WARNING, "Transaction log not readable at {0}: {1}", store, e.toString());
            return null;
        }
    }

    /**
     * The records under {@code store}: none when it does not exist yet (Narayana creates it with the
     * first record); null when it holds something else than the file store (the journal store).
     */
    static List<LoggedTransaction> read(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            return List.of();
        }
        try (var kinds = Files.list(store)) {
            if (kinds.anyMatch(kind -> kind.getFileName().toString().equals("HornetqObjectStore"))) {
                return null;
            }
        }
        var transactions = new ArrayList<LoggedTransaction>();
        // A running server deletes records while they are listed: a vanished file is one less record,
        // and a walk that meets a vanished directory is repeated.
        for (var attempt = 1; ; attempt++) {
            transactions.clear();
            try (Stream<Path> files = Files.walk(store)) {
                for (var file : (Iterable<Path>) files.filter(TransactionLog::isRecord)::iterator) {
                    var transaction = transaction(file);
                    if (transaction != null) {
                        transactions.add(transaction);
                    }
                }
                return List.copyOf(transactions);
            } catch (UncheckedIOException | NoSuchFileException vanished) {
                if (attempt == 5) {
                    throw vanished instanceof UncheckedIOException u ? u.getCause() : (IOException) vanished;
                }
            }
        }
    }

    private static boolean isRecord(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        for (var part : file) {
            if (part.toString().equals(RECORDS)) {
                return true;
            }
        }
        return false;
    }

    /** Null when the file went while it was read: its transaction ended. */
    private static LoggedTransaction transaction(Path file) throws IOException {
        try {
            var since = Files.getLastModifiedTime(file).toInstant();
            var participants = resources(Files.readAllBytes(file)).stream()
                    .map(resource -> new LoggedTransaction.Participant(resource, "LOGGED"))
                    .toList();
            return new LoggedTransaction(file.getFileName().toString().replace('_', ':'), since, participants);
        } catch (NoSuchFileException ended) {
            return null;
        }
    }

    /**
     * The JNDI names in a record, in order and once each: Narayana packs each branch's resource name
     * as a length-prefixed string (e.g. {@code java:/jms/integration/JmsXA NodeId:<broker's node id>}).
     */
    static List<String> resources(byte[] record) {
        var names = new LinkedHashSet<String>();
        var text = new String(record, StandardCharsets.ISO_8859_1);
        for (var at = text.indexOf("java:"); at >= 0; at = text.indexOf("java:", at + 1)) {
            var end = at;
            while (end < text.length() && text.charAt(end) >= 0x20 && text.charAt(end) < 0x7f) {
                end++;
            }
            names.add(text.substring(at, end));
            at = end - 1;
        }
        return List.copyOf(names);
    }

    private static Path store() {
        var config = ConfigProvider.getConfig();
        var configured = config.getOptionalValue(STORE, String.class);
        if (configured.isPresent()) {
            return Path.of(configured.get());
        }
        var data = System.getProperty("jboss.server.data.dir");
        return data == null ? null : Path.of(data, "tx-object-store");
    }
}
