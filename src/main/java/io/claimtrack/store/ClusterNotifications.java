package io.claimtrack.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;

/**
 * Messages to every instance on the database, sent with the transaction that caused them: delivered once it
 * commits, never if it rolls back. On PostgreSQL they are NOTIFY messages, which every instance receives on a
 * connection of its own that LISTENs (the sender included), so a change made through one instance reaches pages
 * open on another. On H2, which serves one process, they are delivered in that process after the commit.
 *
 * <p>A message sent while an instance's listening connection is down (the database went away) does not reach
 * that instance; it reconnects by itself. Messages are hints for open pages, never the record: that is in the
 * tables.
 */
@ApplicationScoped
public class ClusterNotifications {

    /** PostgreSQL's limit on a NOTIFY payload is 8000 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 7900;

    private static final Logger LOG = Logger.getLogger(ClusterNotifications.class);

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final String url;
    private final String user;
    private final String password;
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private Thread listener;

    public ClusterNotifications(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
                                @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
    }

    private boolean onPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Sends {@code payload} on {@code channel} (a plain identifier) when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String channel, String payload) {
        if (onPostgres()) {
            // FlushModeType.COMMIT: the notification needs none of the session's pending writes flushed first.
            entityManager.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, channel).setParameter(2, payload)
                    .setFlushMode(FlushModeType.COMMIT).getSingleResult();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // delivered after the commit only
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deliver(channel, payload);
                }
            }
        });
    }

    /** Calls {@code receiver} with each message on {@code channel}, from this and every other instance. */
    public synchronized void receive(String channel, Consumer<String> receiver) {
        receivers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(receiver);
        if (onPostgres() && listener == null) {
            listener = new Thread(this::listen, "claimtrack-notifications");
            listener.setDaemon(true);
            listener.start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    private void deliver(String channel, String payload) {
        for (Consumer<String> receiver : receivers.getOrDefault(channel, List.of())) {
            try {
                receiver.accept(payload);
            } catch (RuntimeException e) {
                LOG.warnf(e, "A receiver of %s failed", channel);
            }
        }
    }

    /** Listens on a connection of its own (not one of the pool's), and connects again when it breaks. */
    private void listen() {
        boolean warned = false;
        while (!stopping) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    for (String channel : receivers.keySet()) {
                        statement.execute("LISTEN " + channel);
                    }
                }
                if (warned) {
                    LOG.info("Listening for other instances' changes again");
                    warned = false;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] notifications = postgres.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (!warned) {
                    LOG.warnf("Not listening for other instances' changes (%s); trying again every 2 s", e.getMessage());
                    warned = true;
                }
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
