package io.claimtrack.time;

/** Refills continuously at {@code perMinute} tokens a minute, holding at most that many. */
public final class TokenBucket {

    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long last = -1;

    public TokenBucket(int perMinute) {
        this.capacity = perMinute;
        this.perMilli = perMinute / 60_000.0;
        this.tokens = perMinute;
    }

    /** @return 0 when a token was taken, else the seconds until one is available */
    public synchronized long take(long nowMillis) {
        long wait = peek(nowMillis);
        if (wait == 0) {
            tokens -= 1;
        }
        return wait;
    }

    /** @return 0 when a token is available (none is taken), else the seconds until one is */
    public synchronized long peek(long nowMillis) {
        if (last >= 0) {
            tokens = Math.min(capacity, tokens + (nowMillis - last) * perMilli);
        }
        last = nowMillis;
        return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perMilli / 1000));
    }
}
