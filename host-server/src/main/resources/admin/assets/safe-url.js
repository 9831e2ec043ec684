// Image addresses the dashboard will put in an <img>: absolute http(s) URLs and the host's
// own /media/ and /demo/ paths. Anything else an item might carry (javascript:, data:, other
// paths) is not loaded.

/** The URL to load, or null when it is not one the dashboard shows. */
export function safeImageSrc(url, origin) {
  if (typeof url !== 'string' || !url) return null;
  try {
    if (url.startsWith('/media/') || url.startsWith('/demo/')) {
      if (url.startsWith('//')) return null;
      const parsed = new URL(url, origin);
      return /^\/(media|demo)\//.test(parsed.pathname) ? parsed.href : null;
    }
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}
