package dev.swipeloop.host.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's route templates ({@code /v1/raters/{rater}/ledger}), to name the route of a request
 * Javalin answered without reaching its handler: refused by a before-handler (a rate limit's 429)
 * or a HEAD on a GET route. The first template that matches wins, in the order Javalin tries them.
 */
final class RouteTemplates {
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private record Template(String path, Pattern pattern) {
    }

    private final List<Template> templates = new ArrayList<>();

    RouteTemplates(List<String> paths) {
        for (String path : paths) {
            StringBuilder regex = new StringBuilder();
            Matcher parameter = PARAMETER.matcher(path);
            int from = 0;
            while (parameter.find()) {
                regex.append(Pattern.quote(path.substring(from, parameter.start()))).append("[^/]+");
                from = parameter.end();
            }
            regex.append(Pattern.quote(path.substring(from)));
            templates.add(new Template(path, Pattern.compile(regex.toString())));
        }
    }

    /** The template {@code path} matches (a trailing slash ignored, as Javalin does), or null. */
    String match(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Template template : templates) {
            if (template.pattern().matcher(trimmed).matches()) {
                return template.path();
            }
        }
        return null;
    }
}
