package org.switchboard.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.switchboard.messaging.schema.MessageSchemas;
import org.switchboard.messaging.schema.SchemaRegistry;

/**
 * The schema registry, read-only: the subjects, their compatibility modes and versions, and each
 * version's JSON Schema, exactly as the running application validates with them (the files in
 * {@code schema/}, packaged in contracts.jar). Changes go through the repository and the build's
 * compatibility gate, never through this API.
 */
@Path("schemas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schema registry")
public class SchemasResource {

    static final String SCHEMA_JSON = "application/schema+json";

    /** A subject: the schemas of one message type's major version. */
    @Schema(name = "SchemaSubject")
    public record Subject(
            @Schema(description = "<messageType>.v<major>, e.g. webstore.CustomerRegistered.v2")
            String subject,

            String messageType,
            int majorVersion,

            @Schema(
                    description = "Whose contract it is: an EVENT belongs to its producer (FULL_TRANSITIVE);"
                            + " a COMMAND, or a NOTE reported to the context that owns it, belongs to its consumer",
                    enumeration = {"EVENT", "COMMAND", "NOTE"})
            String kind,

            @Schema(
                    description = "How versions may evolve",
                    enumeration = {
                        "NONE",
                        "BACKWARD",
                        "BACKWARD_TRANSITIVE",
                        "FORWARD",
                        "FORWARD_TRANSITIVE",
                        "FULL",
                        "FULL_TRANSITIVE"
                    })
            String compatibility,

            @Schema(enumeration = {"ACTIVE", "DEPRECATED", "RETIRED"})
            String lifecycle,

            @Schema(description = "The context that owns the contract")
            String owner,

            @Schema(description = "The latest version: the one producers and consumers validate against")
            int latestVersion,

            List<Version> versions) {

        static Subject of(SchemaRegistry registry, SchemaRegistry.Subject subject) {
            var versions = registry.versions(subject).stream().map(Version::of).toList();
            return new Subject(
                    subject.name(),
                    subject.messageType(),
                    subject.majorVersion(),
                    subject.kind(),
                    subject.compatibility(),
                    subject.lifecycle(),
                    subject.owner(),
                    versions.get(versions.size() - 1).version(),
                    versions);
        }
    }

    /** One version of a subject. */
    @Schema(name = "SchemaVersion")
    public record Version(
            int version,

            @Schema(description = "false for a change to the current schema not yet frozen in the registry")
            boolean registered,

            @Schema(description = "The file under schema/ in the repository")
            String file) {

        static Version of(SchemaRegistry.Version version) {
            return new Version(version.number(), version.registered(), version.location());
        }
    }

    private final SchemaRegistry registry = MessageSchemas.standard().registry();

    @GET
    @Operation(summary = "All subjects with their compatibility mode and versions")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Subject.class)))
    public List<Subject> subjects() {
        return registry.subjects().stream().map(s -> Subject.of(registry, s)).toList();
    }

    @GET
    @Path("{subject}")
    @Operation(summary = "One subject")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Subject.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such subject",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Subject subject(@PathParam("subject") String name) {
        return Subject.of(registry, find(name));
    }

    @GET
    @Path("{subject}/versions/{version}")
    @Produces({SCHEMA_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The JSON Schema (draft 2020-12) of one version",
            description = "version is a number or latest")
    @APIResponse(responseCode = "200", content = @Content(mediaType = SCHEMA_JSON))
    @APIResponse(
            responseCode = "404",
            description = "No such subject or version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response schema(
            @PathParam("subject") String name,
            @Parameter(description = "A version number, or latest") @PathParam("version") String version) {
        var subject = find(name);
        var versions = registry.versions(subject);
        SchemaRegistry.Version chosen;
        if ("latest".equals(version)) {
            chosen = versions.get(versions.size() - 1);
        } else {
            chosen = versions.stream()
                    .filter(v -> String.valueOf(v.number()).equals(version))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException(
                            "Subject " + name + " has versions 1 to " + versions.size() + ", not " + version));
        }
        return Response.ok(chosen.schema().toString(), SCHEMA_JSON).build();
    }

    private SchemaRegistry.Subject find(String name) {
        return registry.subject(name)
                .orElseThrow(
                        () -> new NotFoundException("No schema subject " + name + "; GET /api/schemas lists them"));
    }
}
