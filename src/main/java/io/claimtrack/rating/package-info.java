/**
 * The desk's rating scale (configuration): the names a review may be rated with, and what each means in
 * schema.org's ClaimReview. Read by reviews, by the recording of the rules' suggestions, and by pages.
 */
package io.claimtrack.rating;
