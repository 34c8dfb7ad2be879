package org.switchboard.web.login;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * What a request's {@code Authorization} header presents, read strictly: RFC 7617 Basic is
 * canonical base64 (correct padding, nothing after it) of UTF-8 {@code user:password}. The
 * password is never kept.
 */
record PresentedCredentials(Form form, String user) {

    enum Form {
        /** No Authorization header: an anonymous request. */
        NONE,
        /** Well-formed Basic credentials; whether they are right is the realm's business. */
        BASIC,
        /** A Basic header that is not canonical base64 of {@code user:password}, or too long. */
        MALFORMED,
        /** Another scheme (Bearer, Digest, ...): the container answers it. */
        OTHER
    }

    /** Longer than any real user name and password; a longer header is refused unread. */
    static final int MAX_TOKEN_LENGTH = 1_024;

    private static final Pattern CANONICAL_BASE64 =
            Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    static PresentedCredentials read(String header) {
        if (header == null) {
            return new PresentedCredentials(Form.NONE, null);
        }
        var space = header.indexOf(' ');
        var scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.equalsIgnoreCase("Basic")) {
            return new PresentedCredentials(Form.OTHER, null);
        }
        var token = space < 0 ? "" : header.substring(space + 1).strip();
        if (token.isEmpty()
                || token.length() > MAX_TOKEN_LENGTH
                || !CANONICAL_BASE64.matcher(token).matches()) {
            return malformed();
        }
        try {
            var decoded = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(token)))
                    .toString();
            var colon = decoded.indexOf(':');
            return colon <= 0 ? malformed() : new PresentedCredentials(Form.BASIC, decoded.substring(0, colon));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return malformed();
        }
    }

    private static PresentedCredentials malformed() {
        return new PresentedCredentials(Form.MALFORMED, null);
    }

    /** The user name as it may appear in a log line: no control characters, at most 64 characters. */
    String loggableUser() {
        if (user == null) {
            return "-";
        }
        var printable = user.codePoints()
                .filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
                .limit(64)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.isEmpty() ? "-" : printable;
    }
}
