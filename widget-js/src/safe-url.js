/**
 * Image URLs a deck may show: absolute `https:` / `http:` URLs, and the host's own media
 * store (`/media/…`, resolved against the host, and still inside `/media/` once `..` and
 * `%2e%2e` are resolved). Anything else (`javascript:`, `data:`, other relative paths) is
 * refused, so a poisoned item cannot make the widget load what the app did not mean to show.
 * @param {unknown} url @param {string} host the Swipeloop server's origin
 * @returns {string | null}
 */
export function safeImageUrl(url, host) {
  try {
    const media = url.startsWith('/media/'); // throws for anything but a string
    const parsed = new URL(url, media ? host : undefined);
    if (media ? parsed.pathname.startsWith('/media/') : /^https?:$/.test(parsed.protocol)) return parsed.href;
  } catch {
    // not a string, or not a URL
  }
  return null;
}
