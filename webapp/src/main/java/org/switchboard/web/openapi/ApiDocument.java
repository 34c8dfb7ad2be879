package org.switchboard.web.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.switchboard.operations.FlatJson;
import org.switchboard.web.rest.CustomersResource;
import org.switchboard.web.rest.DeadLetterRequestsResource;
import org.switchboard.web.rest.MarketingContactsResource;
import org.switchboard.web.rest.OperationsResource;
import org.switchboard.web.rest.OrdersResource;
import org.switchboard.web.rest.PartnersResource;
import org.switchboard.web.rest.Problem;
import org.switchboard.web.rest.ProviderWebhooksResource;
import org.switchboard.web.rest.SagasResource;
import org.switchboard.web.rest.SchemasResource;

/**
 * Completes the document WildFly builds from META-INF/openapi.yaml and the annotations
 * (registered as {@code mp.openapi.filter}): each operation whose success response has no body
 * schema gets the schema of its method's return type ({@link RecordSchemas}), with the records'
 * schemas under components; an array annotated with a {@code ref} gets it as its items; every
 * operation behind the login documents 401 and 403; every error response is a problem document.
 * OpenApiIT checks the result against the answers the API really gives.
 */
public class ApiDocument implements OASFilter {

    /** The API's resources; OpenApiIT fails on a JSON success response left without a schema. */
    static final List<Class<?>> RESOURCES = List.of(
            CustomersResource.class,
            MarketingContactsResource.class,
            OperationsResource.class,
            DeadLetterRequestsResource.class,
            OrdersResource.class,
            SagasResource.class,
            PartnersResource.class,
            ProviderWebhooksResource.class,
            SchemasResource.class);

    private static final String API = "/api";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        var schemas = new RecordSchemas(flatViews());
        for (var resource : RESOURCES) {
            for (var method : resource.getMethods()) {
                var verb = verb(method);
                var item =
                        document.getPaths() == null ? null : document.getPaths().getPathItem(path(resource, method));
                if (verb == null || item == null) {
                    continue;
                }
                var operation = item.getOperations().get(verb);
                if (operation == null || method.getReturnType() == void.class) {
                    continue;
                }
                if (method.getReturnType() != Response.class) {
                    describeSuccess(operation, null, schemas.of(method.getGenericReturnType()));
                    continue;
                }
                // A Response says nothing of its body: the method's @APIResponse names the type.
                for (var declared : method.getAnnotationsByType(APIResponse.class)) {
                    for (var content : declared.content()) {
                        var type = content.schema().implementation();
                        if (declared.responseCode().startsWith("2") && type != Void.class) {
                            var schema = schemas.of(type);
                            describeSuccess(
                                    operation,
                                    declared.responseCode(),
                                    content.schema().type() == SchemaType.ARRAY
                                            ? Json.createObjectBuilder()
                                                    .add("type", "array")
                                                    .add("items", schema)
                                                    .build()
                                            : schema);
                        }
                    }
                }
            }
        }
        schemas.components().forEach((name, schema) -> {
            var written = document.getComponents().getSchemas() == null
                    ? null
                    : document.getComponents().getSchemas().get(name);
            if (JsonSchemas.isUndescribed(written)) {
                document.getComponents().addSchema(name, JsonSchemas.toModel(schema));
            }
        });
        if (document.getPaths() != null) {
            document.getPaths().getPathItems().values().stream()
                    .flatMap(item -> item.getOperations().values().stream())
                    .forEach(operation -> completeResponses(operation, document));
        }
    }

    /** The 2xx responses (or the one with this status) without a schema get this one. */
    private static void describeSuccess(Operation operation, String status, JsonObject schema) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().entrySet().stream()
                .filter(entry -> status == null
                        ? entry.getKey().startsWith("2")
                        : entry.getKey().equals(status))
                .map(entry -> entry.getValue())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .filter(media -> JsonSchemas.isUndescribed(media.getSchema()))
                .forEach(media -> media.setSchema(JsonSchemas.toModel(schema)));
    }

    private static void completeResponses(Operation operation, OpenAPI document) {
        var responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        var secured = operation.getSecurity() != null
                ? !operation.getSecurity().isEmpty()
                : document.getSecurity() != null && !document.getSecurity().isEmpty();
        if (secured) {
            addProblem(responses.getAPIResponses().containsKey("401"), operation, "401", "Not logged in (HTTP Basic)");
            addProblem(
                    responses.getAPIResponses().containsKey("403"),
                    operation,
                    "403",
                    "Logged in without a role this operation needs (see its description)");
        }
        for (var entry : responses.getAPIResponses().entrySet()) {
            var response = entry.getValue();
            if (entry.getKey().charAt(0) >= '4'
                    && (response.getContent() == null
                            || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent());
            }
            for (var media : response.getContent() == null
                    ? List.<MediaType>of()
                    : response.getContent().getMediaTypes().values()) {
                JsonSchemas.arrayOfReference(media.getSchema());
            }
        }
    }

    private static void addProblem(boolean present, Operation operation, String status, String description) {
        if (!present) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            status,
                            OASFactory.createAPIResponse()
                                    .description(description)
                                    .content(problemContent()));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
    }

    static PathItem.HttpMethod verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return PathItem.HttpMethod.GET;
        }
        if (method.isAnnotationPresent(POST.class)) {
            return PathItem.HttpMethod.POST;
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return PathItem.HttpMethod.PUT;
        }
        return method.isAnnotationPresent(DELETE.class) ? PathItem.HttpMethod.DELETE : null;
    }

    /** The document's path of a resource method: /api, the class's @Path, the method's, without regular expressions. */
    static String path(Class<?> resource, Method method) {
        var path = new StringBuilder(API);
        Stream.of(resource.getAnnotation(Path.class), method.getAnnotation(Path.class))
                .filter(java.util.Objects::nonNull)
                .map(Path::value)
                .map(part -> part.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"))
                .map(part -> part.replaceAll("^/+|/+$", ""))
                .filter(part -> !part.isEmpty())
                .forEach(part -> path.append('/').append(part));
        return path.toString();
    }

    /** The records Operations writes flat (FlatJson): the type each of its serializers serializes. */
    static Set<Class<?>> flatViews() {
        var views = new HashSet<Class<?>>();
        for (JsonbSerializer<?> serializer : FlatJson.views()) {
            var type = (ParameterizedType) serializer.getClass().getGenericSuperclass();
            views.add((Class<?>) type.getActualTypeArguments()[0]);
        }
        return views;
    }
}
