package dev.swipeloop.host.export;

/**
 * How far a running export got, read from other threads (the CLI's progress bar, a job's
 * status): votes read, rows written, and the seq reached within the export's range, which gives
 * the fraction done (seqs are spread evenly enough for an ETA).
 */
public final class ExportProgress {
    private final long afterSeq;
    private final long lastSeq;
    private final long startedNanos = System.nanoTime();
    private volatile long votesRead;
    private volatile long rowsWritten;
    private volatile long seqReached;
    private volatile int pass;

    ExportProgress(long afterSeq, long lastSeq) {
        this.afterSeq = afterSeq;
        this.lastSeq = lastSeq;
        this.seqReached = afterSeq;
    }

    void read(long seq) {
        votesRead++;
        seqReached = seq;
    }

    void wrote() {
        rowsWritten++;
    }

    /** A new pass over the rows begins: a format that reads twice starts again from the beginning. */
    void passStarted() {
        pass++;
        seqReached = afterSeq;
    }

    /** 1 for the first pass over the rows, 2 for a second; 0 before the first. */
    public int pass() {
        return pass;
    }

    public long votesRead() {
        return votesRead;
    }

    public long rowsWritten() {
        return rowsWritten;
    }

    /** Between 0 and 1, within the current pass. */
    public double fraction() {
        long span = lastSeq - afterSeq;
        return span <= 0 ? 1.0 : Math.min(1.0, (double) (seqReached - afterSeq) / span);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
