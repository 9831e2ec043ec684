package dev.swipeloop.host.scoring;

/**
 * In-place Cholesky factorisation {@code A = L·Lᵀ} of a symmetric positive definite n×n matrix
 * stored row-major in a flat array, of which only the lower triangle is read and written. Rows
 * are contiguous, so both the factorisation's dot products and the two triangular solves walk
 * memory in order; the dot product keeps four partial sums so the additions do not wait on one
 * another.
 */
final class Cholesky {
    private Cholesky() {
    }

    /** Replaces the lower triangle of {@code a} by L. */
    static void factor(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j < i; j++) {
                int rowJ = j * n;
                a[rowI + j] = (a[rowI + j] - dot(a, rowI, rowJ, j)) / a[rowJ + j];
            }
            double pivot = a[rowI + i] - dot(a, rowI, rowI, i);
            if (!(pivot > 0)) {
                throw new ArithmeticException("matrix is not positive definite at row " + i + " (pivot " + pivot + ")");
            }
            a[rowI + i] = Math.sqrt(pivot);
        }
    }

    /** Solves {@code L·Lᵀ·x = b} with the factor from {@link #factor}; {@code x} may be {@code b}. */
    static void solve(double[] l, int n, double[] b, double[] x) {
        // Forward: L·y = b.
        for (int i = 0; i < n; i++) {
            int row = i * n;
            x[i] = (b[i] - dot(l, row, x, i)) / l[row + i];
        }
        // Backward: Lᵀ·x = y, taking rows of L (the columns of Lᵀ) from the last up.
        for (int i = n - 1; i >= 0; i--) {
            int row = i * n;
            double xi = x[i] / l[row + i];
            x[i] = xi;
            for (int k = 0; k < i; k++) {
                x[k] -= l[row + k] * xi;
            }
        }
    }

    /** Σ_{k < length} a[rowA + k]·a[rowB + k]. */
    private static double dot(double[] a, int rowA, int rowB, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[rowA + k] * a[rowB + k];
            s1 += a[rowA + k + 1] * a[rowB + k + 1];
            s2 += a[rowA + k + 2] * a[rowB + k + 2];
            s3 += a[rowA + k + 3] * a[rowB + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[rowA + k] * a[rowB + k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Σ_{k < length} l[row + k]·v[k]. */
    private static double dot(double[] l, int row, double[] v, int length) {
        double s0 = 0;
        double s1 = 0;
        int k = 0;
        for (; k + 1 < length; k += 2) {
            s0 += l[row + k] * v[k];
            s1 += l[row + k + 1] * v[k + 1];
        }
        if (k < length) {
            s0 += l[row + k] * v[k];
        }
        return s0 + s1;
    }
}
