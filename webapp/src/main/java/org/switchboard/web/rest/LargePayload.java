package org.switchboard.web.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes a body larger than {@link PayloadLimit}'s 16 KiB (an order's
 * document, say): the method enforces its own, larger limit while it reads.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LargePayload {

    /** The largest body the method takes, in bytes. */
    long maxBytes();
}
