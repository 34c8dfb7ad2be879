package org.switchboard.web.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with 413 once more than {@code limit} bytes were read (chunked bodies have no Content-Length). */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws PayloadTooLarge {
        count += n;
        if (count > limit) {
            throw new PayloadTooLarge(limit);
        }
    }

    /** Raised while reading; whoever wraps it (the JSON reader, RESTEasy), ProblemMappers finds it and answers 413. */
    static final class PayloadTooLarge extends IOException {
        PayloadTooLarge(long limit) {
            super("Request bodies are limited to " + limit + " bytes.");
        }
    }
}
