package io.claimtrack.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Leases on the jobs one instance runs for all instances on a database (time passing, the start-up
 * repair). Claiming is one conditional update, so of several instances exactly one gets a free lease; its
 * holder may claim it again; a lease that has run out (its holder died, or its period is over) goes to
 * whoever claims it next. Works alike on H2 and PostgreSQL.
 */
@ApplicationScoped
public class JobLeases {

    public static final String TIME_PASSING = "time-passing";
    public static final String START_UP_REPAIR = "start-up-repair";
    public static final String DEMO_DATA = "demo-data";

    /** This process, for as long as it runs: its host and port, for operators, and a random part, for uniqueness. */
    private final String instance;
    private final Clock clock;

    public JobLeases(Clock clock, @ConfigProperty(name = "quarkus.http.port") int port) {
        this.clock = clock;
        this.instance = hostName() + ":" + port + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 60 ? name.substring(0, 60) : name; // the holder columns take 100 characters
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    /** @return whether this instance holds the job's lease until now + {@code lease} (false: another holds it) */
    public boolean claim(String job, Duration lease) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> JobLeaseEntity.update(
                "holder = ?1, leaseUntil = ?2 where job = ?3 and (leaseUntil < ?4 or holder = ?1)",
                instance, now.plus(lease), job, now)) == 1;
    }

    /** Ends this instance's lease on the job now, so another may take it at once. */
    public void release(String job) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() ->
                JobLeaseEntity.update("leaseUntil = ?1 where job = ?2 and holder = ?3", now, job, instance));
    }

    /** This instance's name, as leases and imports record it (host:port/random). */
    public String instance() {
        return instance;
    }
}
