package vn.kyso.signing.appearance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import vn.kyso.signing.SigningException;

/**
 * A PNG trimmed to its visible pixels and already compressed for PDF (colour + soft mask).
 * Officers sign many documents with the same image, so prepared images are kept by content
 * hash: decoding and compressing happen once per distinct image, not once per signature.
 *
 * @param width  pixels, after trimming
 * @param height pixels, after trimming
 * @param rgb    Flate-compressed 8-bit RGB samples
 * @param alpha  Flate-compressed 8-bit alpha samples (the soft mask)
 */
record PreparedImage(int width, int height, byte[] rgb, byte[] alpha) {

    private static final int MAX_PIXELS_PER_SIDE = 6000;
    private static final int CACHE_SIZE = 64;

    private static final Map<ByteBuffer, PreparedImage> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PreparedImage> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    /** Width divided by height. */
    float aspect() {
        return (float) width / height;
    }

    /** The prepared form of {@code png}; INVALID_REQUEST when it cannot be read or shows nothing. */
    static PreparedImage of(byte[] png, String what) {
        ByteBuffer key = ByteBuffer.wrap(sha256(png));
        PreparedImage cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        // two threads may prepare the same new image at once: harmless, both results are equal
        PreparedImage prepared = prepare(decode(png, what), what);
        CACHE.put(key, prepared);
        return prepared;
    }

    /** An image XObject with its soft mask, in {@code document}, made from the compressed samples. */
    PDImageXObject toXObject(PDDocument document) throws IOException {
        PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(rgb), COSName.FLATE_DECODE,
                width, height, 8, PDDeviceRGB.INSTANCE);
        PDImageXObject mask = new PDImageXObject(document, new ByteArrayInputStream(alpha), COSName.FLATE_DECODE,
                width, height, 8, PDDeviceGray.INSTANCE);
        image.getCOSObject().setItem(COSName.SMASK, mask);
        return image;
    }

    private static BufferedImage decode(byte[] png, String what) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("the " + what + " cannot be read as an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // check the declared size before decoding, so a tiny file cannot claim gigabytes
                if (reader.getWidth(0) > MAX_PIXELS_PER_SIDE || reader.getHeight(0) > MAX_PIXELS_PER_SIDE) {
                    throw invalid("the " + what + " is larger than " + MAX_PIXELS_PER_SIDE + " pixels on a side");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.INVALID_REQUEST,
                    "the " + what + " cannot be read as a PNG image", e);
        }
    }

    private static PreparedImage prepare(BufferedImage image, String what) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        // trim fully transparent margins: the visible ink is what must be centred and sized
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((argb[y * w + x] >>> 24) != 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw invalid("the " + what + " is fully transparent");
        }
        int tw = maxX - minX + 1;
        int th = maxY - minY + 1;
        byte[] rgb = new byte[tw * th * 3];
        byte[] alpha = new byte[tw * th];
        int i = 0;
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int p = argb[y * w + x];
                rgb[3 * i] = (byte) (p >> 16);
                rgb[3 * i + 1] = (byte) (p >> 8);
                rgb[3 * i + 2] = (byte) p;
                alpha[i] = (byte) (p >>> 24);
                i++;
            }
        }
        return new PreparedImage(tw, th, deflate(rgb), deflate(alpha));
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory compression failed", e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static SigningException invalid(String message) {
        return new SigningException(SigningException.ErrorCode.INVALID_REQUEST, message);
    }
}
