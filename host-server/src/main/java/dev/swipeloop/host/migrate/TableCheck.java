package dev.swipeloop.host.migrate;

/** One line of the verification report: a table's rows and checksum on each side. */
public record TableCheck(String table, long sourceRows, long targetRows, String sourceSum, String targetSum) {

    public boolean ok() {
        return sourceRows == targetRows && sourceSum.equals(targetSum);
    }
}
