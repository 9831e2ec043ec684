package dev.swipeloop.sdk;

/**
 * An extension could not start. {@link #setting()} names the configuration key an operator
 * should change, in the host's spelling (see {@link dev.swipeloop.sdk.plugin.PluginContext#settingName}),
 * or is null when no setting would help.
 */
public class PluginStartException extends SwipeloopException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public PluginStartException(String message, String setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    public PluginStartException(String message, String setting) {
        this(message, setting, null);
    }

    public String setting() {
        return setting;
    }
}
