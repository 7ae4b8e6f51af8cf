/**
 * The fact model the editorial policy in {@code rules/*.drl} reasons over.
 *
 * <p>Java builds {@link io.claimtrack.facts.Claim} and {@link io.claimtrack.facts.Actor} facts from the
 * store; the rules derive {@link io.claimtrack.facts.CountedDispute}, {@link io.claimtrack.facts.CountedSupport},
 * {@link io.claimtrack.facts.StatusCandidate}, {@link io.claimtrack.facts.Status} and
 * {@link io.claimtrack.facts.FlagRaised}. Nothing in this package decides a status: that is the rules' job.
 * This package is also the boundary of what a ruleset may touch.
 */
package io.claimtrack.facts;
