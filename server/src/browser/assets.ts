/**
 * Web Worker only: where the extension's files are, as a URL. The worker script cannot tell its own
 * location (VS Code starts extension workers from a blob), so the client sends the extension's URI in
 * `initializationOptions.extensionUri` and browser/main.ts records it here before anything is read.
 */
let base: string | undefined;
let scripts: Record<string, string> = {};

/**
 * Record the extension's root URL and, where the client had to read them itself, the object URLs of
 * its scripts (`initializationOptions.assets.scripts`); throws on anything that is not an absolute URL.
 */
export function setExtensionBase(uri: unknown, objectUrls?: unknown): void {
  scripts = {};
  if (objectUrls && typeof objectUrls === 'object')
    for (const [path, url] of Object.entries(objectUrls)) if (typeof url === 'string' && /^blob:/.test(url)) scripts[path] = url;
  if (typeof uri !== 'string' || !uri) throw new Error('initializationOptions.extensionUri is missing: the web client sends it');
  let url: URL;
  try {
    url = new URL(uri.endsWith('/') ? uri : `${uri}/`);
  } catch {
    throw new Error(`initializationOptions.extensionUri is not a URL: ${JSON.stringify(uri.slice(0, 200))}`);
  }
  base = url.href;
}

/** The URL of a file of the extension, e.g. `assetUrl('dist/glossary.json')`. */
export function assetUrl(path: string): string {
  if (scripts[path]) return scripts[path];
  if (!base) throw new Error(`cannot locate ${path}: the extension's URI is not known yet`);
  return new URL(path, base).href;
}
