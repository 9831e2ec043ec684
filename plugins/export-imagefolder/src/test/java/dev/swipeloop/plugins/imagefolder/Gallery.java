package dev.swipeloop.plugins.imagefolder;

import static dev.swipeloop.sdk.export.ExportFixtures.item;
import static dev.swipeloop.sdk.export.ExportFixtures.png;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.export.MediaBlob;
import dev.swipeloop.sdk.export.RecordingExportJob;
import dev.swipeloop.sdk.model.Item;
import java.util.List;
import java.util.Map;

/**
 * The items these tests vote on: three with real PNG bytes in the host's media store, one at an
 * external URL that was not fetched (no bytes). Prompts come from ExportFixtures and hold quotes,
 * a comma, a newline and non-ASCII.
 */
final class Gallery {
    static final Item FOX = item("fox", "g-fox", "sdxl");
    static final Item OWL = item("owl", "g-owl", "sdxl");
    static final Item LYNX = item("lynx", "g-lynx", "flux");
    static final Item REMOTE = item("remote", "g-remote", "flux");

    static final MediaBlob FOX_PNG = png(4, 3, 0xd94a1e);
    static final MediaBlob OWL_PNG = png(3, 3, 0x6b4f2a);
    static final MediaBlob LYNX_PNG = png(2, 5, 0xc8b27d);

    private Gallery() {
    }

    static RecordingExportJob job(List<ExportRow> rows, Map<String, String> options) {
        return RecordingExportJob.of(new ImagefolderExport(), rows, options)
                .withImage(FOX.imageUrl(), FOX_PNG)
                .withImage(OWL.imageUrl(), OWL_PNG)
                .withImage(LYNX.imageUrl(), LYNX_PNG);
    }

    static String fileName(MediaBlob blob) {
        return blob.sha256() + ".png";
    }
}
