package io.claimtrack.evaluation;

import io.claimtrack.rules.Evaluation;

/** Where an evaluation of the present is recorded, implemented by the status store. */
public interface Conclusions {

    /** Records what changed, in the caller's transaction. @return how many claims changed status or flags */
    int record(Evaluation evaluation, String cause);
}
