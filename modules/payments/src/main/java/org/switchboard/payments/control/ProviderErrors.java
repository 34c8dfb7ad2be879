package org.switchboard.payments.control;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns the provider's error answers into two kinds the fault tolerance tells apart: a 5xx is the
 * provider failing ({@link ProviderFailure}: retried, counted by the circuit breaker), a 4xx is the
 * provider refusing this request ({@link ProviderRefusal}: the same every time, so never retried,
 * and no sign that the provider is unwell).
 */
public class ProviderErrors implements ResponseExceptionMapper<RuntimeException> {

    /** The provider failed to answer this time (5xx). */
    public static class ProviderFailure extends RuntimeException {
        public ProviderFailure(String message) {
            super(message);
        }
    }

    /** The provider refused the request as asked (4xx: a reused key, a bad body). */
    public static class ProviderRefusal extends RuntimeException {
        public ProviderRefusal(String message) {
            super(message);
        }
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public RuntimeException toThrowable(Response response) {
        var detail = "payment provider answered " + response.getStatus() + ": " + body(response);
        return response.getStatus() >= 500 ? new ProviderFailure(detail) : new ProviderRefusal(detail);
    }

    private static String body(Response response) {
        try {
            response.bufferEntity();
            return response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            return "(no body)";
        }
    }
}
