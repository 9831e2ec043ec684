package dev.swipeloop.host.scoring;

import dev.swipeloop.host.scoring.Battles.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent Bradley–Terry solver to check {@link BradleyTerry} against: a plain logistic
 * regression without intercept over one row per battle, the way Arena's first MLE built its
 * design matrix (fastchat elo_analysis.py, {@code construct_style_matrices}): the row of a battle
 * has +ln 10 at a and −ln 10 at b, its label is 1 when a won, and a tie becomes two rows of
 * weight ½, one won by each side. It shares no code with the production solver: it keeps its own
 * rows, minimises {@code Σ w·logloss + λ·Σ r²} by IRLS (Newton) on the normal equations, and
 * solves those by Gaussian elimination with partial pivoting.
 */
final class UnaggregatedLogisticRegression {
    private static final double C = Math.log(10);

    private record Row(int a, int b, double label, double weight) {
    }

    private final int players;
    private final List<Row> rows = new ArrayList<>();

    UnaggregatedLogisticRegression(int players) {
        this.players = players;
    }

    void add(int a, int b, Outcome outcome) {
        switch (outcome) {
            case A_WINS -> rows.add(new Row(a, b, 1, 1));
            case B_WINS -> rows.add(new Row(a, b, 0, 1));
            case TIE -> {
                rows.add(new Row(a, b, 1, 0.5));
                rows.add(new Row(a, b, 0, 0.5));
            }
        }
    }

    /** The minimiser, in r units, to machine precision. */
    double[] solve(double ridge) {
        double[] r = new double[players];
        for (int iteration = 0; iteration < 200; iteration++) {
            double[][] hessian = new double[players][players];
            double[] gradient = new double[players];
            for (int i = 0; i < players; i++) {
                hessian[i][i] = 2 * ridge;
                gradient[i] = 2 * ridge * r[i];
            }
            for (Row row : rows) {
                double p = 1 / (1 + Math.exp(-C * (r[row.a] - r[row.b])));
                double g = row.weight * C * (p - row.label);
                gradient[row.a] += g;
                gradient[row.b] -= g;
                double h = row.weight * C * C * p * (1 - p);
                hessian[row.a][row.a] += h;
                hessian[row.b][row.b] += h;
                hessian[row.a][row.b] -= h;
                hessian[row.b][row.a] -= h;
            }
            double[] step = gaussianElimination(hessian, gradient);
            double largest = 0;
            for (double move : step) {
                largest = Math.max(largest, Math.abs(move));
            }
            // Damped to at most one r unit (400 points) a step, so that a far-off start (perfect
            // separation) cannot overshoot.
            double scale = Math.min(1, 1 / largest);
            for (int i = 0; i < players; i++) {
                r[i] -= scale * step[i];
            }
            if (largest < 1e-13) {
                return r;
            }
        }
        throw new AssertionError("the reference IRLS did not converge");
    }

    /** Solves A·x = b; destroys A. */
    private static double[] gaussianElimination(double[][] a, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int column = 0; column < n; column++) {
            int pivot = column;
            for (int row = column + 1; row < n; row++) {
                if (Math.abs(a[row][column]) > Math.abs(a[pivot][column])) {
                    pivot = row;
                }
            }
            double[] swapRow = a[column];
            a[column] = a[pivot];
            a[pivot] = swapRow;
            double swap = x[column];
            x[column] = x[pivot];
            x[pivot] = swap;
            for (int row = column + 1; row < n; row++) {
                double factor = a[row][column] / a[column][column];
                for (int k = column; k < n; k++) {
                    a[row][k] -= factor * a[column][k];
                }
                x[row] -= factor * x[column];
            }
        }
        for (int row = n - 1; row >= 0; row--) {
            double sum = x[row];
            for (int k = row + 1; k < n; k++) {
                sum -= a[row][k] * x[k];
            }
            x[row] = sum / a[row][row];
        }
        return x;
    }
}
