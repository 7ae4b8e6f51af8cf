package io.claimtrack.dashboard;

import io.claimtrack.refusal.Refusal;

/** A refusal as a page says it beside the form: the reason, and the first field at fault with its message. */
final class Refused {

    private Refused() {
    }

    static String said(Refusal e) {
        return e.getMessage() + (e.errors().isEmpty() ? ""
                : " — " + e.errors().get(0).field() + ": " + e.errors().get(0).message());
    }
}
