/**
 * Answers to read requests, by URL, valid while the store's data version stays the same. Least recently used
 * answers go first when the cache holds more than `maxBytes` of text.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { version: string; text: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(key: string, version: string): string | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    this.entries.delete(key);
    if (e.version !== version) {
      this.bytes -= e.text.length;
      return undefined;
    }
    this.entries.set(key, e);
    return e.text;
  }

  set(key: string, version: string, text: string): void {
    if (text.length > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.text.length;
      this.entries.delete(key);
    }
    this.entries.set(key, { version, text });
    this.bytes += text.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= e.text.length;
    }
  }
}
