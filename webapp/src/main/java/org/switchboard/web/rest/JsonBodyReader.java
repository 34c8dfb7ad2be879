package org.switchboard.web.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The one way a JSON request body enters the API: every resource that reads JSON takes a
 * {@link JsonBody}. Refuses with 415 a body that is not {@code application/json} or declares a
 * charset other than UTF-8 (the only encoding of JSON between systems, RFC 8259; an unknown name
 * such as {@code klingon} included), with 413 one over {@link PayloadLimit#MAX_BYTES} however it
 * is framed, and with 400 anything {@link StrictJson} does not read as exactly one JSON object.
 * Every refusal is a {@link WebApplicationException} carrying its problem, which JAX-RS hands to the
 * exception mappers unchanged (anything else a reader throws, RESTEasy wraps as its own failure).
 */
@Provider
// As specific as the JSON-B provider for application/json, so this reader, the application's, wins.
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class JsonBodyReader implements MessageBodyReader<JsonBody> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        // Any media type: a wrong one is refused in readFrom with a reason, not left to "no reader".
        return type == JsonBody.class;
    }

    @Override
    public JsonBody readFrom(
            Class<JsonBody> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        var unsupported = unsupported(mediaType);
        if (unsupported.isPresent()) {
            throw new NotSupportedException(unsupported.get());
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(PayloadLimit.MAX_BYTES + 1);
        } catch (LimitedInputStream.PayloadTooLarge e) {
            throw new WebApplicationException(e, PayloadLimit.tooLarge());
        }
        if (bytes.length > PayloadLimit.MAX_BYTES) {
            throw new WebApplicationException(
                    new LimitedInputStream.PayloadTooLarge(PayloadLimit.MAX_BYTES), PayloadLimit.tooLarge());
        }
        try {
            return new JsonBody(StrictJson.object(bytes));
        } catch (MalformedRequestBody e) {
            throw new WebApplicationException(e, new ProblemMappers.MalformedBodyMapper().toResponse(e));
        }
    }

    /** Why a body of this media type is refused, if it is. */
    static Optional<String> unsupported(MediaType mediaType) {
        if (mediaType == null
                || !"application".equalsIgnoreCase(mediaType.getType())
                || !"json".equalsIgnoreCase(mediaType.getSubtype())) {
            return Optional.of("Send the body as Content-Type: application/json.");
        }
        var charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isUtf8(charset)) {
            return Optional.of("JSON is UTF-8 (RFC 8259): send Content-Type: application/json without a charset,"
                    + " or with charset=utf-8.");
        }
        return Optional.empty();
    }

    private static boolean isUtf8(String name) {
        try {
            return Charset.forName(name.strip()).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
