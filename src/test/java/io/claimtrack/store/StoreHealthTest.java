package io.claimtrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which failures mean "the store cannot write": told apart by code and message, whatever wraps them. */
class StoreHealthTest {

    @Test
    void shouldRecogniseAFullDiskWhateverWrapsIt() {
        var h2 = new RuntimeException("could not execute statement",
                new SQLException("No disk space available", "HY000", 90100));
        var postgres = new IllegalStateException(new SQLException("could not extend file", "53100"));
        var io = new UncheckedIOException(new IOException("No space left on device"));

        assertEquals(Optional.of("the disk is full"), StoreHealth.reasonOf(h2));
        assertTrue(StoreHealth.reasonOf(postgres).isPresent());
        assertEquals(Optional.of("the disk is full"), StoreHealth.reasonOf(io));
    }

    @Test
    void shouldFindTheStoresErrorSuppressedBehindAFailedCommit() {
        var commit = new IllegalStateException("Could not commit transaction");
        commit.addSuppressed(new RuntimeException("General error", new IOException("No space left on device")));

        assertEquals(Optional.of("the disk is full"), StoreHealth.reasonOf(new RuntimeException(commit)));
    }

    @Test
    void shouldRecogniseADatabaseThatCannotBeReached() {
        var refused = new RuntimeException(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
        var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        var noConnection = new IllegalStateException("Unable to acquire JDBC Connection [FATAL: database is not currently"
                + " accepting connections] [n/a]");

        assertEquals(Optional.of(StoreHealth.UNREACHABLE), StoreHealth.reasonOf(refused));
        assertEquals(Optional.of(StoreHealth.UNREACHABLE), StoreHealth.reasonOf(shutdown));
        assertEquals(Optional.of(StoreHealth.UNREACHABLE), StoreHealth.reasonOf(noConnection));
    }

    @Test
    void shouldLeaveOtherFailuresAlone() {
        assertEquals(Optional.empty(), StoreHealth.reasonOf(new SQLException("unique constraint", "23505", 23505)));
        assertEquals(Optional.empty(), StoreHealth.reasonOf(new IllegalArgumentException("bad input")));
    }
}
