package fr.avec.server.education;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;

/** Which images are accepted: PNG and JPEG recognised by their content and decodable, nothing else (no SVG, no script). */
final class ImageFiles {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private ImageFiles() {
    }

    /** The media type of a PNG or JPEG, or null for anything else. */
    static String type(byte[] bytes) {
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return decodable(bytes) ? "image/png" : null;
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return decodable(bytes) ? "image/jpeg" : null;
        }
        return null;
    }

    private static boolean decodable(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return image != null && image.getWidth() > 0 && image.getWidth() <= 8000 && image.getHeight() <= 8000;
        } catch (IOException | RuntimeException corrupt) {
            return false;
        }
    }
}
