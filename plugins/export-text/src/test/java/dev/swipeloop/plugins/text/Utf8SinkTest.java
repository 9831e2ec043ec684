package dev.swipeloop.plugins.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written encoder against the JDK's: same bytes for any text, any number, any UUID. */
class Utf8SinkTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Utf8Sink sink = new Utf8Sink(bytes);

    private String written() throws IOException {
        sink.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void encodesLikeTheJdkAcrossBufferBoundaries() throws IOException {
        Random random = new Random(7);
        StringBuilder all = new StringBuilder();
        // ~300k chars of 1-, 2-, 3- and 4-byte characters: several buffer refills mid-character
        for (int i = 0; i < 100_000; i++) {
            int pick = random.nextInt(4);
            int cp = pick == 0 ? random.nextInt(0x80) : pick == 1 ? 0x80 + random.nextInt(0x780)
                    : pick == 2 ? 0xe000 + random.nextInt(0x2000) : 0x10000 + random.nextInt(0x1000);
            all.appendCodePoint(cp);
        }
        String text = all.toString();
        sink.text(text);
        sink.flush();
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void aLoneSurrogateBecomesTheReplacementCharacter() throws IOException {
        sink.text("a\ud800b\udc00c\ud83d");
        assertEquals("a\ufffdb\ufffdc\ufffd", written());
    }

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControlCharacters() throws IOException {
        sink.jsonString("\"\\/\b\f\n\r\t\u0000\u001f\u007f é 😀\u2028\u2029");
        assertEquals("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f é 😀\\u2028\\u2029\"", written());
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() throws IOException {
        for (String field : new String[] {"plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "é;x", ""}) {
            sink.csvField(field);
            sink.raw('|');
        }
        assertEquals("plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|\"cr\r\"|é;x||", written());
    }

    @Test
    void decimalsAndUuidsAreSpelledAsTheJdkSpellsThem() throws IOException {
        long[] numbers = {0, 7, -7, 10, 99, 100, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};
        StringBuilder expected = new StringBuilder();
        for (long n : numbers) {
            sink.decimal(n);
            sink.raw(' ');
            expected.append(n).append(' ');
        }
        Random random = new Random(11);
        for (int i = 0; i < 1000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            sink.uuid(uuid);
            expected.append(uuid);
        }
        UUID zero = new UUID(0, 0);
        sink.uuid(zero);
        expected.append(zero);
        assertEquals(expected.toString(), written());
    }

    @Test
    void rawBytesLargerThanTheBufferArriveInOrder() throws IOException {
        byte[] big = new byte[200_000];
        new Random(3).nextBytes(big);
        sink.raw('<');
        sink.raw(big);
        sink.raw('>');
        sink.flush();
        byte[] out = bytes.toByteArray();
        assertEquals(big.length + 2, out.length);
        assertEquals('<', out[0]);
        assertEquals('>', out[out.length - 1]);
        assertArrayEquals(big, java.util.Arrays.copyOfRange(out, 1, out.length - 1));
    }
}
