package org.switchboard.benchmark.peer;

import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The raw-broker baseline: {@code clients} producers send persistent messages to peer.raw for
 * {@code seconds} while as many consumers take them, on the same embedded broker and through the
 * same in-vm connector as Switchboard's own connection factories, with no JTA, no database and no
 * application code around it. {@code transacted=true} commits each send and each receive on its own
 * (what a transactional hop costs the broker); otherwise a blocking durable send and an auto-ack.
 */
@Path("raw-broker")
public class RawBrokerResource {

    // Bench-only broker user, written by ear/benchmark into the broker realm before this deploys.
    static final String USER = "peer";

    static final String PASSWORD = "peer-bench";

    /** About the size of a CustomerRegistered message. */
    private static final String BODY = "x".repeat(600);

    @Resource(lookup = "java:/jms/peer/Raw")
    ConnectionFactory factory;

    @Resource(lookup = "java:/jms/queue/peer.raw")
    Queue queue;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject measure(
            @QueryParam("clients") @DefaultValue("1") int clients,
            @QueryParam("seconds") @DefaultValue("5") int seconds,
            @QueryParam("transacted") @DefaultValue("false") boolean transacted)
            throws InterruptedException {
        var mode = transacted ? JMSContext.SESSION_TRANSACTED : JMSContext.AUTO_ACKNOWLEDGE;
        var started = System.nanoTime();
        var deadline = started + seconds * 1_000_000_000L;
        var sent = new LongAdder();
        var received = new LongAdder();
        var lastReceived = new AtomicLong(started);
        var producing = new CountDownLatch(clients);
        // Plain threads, not the container's executor: its pool would queue consumers behind producers.
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < clients; i++) {
            threads.add(new Thread(
                    () -> {
                        try (var context = factory.createContext(USER, PASSWORD, mode)) {
                            var producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                            while (System.nanoTime() < deadline) {
                                producer.send(queue, BODY);
                                if (transacted) {
                                    context.commit();
                                }
                                sent.increment();
                            }
                        } finally {
                            producing.countDown();
                        }
                    },
                    "raw-producer-" + i));
            threads.add(new Thread(
                    () -> {
                        try (var context = factory.createContext(USER, PASSWORD, mode);
                                var consumer = context.createConsumer(queue)) {
                            while (true) {
                                var message = consumer.receive(200);
                                if (message == null) {
                                    if (producing.getCount() == 0 && received.sum() >= sent.sum()) {
                                        return;
                                    }
                                    continue;
                                }
                                if (transacted) {
                                    context.commit();
                                }
                                received.increment();
                                lastReceived.set(System.nanoTime());
                            }
                        }
                    },
                    "raw-consumer-" + i));
        }
        threads.forEach(Thread::start);
        for (var thread : threads) {
            thread.join(seconds * 1000L + 120_000);
        }
        var elapsed = (lastReceived.get() - started) / 1e9;
        return Json.createObjectBuilder()
                .add("clients", clients)
                .add("transacted", transacted)
                .add("sent", sent.sum())
                .add("received", received.sum())
                .add("seconds", elapsed)
                .add("rate", received.sum() / elapsed)
                .build();
    }
}
