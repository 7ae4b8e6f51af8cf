package io.claimtrack.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.claimtrack.refusal.InvalidInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the outbox's due deliveries: each POSTed with its signature, a 2xx marks it delivered, anything else
 * (or no answer in time) is tried again after a wait that doubles each time, for a day. A delivery is leased
 * to the instance sending it (its next attempt moved past the request's timeout), so instances on one database
 * share the work, and one that dies mid-send leaves the delivery due again: at least once. About one claim,
 * a delivery waits for the ones before it.
 */
@ApplicationScoped
public class WebhookDeliverer {

    static final String SIGNATURE = "X-Claimtrack-Signature";
    static final String DELIVERY = "X-Claimtrack-Delivery";
    static final String EVENT = "X-Claimtrack-Event";
    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final WebhookTargets targets;
    private final Clock clock;
    private final Duration timeout;
    private final Duration firstRetry;
    private final Duration giveUpAfter;
    private final HttpClient http;

    public WebhookDeliverer(WebhookTargets targets, Clock clock,
                            @ConfigProperty(name = "claimtrack.webhooks.timeout", defaultValue = "10s") Duration timeout,
                            @ConfigProperty(name = "claimtrack.webhooks.first-retry", defaultValue = "10s") Duration firstRetry,
                            @ConfigProperty(name = "claimtrack.webhooks.give-up-after", defaultValue = "24h") Duration giveUpAfter) {
        this.targets = targets;
        this.clock = clock;
        this.timeout = timeout;
        this.firstRetry = firstRetry;
        this.giveUpAfter = giveUpAfter;
        // No redirect is followed: a receiver cannot send claimtrack on to another address.
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A delivery leased for sending, with what sending it needs. */
    record Leased(long id, String url, String secret, WebhookEvent event, String payload) {
    }

    @Scheduled(every = "${claimtrack.webhooks.look-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        List<Leased> leased;
        int rounds = 0;
        while (!stopping && rounds++ < 50 && !(leased = lease()).isEmpty()) {
            for (Leased delivery : leased) {
                if (stopping) {
                    return; // what is leased and not sent is due again once its lease runs out
                }
                Outcome outcome = send(delivery);
                QuarkusTransaction.requiringNew().run(() -> record(delivery.id(), outcome));
            }
        }
    }

    /** Set as the application stops: no new round starts on a container going away. */
    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** The oldest due deliveries, the first undelivered one per subscription and claim, each leased to this instance. */
    private List<Leased> lease() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            Instant leaseEnd = now.plus(timeout.multipliedBy(3)).truncatedTo(ChronoUnit.MICROS);
            List<WebhookDeliveryEntity> due = WebhookDeliveryEntity.getEntityManager().createQuery(
                    "from WebhookDeliveryEntity d where d.deliveredAt is null and d.gaveUpAt is null"
                            + " and d.nextAttemptAt <= :now and not exists (select 1 from WebhookDeliveryEntity e"
                            + " where e.subscriptionId = d.subscriptionId and e.claimId = d.claimId and e.id < d.id"
                            + " and e.deliveredAt is null and e.gaveUpAt is null) order by d.id", WebhookDeliveryEntity.class)
                    .setParameter("now", now).setMaxResults(BATCH).getResultList();
            List<Leased> leased = new ArrayList<>();
            for (WebhookDeliveryEntity delivery : due) {
                // Taken only if no other instance took it since it was read: the row's next attempt is the lease.
                int taken = WebhookDeliveryEntity.update("nextAttemptAt = ?1 where id = ?2 and nextAttemptAt = ?3"
                        + " and deliveredAt is null", leaseEnd, delivery.id, delivery.nextAttemptAt);
                if (taken == 1) {
                    WebhookSubscriptionEntity subscription = WebhookSubscriptionEntity.findById(delivery.subscriptionId);
                    leased.add(new Leased(delivery.id, subscription.url, subscription.secret, delivery.event,
                            delivery.payload));
                }
            }
            return leased;
        });
    }

    /** What one attempt came to: the receiver's status, or why there was none. */
    record Outcome(Integer status, String error) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Outcome send(Leased delivery) {
        try {
            URI target = targets.checked(delivery.url());
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "claimtrack-webhooks")
                    .header(SIGNATURE, "sha256=" + sign(delivery.secret(), body))
                    .header(DELIVERY, String.valueOf(delivery.id()))
                    .header(EVENT, delivery.event().name())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), response.statusCode() / 100 == 2 ? null
                    : "the receiver answered " + response.statusCode());
        } catch (InvalidInput refused) {
            return new Outcome(null, "not sent: " + refused.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new Outcome(null, why);
        }
    }

    private void record(long id, Outcome outcome) {
        WebhookDeliveryEntity delivery = WebhookDeliveryEntity.findById(id);
        if (delivery == null || delivery.deliveredAt != null || delivery.gaveUpAt != null) {
            return; // disabled meanwhile, or (after a lease ran out) delivered by another instance
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        delivery.attempts++;
        delivery.lastStatus = outcome.status();
        delivery.lastError = outcome.error() == null ? null
                : outcome.error().length() <= 500 ? outcome.error() : outcome.error().substring(0, 499) + "…";
        if (outcome.delivered()) {
            delivery.deliveredAt = now;
        } else if (now.isAfter(delivery.createdAt.plus(giveUpAfter))) {
            delivery.gaveUpAt = now;
            LOG.warnf("Webhook delivery #%d (%s) given up after %d attempts: %s", id, delivery.event, delivery.attempts,
                    delivery.lastError);
        } else {
            delivery.nextAttemptAt = now.plus(wait(delivery.attempts));
        }
    }

    /** The wait after the n-th failed attempt: the first retry's, doubled each time, an hour at most. */
    private Duration wait(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    /** HMAC-SHA256 of the body under the subscription's secret, in lower-case hex. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
