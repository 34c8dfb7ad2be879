package org.switchboard.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New identifiers for rows and messages: time-ordered UUIDs, version 7 of RFC 9562 (48 bits of Unix
 * milliseconds, then 74 random bits), from a random generator of the calling thread's own.
 *
 * <p>Why not {@link UUID#randomUUID()}: it draws from one JVM-wide {@code SecureRandom}
 * ({@code NativePRNG}) whose reads are serialised, and a registration makes about seven ids on the
 * request and consumer threads. Under load the benchmark's JFR recording found those threads
 * waiting on that generator's monitors for tens of seconds per 20-second step (docs/benchmarks).
 * Here each thread has its own {@code DRBG} instance (seeded from the system's entropy when the
 * thread first needs one), so nothing is shared. And a random version 4 UUID lands anywhere in a
 * primary key's B-tree, so every insert touches a cold page; ids made at about the same time now sit
 * next to each other, as a sequence's would.
 *
 * <p>What this gives away: the millisecond an id was made can be read from it. Switchboard's ids
 * are names, not secrets (every resource behind one is checked against the caller's role), and the
 * 74 random bits still make them unguessable. Ids that are secrets or capabilities (a claim
 * check's reference, a delivery's id for a partner) keep {@link UUID#randomUUID()}.
 *
 * <p>A package of its own, outside {@code org.switchboard.messaging}: the contexts' entities make
 * their ids with it, and entities know no messaging (ModuleBoundariesTest).
 */
public final class Ids {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::generator);

    private Ids() {}

    /** A new identifier, version 7, variant 2 (RFC 9562). */
    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.get());
    }

    /** The identifier {@link #next()} makes at {@code epochMillis} with {@code random}'s bits (for tests). */
    static UUID at(long epochMillis, java.util.Random random) {
        var bytes = new byte[10];
        random.nextBytes(bytes);
        // 48 bits of milliseconds, the version (7), then 12 random bits.
        var high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((bytes[0] & 0x0FL) << 8) | (bytes[1] & 0xFFL);
        // The variant (binary 10), then 62 random bits.
        var low = 0L;
        for (var i = 2; i < 10; i++) {
            low = (low << 8) | (bytes[i] & 0xFFL);
        }
        low = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException notOnThisJvm) {
            return new SecureRandom();
        }
    }
}
