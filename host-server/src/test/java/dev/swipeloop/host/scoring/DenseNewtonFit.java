package dev.swipeloop.host.scoring;

/**
 * A fit whose Newton steps factorise the dense Hessian instead of running conjugate gradients:
 * the same minimiser reached through the other linear algebra, to cross-check the production fit.
 */
final class DenseNewtonFit {
    private DenseNewtonFit() {
    }

    /** Rating points of the minimiser. */
    static double[] ratings(PairTable table, double ridge) {
        double[] r = new double[table.players];
        new NewtonSolver(new BradleyTerryLoss(table, ridge)).minimise(table.weights(), r, new DenseNewtonSystem(table, ridge));
        return BradleyTerry.points(r);
    }
}
