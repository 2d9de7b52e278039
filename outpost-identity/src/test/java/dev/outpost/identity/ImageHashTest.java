package dev.outpost.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHashTest {
  static BufferedImage logo(int size, Color background, Color mark) {
    BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, size, size);
    g.setColor(mark);
    g.fillOval(size / 8, size / 4, size / 2, size / 2);
    g.fillRect(size * 5 / 8, size / 8, size / 4, size * 3 / 4);
    g.dispose();
    return img;
  }

  @Test
  void resizedAndRecolouredCopiesStayClose(@TempDir Path dir) throws IOException {
    long original = ImageHash.of(logo(400, Color.WHITE, Color.RED));
    Path png = dir.resolve("copy.png");
    ImageIO.write(logo(96, new Color(250, 250, 250), new Color(200, 0, 0)), "png", png.toFile());
    long copy = ImageHash.ofFile(png);
    assertThat(ImageHash.distance(original, copy)).isLessThanOrEqualTo(8);
  }

  @Test
  void differentPicturesAreFar() {
    BufferedImage other = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = other.createGraphics();
    for (int x = 0; x < 200; x += 20) {
      g.setColor(x % 40 == 0 ? Color.BLACK : Color.YELLOW);
      g.fillRect(0, x, 200, 10);
      g.fillRect(x, 0, 7, 200);
    }
    g.dispose();
    long a = ImageHash.of(logo(200, Color.WHITE, Color.RED));
    assertThat(ImageHash.distance(a, ImageHash.of(other))).isGreaterThan(14);
  }

  @Test
  void unreadableFilesGiveAClearError(@TempDir Path dir) throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.png"), "not an image");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImageHash.ofFile(junk))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("junk.png");
  }
}
