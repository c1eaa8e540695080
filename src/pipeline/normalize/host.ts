/** The host a URL names, without "www." or a port ("https://www.example.org:80/a" → "example.org"), or null. */
export function hostOf(url: string | null | undefined): string | null {
  const scheme = url ? url.indexOf('://') : -1;
  if (!url || scheme < 0) return null;
  let end = scheme + 3;
  while (end < url.length && !'/?#'.includes(url[end]!)) end++;
  let host = url.slice(scheme + 3, end);
  host = host.slice(host.lastIndexOf('@') + 1);
  const port = host.lastIndexOf(':');
  if (port >= 0 && !host.endsWith(']')) host = host.slice(0, port);
  if (host.startsWith('www.')) host = host.slice(4);
  return host ? host.toLowerCase() : null;
}
