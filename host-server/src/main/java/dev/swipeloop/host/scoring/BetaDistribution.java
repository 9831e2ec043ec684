package dev.swipeloop.host.scoring;

/**
 * The Beta(a, b) distribution's CDF (the regularized incomplete beta function) and its inverse,
 * in plain doubles. The CDF is the continued fraction of Numerical Recipes (3rd ed., §6.4),
 * evaluated with the modified Lentz method; the quantile is a Newton iteration kept inside a
 * shrinking bracket, so it falls back to bisection wherever Newton would leave it (near 0 or 1
 * for a or b below 1, where the density is unbounded).
 */
final class BetaDistribution {
    private static final double EPSILON = 1e-15;
    /** Lentz's guard against division by zero. */
    private static final double TINY = 1e-300;
    private static final int MAX_QUANTILE_STEPS = 300;

    /** Lanczos approximation of ln Γ, g = 7, nine terms: about 15 correct digits for x > 0. */
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    };
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private BetaDistribution() {
    }

    /** ln Γ(x) for x > 0. */
    static double logGamma(double x) {
        if (x < 0.5) {
            // The series is accurate from 0.5 up; Γ(x) = Γ(x + 1) / x below that.
            return logGamma(x + 1) - Math.log(x);
        }
        double shifted = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** P(X ≤ x) for X ~ Beta(a, b): the regularized incomplete beta function I_x(a, b). */
    static double cdf(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
        // The fraction converges fast only left of the mean; right of it, I_x(a,b) = 1 − I_{1−x}(b,a).
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    /** The density of Beta(a, b) at x in (0, 1). */
    static double density(double x, double a, double b) {
        return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b));
    }

    /** The x with P(X ≤ x) = p for X ~ Beta(a, b). */
    static double quantile(double p, double a, double b) {
        if (!(a > 0 && b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("Beta shape parameters must be finite and > 0, got a=" + a + ", b=" + b);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a probability must be in [0, 1], got " + p);
        }
        if (p == 0 || p == 1) {
            return p;
        }
        double low = 0;
        double high = 1;
        double x = initialGuess(p, a, b);
        for (int step = 0; step < MAX_QUANTILE_STEPS; step++) {
            double error = cdf(x, a, b) - p;
            if (error == 0) {
                return x;
            }
            if (error < 0) {
                low = x;
            } else {
                high = x;
            }
            double next = x - error / density(x, a, b);
            if (!(next > low && next < high)) {
                next = 0.5 * (low + high);
            }
            if (Math.abs(next - x) <= EPSILON * x || high - low <= EPSILON * high) {
                return next;
            }
            x = next;
        }
        return x;
    }

    /**
     * A start for Newton (Numerical Recipes §6.14): a normal approximation when both shapes are at
     * least 1, otherwise the power-law behaviour of the CDF at the nearer end.
     */
    private static double initialGuess(double p, double a, double b) {
        if (a >= 1 && b >= 1) {
            double tail = p < 0.5 ? p : 1 - p;
            double t = Math.sqrt(-2 * Math.log(tail));
            double z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
            if (p < 0.5) {
                z = -z;
            }
            double lambda = (z * z - 3) / 6;
            double h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
            double w = z * Math.sqrt(lambda + h) / h
                    - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5.0 / 6 - 2 / (3 * h));
            return a / (a + b * Math.exp(2 * w));
        }
        double left = Math.exp(a * Math.log(a / (a + b))) / a;
        double right = Math.exp(b * Math.log(b / (a + b))) / b;
        double total = left + right;
        if (p < left / total) {
            return Math.pow(a * total * p, 1 / a);
        }
        return 1 - Math.pow(b * total * (1 - p), 1 / b);
    }

    /** The continued fraction of I_x(a, b), by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double sum = a + b;
        double c = 1;
        double d = nonZero(1 - sum * x / (a + 1));
        d = 1 / d;
        double fraction = d;
        // The fraction needs O(sqrt(max(a, b))) terms in the worst case.
        int maxTerms = 1000 + (int) Math.min(1e8, 10 * Math.sqrt(Math.max(a, b)));
        for (int m = 1; m <= maxTerms; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
            d = 1 / nonZero(1 + even * d);
            c = nonZero(1 + even / c);
            fraction *= d * c;
            double odd = -(a + m) * (sum + m) * x / ((a + m2) * (a + 1 + m2));
            d = 1 / nonZero(1 + odd * d);
            c = nonZero(1 + odd / c);
            double delta = d * c;
            fraction *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return fraction;
            }
        }
        return fraction;
    }

    private static double nonZero(double value) {
        return Math.abs(value) < TINY ? TINY : value;
    }
}
