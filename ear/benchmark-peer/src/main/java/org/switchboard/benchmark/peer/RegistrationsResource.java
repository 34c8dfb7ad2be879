package org.switchboard.benchmark.peer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The quickstart way: a stateless bean, one container transaction for the insert and the send. */
@Stateless
@Path("registrations")
public class RegistrationsResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    @JMSConnectionFactory("java:/jms/peer/JmsXA")
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/peer.registered")
    Queue registered;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonObject body) {
        var customer =
                new Customer(body.getString("email"), body.getString("givenName") + " " + body.getString("familyName"));
        em.persist(customer);
        var event = Json.createObjectBuilder()
                .add("customerId", customer.id.toString())
                .add("email", customer.email)
                .add("fullName", customer.fullName)
                .build();
        jms.createProducer().send(registered, event.toString());
        return Response.created(URI.create("registrations/" + customer.id)).build();
    }
}
