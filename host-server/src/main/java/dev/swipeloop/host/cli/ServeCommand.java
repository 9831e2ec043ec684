package dev.swipeloop.host.cli;

import dev.swipeloop.host.SwipeloopHost;
import dev.swipeloop.host.admin.OperatorToken;
import dev.swipeloop.host.demo.DemoApp;
import dev.swipeloop.host.demo.DemoSeeder;
import dev.swipeloop.host.demo.DemoSite;
import dev.swipeloop.sdk.reward.RewardPolicy;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve} and {@code demo}: start the host and keep it running until the process is
 * told to stop (Ctrl-C, SIGTERM), then shut down gracefully — the commit queue is drained, so
 * every vote already acknowledged or in flight is committed before the storage closes.
 */
final class ServeCommand {
    private ServeCommand() {
    }

    static int run(Args args, boolean demo, PrintStream out) {
        HostConfigLoader config = HostConfigLoader.load(args);
        DemoSite site = demo ? new DemoSite(config.settings().dataDir()) : null;
        SwipeloopHost host = SwipeloopHost.start(config.settings(), config.sources(),
                site == null ? LandingPage::routes : site::routes);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            stopped.countDown();
        }, "swipeloop-shutdown"));

        if (demo) {
            List<String> origins = List.of("http://localhost:" + host.port(), "http://127.0.0.1:" + host.port());
            DemoApp app = DemoSeeder.seed(host.plugins().storage(), site, config.settings().dataDir(), origins,
                    host.plugins().rewardPolicies().stream().map(RewardPolicy::id).toList());
            out.println();
            out.println("  Demo deck:        " + host.url() + "/");
            out.println("  App id:           " + app.appId());
            out.println("  Publishable key:  " + app.publishableKey());
            out.println("  Secret key:       " + app.secretKey());
            out.println("  Dashboard:        " + host.url() + "/admin");
            out.println("  Operator token:   " + OperatorToken.resolve(config.settings().adminOperatorToken(),
                    config.settings().dataDir()));
            out.println("  Try:  curl -H 'Authorization: Bearer " + app.secretKey() + "' " + host.url() + "/v1/stats");
            out.println();
        }
        out.println("Swipeloop is running at " + host.url() + " — press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
