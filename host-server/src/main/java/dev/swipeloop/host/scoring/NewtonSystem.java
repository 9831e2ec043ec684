package dev.swipeloop.host.scoring;

/**
 * The linear system of one Newton step of {@link BradleyTerryLoss}: the Hessian
 * {@code H = Laplacian(curvature) + 2λ·I}, which the ridge keeps positive definite.
 */
interface NewtonSystem {
    /** Takes the Hessian whose pair weights are {@code curvature} (see {@link BradleyTerryLoss#gradient}). */
    void prepare(double[] curvature);

    /** Writes the Newton step {@code −H⁻¹·gradient} into {@code step}. */
    void solve(double[] gradient, double[] step);
}
