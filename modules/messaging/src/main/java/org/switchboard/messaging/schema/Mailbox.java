package org.switchboard.messaging.schema;

import java.util.regex.Pattern;

/**
 * What Switchboard accepts as an e-mail address, in one place: the Web Store validates registrations
 * with it, and the schema validator checks {@code "format": "email"} with it, so an address the Web
 * Store accepts can always be published.
 *
 * <p>RFC 5321 syntax, ASCII only: a dot-atom local part of at most 64 characters, {@code @}, and a
 * domain of at least two letter-digit-hyphen labels; at most 254 characters in all. Deliberately no
 * list of top-level domains (new ones appear every year, and {@code .example} or a company's
 * internal domain are valid addresses), no quoted local parts, no IP-address literals.
 */
public final class Mailbox {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

    /** The syntax as a regular expression (lengths are checked separately), for {@code @Pattern}. */
    public static final String PATTERN = ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Mailbox() {}

    public static boolean isValid(String address) {
        if (address == null || address.length() > 254) {
            return false;
        }
        var at = address.lastIndexOf('@');
        return at > 0 && at <= 64 && COMPILED.matcher(address).matches();
    }
}
