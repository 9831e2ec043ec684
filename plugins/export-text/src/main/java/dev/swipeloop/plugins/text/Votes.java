package dev.swipeloop.plugins.text;

import dev.swipeloop.sdk.export.ExportRow;
import dev.swipeloop.sdk.model.Judgement;

/** What a row's judgement says, spelled as on the wire; null where the kind has no such field. */
final class Votes {
    private Votes() {
    }

    static String verdict(ExportRow row) {
        return row.vote().judgement() instanceof Judgement.Binary binary ? binary.verdict().wire() : null;
    }

    static String choice(ExportRow row) {
        return row.vote().judgement() instanceof Judgement.Pair pair ? pair.choice().wire() : null;
    }

    /** The label the manifest counts for the full exports: the verdict of a binary vote, the choice of a pair. */
    static String label(ExportRow row) {
        String verdict = verdict(row);
        return verdict != null ? verdict : choice(row);
    }

    /** A prompt worth training on: present and not blank. */
    static boolean hasPrompt(String prompt) {
        return prompt != null && !prompt.isBlank();
    }
}
