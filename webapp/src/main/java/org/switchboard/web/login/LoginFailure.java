package org.switchboard.web.login;

/** Why a request that presented credentials did not log in; the tag of the failed-login metric. */
enum LoginFailure {
    /** Well-formed Basic credentials the realm refused (unknown user or wrong password). */
    WRONG_CREDENTIALS,
    /** A Basic header that is not canonical base64 of user:password; refused before the realm. */
    MALFORMED,
    /** Not tried at all: this client address presented too many wrong credentials lately. */
    THROTTLED
}
