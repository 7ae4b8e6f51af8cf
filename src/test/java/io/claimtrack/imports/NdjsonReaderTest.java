package io.claimtrack.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class NdjsonReaderTest {

    @Test
    void shouldDropAByteOrderMarkOnTheFirstLineOnly() throws IOException {
        try (NdjsonReader reader = new NdjsonReader(new StringReader("\uFEFF{\"a\":1}\r\n\uFEFF{\"b\":2}\n"))) {
            assertEquals("{\"a\":1}", reader.next().text());
            assertEquals("\uFEFF{\"b\":2}", reader.next().text(), "a mark inside the file is the line's own");
            assertNull(reader.next());
        }
    }

    @Test
    void shouldNumberLinesAndReportATooLongOneWithoutHoldingIt() throws IOException {
        String longLine = "x".repeat(NdjsonReader.MAX_LINE + 10);
        try (NdjsonReader reader = new NdjsonReader(new StringReader("{}\n\n" + longLine + "\n{\"last\":true}"))) {
            assertEquals(1, reader.next().number());
            assertTrue(reader.next().blank());
            NdjsonReader.Line tooLong = reader.next();
            assertTrue(tooLong.tooLong());
            assertEquals(3, tooLong.number());
            NdjsonReader.Line last = reader.next();
            assertEquals(4, last.number());
            assertEquals("{\"last\":true}", last.text());
        }
    }

    @Test
    void shouldSkipLinesAlreadyCommitted() throws IOException {
        try (NdjsonReader reader = new NdjsonReader(new StringReader("1\n2\n3\n"))) {
            reader.skip(2);
            assertEquals("3", reader.next().text());
        }
    }
}
