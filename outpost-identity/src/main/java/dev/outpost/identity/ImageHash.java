package dev.outpost.identity;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Difference hash (dHash) of an image: shrink to 9x8 grey pixels and set one bit per pixel that is
 * brighter than its right-hand neighbour. Re-encoded, resized or slightly recoloured copies of the
 * same avatar differ in few of the 64 bits.
 */
final class ImageHash {
  private ImageHash() {}

  /** The 64-bit dHash of an image file (PNG, JPEG, GIF, BMP). */
  static long ofFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no image file at " + file);
    }
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    if (image == null) {
      throw new IllegalArgumentException("not a readable image: " + file);
    }
    return of(image);
  }

  /** The 64-bit dHash of an image. */
  static long of(BufferedImage image) {
    BufferedImage small = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, 9, 8, null);
    } finally {
      g.dispose();
    }
    long hash = 0;
    for (int y = 0; y < 8; y++) {
      for (int x = 0; x < 8; x++) {
        int left = small.getRaster().getSample(x, y, 0);
        int right = small.getRaster().getSample(x + 1, y, 0);
        hash = (hash << 1) | (left > right ? 1 : 0);
      }
    }
    return hash;
  }

  /** Number of differing bits, 0..64. */
  static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }
}
