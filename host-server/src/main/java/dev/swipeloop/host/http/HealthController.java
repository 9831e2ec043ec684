package dev.swipeloop.host.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.swipeloop.host.hosts.LiveHosts;
import dev.swipeloop.host.plugin.PluginRegistry;
import dev.swipeloop.host.plugin.PluginStatus;
import dev.swipeloop.host.ranking.QualityService;
import dev.swipeloop.host.rewards.RewardEngine;
import dev.swipeloop.host.widget.WidgetBundle;
import dev.swipeloop.sdk.storage.StorageBackend;
import io.javalin.http.Context;

/**
 * {@code GET /health}: is the server up, which storage, how every plugin fared, the widget's
 * immutable URL (so an embedder can pin the build it tested), and the rater-quality alarms:
 * a flag rate that jumped usually means a broken detector, which would quietly exclude honest
 * votes from exports and rewards, so it is shown where operators already look. Likewise
 * the rewards' backlog of votes not paid yet, and the hosts sharing the database (the rate
 * limits are shared out among them).
 */
final class HealthController {
    private final PluginRegistry registry;
    private final String hostVersion;
    private final JsonObject widget;
    private final QualityService quality;
    private final RewardEngine rewards;
    private final LiveHosts hosts;

    HealthController(PluginRegistry registry, String hostVersion, WidgetBundle bundle, QualityService quality,
                     RewardEngine rewards, LiveHosts hosts) {
        this.registry = registry;
        this.hosts = hosts;
        this.rewards = rewards;
        this.hostVersion = hostVersion;
        this.quality = quality;
        this.widget = new JsonObject();
        widget.addProperty("url", bundle.hashedPath());
        widget.addProperty("bytes", bundle.scriptBytes());
    }

    /**
     * Whether rewards work here (the storage must keep a ledger), the reward policies this host
     * runs, votes counted but not paid yet per app (a backlog that
     * grows means payments are failing), and the last failure to store a payment.
     */
    private JsonObject rewardsJson() {
        JsonObject json = new JsonObject();
        json.addProperty("state", rewards.unavailable() == null ? "ok" : "unavailable: " + rewards.unavailable());
        json.add("policies", JsonOut.GSON.toJsonTree(rewards.policyIds()));
        json.add("backlog", JsonOut.GSON.toJsonTree(rewards.backlog()));
        json.addProperty("lastFailure", rewards.lastFailure());
        return json;
    }

    /**
     * This host's id and the live hosts' ids (this one included): each allows 1/count of every
     * rate limit. {@code idInUse}: another process holds this host's id, a misconfiguration;
     * {@code pseudonymKeysAgree} false: the live hosts export with different pseudonym keys, another.
     */
    private JsonObject hostsJson() {
        JsonObject json = new JsonObject();
        json.addProperty("id", hosts.hostId());
        json.add("live", JsonOut.GSON.toJsonTree(hosts.ids()));
        json.addProperty("idInUse", hosts.idInUse());
        json.addProperty("pseudonymKeysAgree", hosts.pseudonymKeysAgree());
        return json;
    }

    void health(Context ctx) {
        StorageBackend storage = registry.storage();
        JsonArray plugins = new JsonArray();
        String storageState = registry.storageState();
        for (PluginStatus status : registry.statuses()) {
            JsonObject plugin = new JsonObject();
            plugin.addProperty("id", status.id());
            plugin.addProperty("version", status.version());
            plugin.addProperty("state", status.state());
            JsonArray extensions = new JsonArray();
            status.extensions().forEach(extensions::add);
            plugin.add("extensions", extensions);
            if (status.reason() != null) {
                plugin.addProperty("reason", status.reason());
            }
            plugins.add(plugin);
        }
        JsonObject body = new JsonObject();
        boolean ok = storage != null && "STARTED".equals(storageState);
        body.addProperty("status", ok ? "ok" : "degraded");
        body.addProperty("version", hostVersion);
        JsonObject storageJson = new JsonObject();
        storageJson.addProperty("id", storage == null ? null : storage.id());
        storageJson.addProperty("state", storageState);
        body.add("storage", storageJson);
        body.add("plugins", plugins);
        body.add("widget", widget.deepCopy());
        JsonArray alarms = new JsonArray();
        for (QualityService.AppAlarm alarm : quality.alarms()) {
            JsonObject json = QualityController.alarm(alarm.alarm());
            json.addProperty("app", alarm.appId());
            alarms.add(json);
        }
        JsonObject qualityJson = new JsonObject();
        qualityJson.add("alarms", alarms);
        body.add("quality", qualityJson);
        body.add("rewards", rewardsJson());
        body.add("hosts", hostsJson());
        JsonOut.write(ctx, ok ? 200 : 503, body);
    }
}
