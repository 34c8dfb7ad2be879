package org.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

import jakarta.annotation.Resource;
import jakarta.jms.Queue;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.switchboard.devserver.DemoUsers;

/**
 * The dead-letter page's forms, driven over HTTP as each user's browser would: GET the page, fill
 * in a form, POST it back with its view state, follow the redirect. Four eyes hold on the page as
 * they do over REST, and every refusal is a Faces message, never an error page.
 */
class DeadLetterFormsIT extends InContainerTest {

    static final String DLQ = "jms.queue.DLQ.marketing.commands";
    static final String PAGE = "ops/dead-letters.xhtml";

    @Resource(lookup = "java:/jms/queue/marketing.commands")
    Queue marketingCommands;

    @Resource(lookup = "java:/jms/queue/DLQ.marketing.commands")
    Queue deadLetters;

    @Test
    void requestedOnThePageRefusedToItsRequesterApprovedByAnotherConsumedExactlyOnce() {
        var command = parkedCommand(marketingCommands, deadLetters);
        var id = deadLetterId(command.correlationId());
        var why = "Marketing is back, said on the page " + UUID.randomUUID();

        var lead = new Browser("lead");
        var requested = lead.submit(lead.open().form(letter(id)), why, "Request replay");

        assertThat(requested.redirected()).as("post, redirect, get").isTrue();
        assertThat(requested.errors()).isEmpty();
        assertThat(requested.infos()).singleElement(STRING).contains("Replay of 1 dead letter requested");
        var requestId = requestIdIn(requested.infos().get(0));
        assertThat(requested.html())
                .as("the request and its dry run on the page")
                .contains(why)
                .contains(requestId)
                .contains("back to jms.queue.marketing.commands")
                .contains("valid against the current schema of marketing.CreateCustomer v1");
        var stored = request(requestId);
        assertThat(stored.getString("status")).isEqualTo("PENDING");
        assertThat(stored.getString("requestedBy")).isEqualTo("lead");
        assertThat(stored.getJsonArray("messageIds").getString(0)).isEqualTo(id);

        var own = lead.submit(requested.form(decision(requestId)), "looks fine to me", "Approve");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.redirected()).isFalse();
        assertThat(own.html()).doesNotContain("Something went wrong");
        assertThat(own.errors())
                .as("nobody approves their own request")
                .containsExactly(
                        "Not decided: lead requested this and so cannot decide on it: a different approver" + " must.");
        assertThat(request(requestId).getString("status")).isEqualTo("PENDING");
        assertThat(tables.contactsOfCustomer(command.customerId()))
                .as("nothing replayed yet")
                .isZero();

        var approver = new Browser("approver");
        var stale = approver.open();
        var approved = approver.submit(approver.open().form(decision(requestId)), "checked on the page", "Approve");

        assertThat(approved.redirected()).isTrue();
        assertThat(approved.errors()).isEmpty();
        assertThat(approved.infos()).singleElement(STRING).contains("Request " + requestId + " approved");
        // Carried out after the approval is committed, off the request thread.
        var carriedOut = await().atMost(Duration.ofSeconds(30))
                .until(() -> request(requestId), r -> !"APPROVED".equals(r.getString("status")));
        assertThat(carriedOut.getString("status")).isEqualTo("DONE");
        assertThat(carriedOut.getJsonArray("outcome").getString(0)).isEqualTo(id + ": replayed");
        assertThat(approver.open().html()).as("the outcome on the page").contains(id + ": replayed");
        await().atMost(Duration.ofSeconds(30)).until(() -> tables.contactsOfCustomer(command.customerId()) == 1);
        assertThat(tables.processedMessages(command.messageId()))
                .as("consumed exactly once")
                .isEqualTo(1);
        assertThat(request(requestId).getString("decidedBy")).isEqualTo("approver");

        var second = approver.submit(stale.form(decision(requestId)), "approving again", "Approve");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.html()).doesNotContain("Something went wrong");
        assertThat(second.errors())
                .as("a decided request is not decided again, from a page shown before")
                .containsExactly("Not decided: request " + requestId + " is DONE, not PENDING.");
        assertThat(tables.processedMessages(command.messageId())).isEqualTo(1);
        assertThat(trail(requestId))
                .containsExactly(
                        "REPLAY_FINISHED by approver",
                        "REPLAYED by approver",
                        "REPLAY_STARTED by approver",
                        "APPROVED by approver",
                        "SELF_DECISION_REFUSED by lead",
                        "REQUESTED_REPLAY by lead");
    }

    @Test
    void aMissingOrTooLongReasonOrAForgedTargetIsRefusedWithAMessageAndCreatesNothing() {
        var correlationId = schemaViolation(marketingCommands, deadLetters).correlationId();
        var id = deadLetterId(correlationId);
        var operator = new Browser("operator");
        var page = operator.open();

        page = operator.submit(page.form(letter(id)), "", "Request replay");
        assertThat(page.errors()).containsExactly("Not requested: say why (a reason is required).");

        page = operator.submit(page.form(letter(id)), "x".repeat(1001), "Request replay");
        assertThat(page.errors()).containsExactly("Not requested: say why in at most 1000 characters.");

        page = operator.submit(page.form(letter(id)), "   ", "Request deletion");
        assertThat(page.errors())
                .as("the service's own check, as a message")
                .containsExactly("Not requested: say why, in at most 1000 characters.");

        page = operator.submit(
                page.form(letter(id)).with("queue", "jms.queue.marketing.commands"), "forged", "Request deletion");
        assertThat(page.errors())
                .containsExactly("Not requested: jms.queue.marketing.commands is not a dead-letter queue.");

        page = operator.submit(page.form(letter(id)).with("messageIds", "ID:x'--"), "forged", "Request deletion");
        assertThat(page.errors()).containsExactly("Not requested: not a JMS message id: ID:x'--.");

        page = operator.submit(page.form(letter(id)).movedTo("groups:999:letters:0:letter"), "gone", "Request replay");
        assertThat(page.warnings())
                .as("a form whose row is gone does nothing, and says so")
                .containsExactly("Nothing was done: what you acted on is no longer on the page. Please look again.");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.redirected()).isFalse();
        assertThat(page.html()).doesNotContain("Something went wrong");
        assertThat(tables.count(
                        "select count(*) from operations.action_request where message_ids like ?", "%" + id + "%"))
                .as("no request created")
                .isZero();
        drain(deadLetters, correlationId);
    }

    @Test
    void operatorsSeeRequestFormsApproversDecisionFormsViewersNone() {
        var correlationId = schemaViolation(marketingCommands, deadLetters).correlationId();
        var id = deadLetterId(correlationId);
        var why = "test data, the whole group " + UUID.randomUUID();

        var operator = new Browser("operator");
        var operatorsPage = operator.open();
        assertThat(operatorsPage.forms()).anyMatch(letter(id)).anyMatch(group(id));
        assertThat(operatorsPage.forms()).noneMatch(f -> f.buttons().containsKey("Approve"));
        var requested = operator.submit(operatorsPage.form(group(id)), why, "Request deletion");
        assertThat(requested.errors()).isEmpty();
        assertThat(requested.redirected())
                .as("post, redirect, get; answered %s", requested.status())
                .isTrue();
        var requestId = requestIdIn(requested.infos().get(0));
        assertThat(request(requestId).getString("action")).isEqualTo("DELETE");
        assertThat(request(requestId).getJsonArray("messageIds").getValuesAs(jakarta.json.JsonString.class))
                .anyMatch(s -> s.getString().equals(id));

        var viewersPage = new Browser("viewer").open();
        assertThat(viewersPage.html()).contains(why).contains(id);
        assertThat(viewersPage.forms()).as("a viewer sees no forms").isEmpty();
        assertThat(viewersPage.html())
                .doesNotContain("<form")
                .doesNotContain("Request replay")
                .doesNotContain("Approve");

        var approver = new Browser("approver");
        var approversPage = approver.open();
        assertThat(approversPage.forms()).noneMatch(f -> f.buttons().containsKey("Request replay"));
        var rejected =
                approver.submit(approversPage.form(decision(requestId)), "keep them, said on the page", "Reject");

        assertThat(rejected.redirected()).isTrue();
        assertThat(rejected.infos())
                .containsExactly("Request " + requestId + " rejected by approver: nothing was changed.");
        assertThat(request(requestId).getString("status")).isEqualTo("REJECTED");
        assertThat(request(requestId).getString("decision")).isEqualTo("keep them, said on the page");
        assertThat(rejected.forms()).as("decided: no more decision form").noneMatch(decision(requestId));
        assertThat(firstOfQuietly(correlationId)).as("still parked").isTrue();
        drain(deadLetters, correlationId);
    }

    @Test
    void aDecisionGoesToTheRequestItsFormShowedAlsoWhenANewRequestShiftedTheRows() {
        var first = schemaViolation(marketingCommands, deadLetters).correlationId();
        var second = schemaViolation(marketingCommands, deadLetters).correlationId();
        var earlier = requested("DELETE", deadLetterId(first));
        var approver = new Browser("approver");
        var shown = approver.open();
        var form = shown.form(decision(earlier));

        // Another request arrives between showing the page and posting it: it is the newest, so it
        // takes the first row, and every row shown before moves down by one.
        var later = requested("REPLAY", deadLetterId(second));
        var why = "keep it, decided on a page that has shifted " + UUID.randomUUID();
        var rejected = approver.submit(form, why, "Reject");

        assertThat(rejected.errors()).isEmpty();
        assertThat(rejected.redirected()).as("post, redirect, get").isTrue();
        assertThat(rejected.infos())
                .containsExactly("Request " + earlier + " rejected by approver: nothing was changed.");
        assertThat(request(earlier).getString("status")).isEqualTo("REJECTED");
        assertThat(request(earlier).getString("decision"))
                .as("the comment posted with it")
                .isEqualTo(why);
        assertThat(request(later).getString("status"))
                .as("the row now where the form was")
                .isEqualTo("PENDING");
        assertThat(api.as("approver")
                        .post("api/ops/requests/" + later + "/reject", "{\"reason\":\"test\"}", null)
                        .status())
                .isEqualTo(200);
        drain(deadLetters, first);
        drain(deadLetters, second);
    }

    /** A request made over REST by the operator; its id. */
    private String requested(String action, String messageId) {
        var body = jakarta.json.Json.createObjectBuilder()
                .add("action", action)
                .add("queue", "DLQ.marketing.commands")
                .add("messageIds", jakarta.json.Json.createArrayBuilder().add(messageId))
                .add("reason", "made over REST by another operator")
                .build()
                .toString();
        var created = api.as("operator").post("api/ops/requests", body, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    // --- dead letters to act on
    /** A command without a required field: dead-lettered at its first delivery. */
    private boolean firstOfQuietly(UUID correlationId) {
        try {
            return firstOf(deadLetters, correlationId) != null;
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject request(String id) {
        return api.as("viewer").get("api/ops/requests/" + id).json();
    }

    private List<String> trail(String requestId) {
        return api.as("viewer").get("api/ops/audit").array().getValuesAs(JsonObject.class).stream()
                .filter(a -> requestId.equals(a.getString("requestId", null)))
                .map(a -> a.getString("action") + " by " + a.getString("actor"))
                .toList();
    }

    private static String requestIdIn(String message) {
        var m = Pattern.compile("request ([0-9a-f-]{36})").matcher(message);
        assertThat(m.find()).as("request id in: " + message).isTrue();
        return m.group(1);
    }

    // --- which form

    /** The form of one dead letter's row. */
    private static Predicate<Form> letter(String messageId) {
        return f -> f.id().endsWith(":letter") && messageId.equals(f.hidden().get("messageIds"));
    }

    /** The form of the group a dead letter is in. */
    private static Predicate<Form> group(String messageId) {
        return f -> f.id().endsWith(":group")
                && List.of(f.hidden().getOrDefault("messageIds", "").split(" ")).contains(messageId);
    }

    /** The decision form of one request. */
    private static Predicate<Form> decision(String requestId) {
        return f -> f.id().endsWith(":decision") && requestId.equals(f.hidden().get("requestId"));
    }

    // --- a browser, just enough of one

    /** One user's browser: its own session (cookies), HTTP Basic on every request, redirects followed. */
    final class Browser {

        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String authorization;

        Browser(String user) {
            var credentials = user + ":" + DemoUsers.USERS.get(user).password();
            authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        }

        Page open() {
            var page = send(HttpRequest.newBuilder(uri(PAGE)).GET(), false);
            assertThat(page.status()).isEqualTo(200);
            return page;
        }

        /** Fills the form's one text area with {@code text} and clicks the button labelled {@code button}. */
        Page submit(Form form, String text, String button) {
            var fields = new LinkedHashMap<>(form.hidden());
            fields.put(form.textArea(), text);
            assertThat(form.buttons()).as("buttons of " + form.id()).containsKey(button);
            fields.put(form.buttons().get(button), button);
            var body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            var page = send(
                    HttpRequest.newBuilder(form.action())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)),
                    false);
            assertThat(page.status()).as(page.html()).isEqualTo(200);
            return page;
        }

        private Page send(HttpRequest.Builder request, boolean redirected) {
            try {
                var response = http.send(
                        request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
                var location = response.headers().firstValue("Location");
                if (response.statusCode() / 100 == 3 && location.isPresent()) {
                    return send(
                            HttpRequest.newBuilder(response.uri().resolve(location.get()))
                                    .GET(),
                            true);
                }
                return new Page(response.statusCode(), response.body(), redirected, response.uri());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private URI uri(String path) {
            return URI.create(base.toString()).resolve(path);
        }
    }

    /** A page as received, with the forms and Faces messages read out of its HTML. */
    record Page(int status, String html, boolean redirected, URI uri) {

        List<Form> forms() {
            var forms = new ArrayList<Form>();
            for (var form : Jsoup.parse(html).select("form")) {
                var hidden = new LinkedHashMap<String, String>();
                form.select("input[type=hidden]").forEach(input -> hidden.put(input.attr("name"), input.val()));
                var buttons = new LinkedHashMap<String, String>();
                form.select("input[type=submit]").forEach(input -> buttons.put(input.val(), input.attr("name")));
                var textArea = form.selectFirst("textarea");
                forms.add(new Form(
                        form.id(),
                        uri.resolve(form.attr("action")),
                        hidden,
                        textArea == null ? null : textArea.attr("name"),
                        buttons));
            }
            return forms;
        }

        Form form(Predicate<Form> which) {
            var found = forms().stream().filter(which).toList();
            assertThat(found)
                    .as("one such form among " + forms().stream().map(Form::id).toList())
                    .hasSize(1);
            return found.get(0);
        }

        List<String> errors() {
            return messages("error");
        }

        List<String> warnings() {
            return messages("warning");
        }

        List<String> infos() {
            return messages("info");
        }

        /** The Faces messages of this severity, as their text. */
        private List<String> messages(String severity) {
            return Jsoup.parse(html).select("ul.feedback li." + severity).stream()
                    .map(li -> li.text().strip())
                    .toList();
        }
    }

    /**
     * A form as the page rendered it: its hidden fields (Faces' own, its view state, and what it
     * acts on), its text area and its buttons by label.
     */
    record Form(String id, URI action, Map<String, String> hidden, String textArea, Map<String, String> buttons) {

        /** The same form with one hidden field changed, as a hand-crafted post would. */
        Form with(String field, String value) {
            var changed = new LinkedHashMap<>(hidden);
            changed.put(field, value);
            return new Form(id, action, changed, textArea, buttons);
        }

        /** The same form posted under another client id, as if its row had been elsewhere. */
        Form movedTo(String otherId) {
            var moved = new LinkedHashMap<String, String>();
            hidden.forEach((name, value) -> moved.put(
                    name.startsWith(id) ? otherId + name.substring(id.length()) : name,
                    value.equals(id) ? otherId : value));
            var movedButtons = new LinkedHashMap<String, String>();
            buttons.forEach((label, name) -> movedButtons.put(label, otherId + name.substring(id.length())));
            return new Form(otherId, action, moved, otherId + textArea.substring(id.length()), movedButtons);
        }
    }
}
