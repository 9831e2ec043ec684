package dev.swipeloop.host.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Paints the demo deck's images locally (no network, no fonts needed): abstract compositions
 * whose palette comes from the prompt and whose style comes from the "model", so that the
 * images of one prompt look related and the models look different. Deterministic per seed.
 */
final class DemoImages {
    static final int SIZE = 384;

    private DemoImages() {
    }

    /** Writes {@code file} unless it exists already. */
    static void paint(Path file, int promptIndex, int modelIndex, long seed) {
        if (Files.exists(file)) {
            return;
        }
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Random random = new Random(seed);
            float hue = promptIndex / 8f;
            Color a = Color.getHSBColor(hue, 0.55f, 0.95f);
            Color b = Color.getHSBColor(hue + 0.45f, 0.65f, 0.35f);
            g.setPaint(new GradientPaint(0, 0, a, SIZE, SIZE, b));
            g.fillRect(0, 0, SIZE, SIZE);
            switch (modelIndex % 3) {
                case 0 -> bubbles(g, random, hue);
                case 1 -> shards(g, random, hue);
                default -> waves(g, random, hue);
            }
        } finally {
            g.dispose();
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            ImageIO.write(image, "png", tmp.toFile());
            Files.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo image " + file, e);
        }
    }

    private static void bubbles(Graphics2D g, Random random, float hue) {
        for (int i = 0; i < 14; i++) {
            float size = 30 + random.nextFloat() * 140;
            g.setColor(withAlpha(Color.getHSBColor(hue + random.nextFloat() * 0.3f, 0.7f, 1f), 150));
            g.fill(new Ellipse2D.Float(random.nextFloat() * SIZE - size / 2, random.nextFloat() * SIZE - size / 2, size, size));
        }
    }

    private static void shards(Graphics2D g, Random random, float hue) {
        for (int i = 0; i < 10; i++) {
            Path2D.Float shard = new Path2D.Float();
            shard.moveTo(random.nextFloat() * SIZE, random.nextFloat() * SIZE);
            for (int k = 0; k < 3; k++) {
                shard.lineTo(random.nextFloat() * SIZE, random.nextFloat() * SIZE);
            }
            shard.closePath();
            g.setColor(withAlpha(Color.getHSBColor(hue - random.nextFloat() * 0.25f, 0.8f, 0.9f), 170));
            g.fill(shard);
        }
    }

    private static void waves(Graphics2D g, Random random, float hue) {
        g.setStroke(new BasicStroke(10f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 9; i++) {
            Path2D.Float wave = new Path2D.Float();
            float y = random.nextFloat() * SIZE;
            float amplitude = 10 + random.nextFloat() * 40;
            wave.moveTo(0, y);
            for (int x = 0; x <= SIZE; x += 8) {
                wave.lineTo(x, y + amplitude * Math.sin(x / 30.0 + i));
            }
            g.setColor(withAlpha(Color.getHSBColor(hue + 0.1f * i, 0.5f, 1f), 190));
            g.draw(wave);
        }
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
