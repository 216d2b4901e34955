package fr.avec.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reference data file decoded with a strictly detected encoding. Official French open data comes in
 * mixed encodings (the BDPM has UTF-8 files beside Windows-1252 ones): a file is read as UTF-8 when it
 * is valid UTF-8, else as Windows-1252 when every byte is defined there, and otherwise rejected. The
 * encoding is never guessed silently: it is part of the result.
 */
public record ReferenceFile(Path path, Charset charset, String text) {

    /** Windows-1252, which Java names "windows-1252"; its five undefined bytes make decoding fail. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Reads and decodes a whole file. */
    public static ReferenceFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return decode(path, bytes);
    }

    /** Decodes bytes already in memory; {@code path} only names the source in messages. */
    public static ReferenceFile decode(Path path, byte[] bytes) throws IOException {
        int offset = hasUtf8Bom(bytes) ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return new ReferenceFile(path, StandardCharsets.UTF_8, strictly(StandardCharsets.UTF_8, buffer));
        } catch (CharacterCodingException notUtf8) {
            if (offset > 0) {
                throw new MalformedReferenceFileException(path + ": starts with a UTF-8 byte order mark but is not valid UTF-8");
            }
        }
        buffer.rewind();
        try {
            return new ReferenceFile(path, WINDOWS_1252, strictly(WINDOWS_1252, buffer));
        } catch (CharacterCodingException neither) {
            throw new MalformedReferenceFileException(path + ": neither valid UTF-8 nor Windows-1252 (binary or corrupt file?)");
        }
    }

    /** The lines of the file, without their terminators (LF or CRLF); a final empty line is not counted. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        while (start < length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(text.substring(start, stop));
            start = end + 1;
        }
        return lines;
    }

    private static String strictly(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(bytes);
        return chars.toString();
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** A file that cannot be decoded or does not have the expected layout. */
    public static final class MalformedReferenceFileException extends IOException {
        public MalformedReferenceFileException(String message) {
            super(message);
        }
    }
}
