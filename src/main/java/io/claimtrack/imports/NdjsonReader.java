package io.claimtrack.imports;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads an upload line by line, holding at most one line of bounded length: memory stays the same
 * whatever the size of the file. A longer line is read past and reported, not held.
 */
final class NdjsonReader implements Closeable {

    /** A line of NDJSON is one actor or claim; 64 K characters is far more than the largest valid one. */
    static final int MAX_LINE = 64 * 1024;

    /** {@code text} is null for a line longer than {@link #MAX_LINE}. */
    record Line(long number, String text) {
        boolean tooLong() {
            return text == null;
        }

        boolean blank() {
            return text != null && text.isBlank();
        }
    }

    private final BufferedReader in;
    private final StringBuilder buffer = new StringBuilder();
    private long number;

    NdjsonReader(Reader in) {
        this(in, 0);
    }

    /** A reader whose first line is line {@code linesBefore + 1} of the upload (a part of it read from its middle). */
    NdjsonReader(Reader in, long linesBefore) {
        this.in = new BufferedReader(in, 64 * 1024);
        this.number = linesBefore;
    }

    /** Reads past the first {@code lines} lines (those of a resumed job that were already committed). */
    void skip(long lines) throws IOException {
        while (number < lines && next() != null) {
            // each call reads one line past
        }
    }

    /** @return the next line, or null at the end of the file */
    Line next() throws IOException {
        buffer.setLength(0);
        boolean tooLong = false;
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (buffer.length() < MAX_LINE) {
                buffer.append((char) c);
            } else {
                tooLong = true;
            }
        }
        if (c == -1 && buffer.length() == 0 && !tooLong) {
            return null;
        }
        number++;
        if (tooLong) {
            return new Line(number, null);
        }
        int end = buffer.length();
        if (end > 0 && buffer.charAt(end - 1) == '\r') {
            end--;
        }
        // Editors on Windows start UTF-8 files with a byte-order mark: it is not part of the first line's JSON.
        int start = number == 1 && end > 0 && buffer.charAt(0) == '\uFEFF' ? 1 : 0;
        return new Line(number, buffer.substring(start, end));
    }

    /** How many lines of the upload have been read (those skipped included). */
    long linesRead() {
        return number;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
