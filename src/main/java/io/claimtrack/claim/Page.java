package io.claimtrack.claim;

import java.util.List;

/** One page of a list: items, how many there are in all, which page and its size (pages count from 0). */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;
    /** The last page anyone may ask for: page times size stays a valid row offset (far below 2^31). */
    public static final int MAX_PAGE = 1_000_000;
}
