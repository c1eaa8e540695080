import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { basename, join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, inputBytes, MAX_BODY_BYTES, walk, type ExpandOptions, type SourceItem } from '../src/cli/sources.js';

const fixture = (name: string): string => new URL(`./fixtures/feeds/${name}`, import.meta.url).pathname;
const RSS = readFileSync(fixture('rss2.xml'), 'utf8');
/** A document on standard input is named by its text ("Iran threatened Iraq."). */
const STDIN_ID = `stdin-${createHash('sha256').update('Iran threatened Iraq.').digest('hex').slice(0, 12)}`;

async function collect(paths: string[], opts: ExpandOptions = {}): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of expandInputs(paths, opts)) out.push(item);
  return out;
}

/**
 * One line per item: "file NAME", "story ID [date]", "problem FILE[:LINE]: MESSAGE", names relative to `root`, and
 * ids that start with root's name (those of documents in it) starting with "root/".
 */
const summary = (items: SourceItem[], root = ''): string[] => {
  const rel = (name: string): string => (root && name.startsWith(root) ? relative(root, name) : name);
  const id = (s: string): string => (root && s.startsWith(`${basename(root)}/`) ? `root/${s.slice(basename(root).length + 1)}` : rel(s));
  return items.map((item) => {
    if ('kind' in item) return `file ${rel(item.name)}`;
    if (item.ok) return `story ${id(item.story.id)}${item.story.date ? ` ${item.story.date}` : ''}`;
    return `problem ${rel(item.problem.file)}${item.problem.line ? `:${item.problem.line}` : ''}: ${item.problem.message}`;
  });
};

describe('sources: folders and files', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'entente-sources-'));
    const write = (path: string, content: string | Buffer): void => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    write('a.txt', 'Iran threatened to attack Iraq.');
    write('Z-first.txt', 'Upper case sorts before lower case.');
    write('b.jsonl', '{"id":"b1","text":"Serbia signed."}\nnot json\n\n{"id":"b2","text":"Two.","date":"2021-11-30"}\n');
    write('.hidden.txt', 'skipped');
    write('.cache/x.txt', 'skipped');
    write('node_modules/pkg/readme.md', 'skipped');
    write('notes.pdf', 'skipped: not an input extension');
    write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    write('disguised.txt', RSS.replace(/<item>[\s\S]*<\/item>/, '<item><title>Feed in a text file</title><guid>disguised-1</guid></item>'));
    write('sub/c.html', '<html><head><title>C</title></head><body><p>Body of C.</p></body></html>');
    write('sub/deeper/d.md', 'Deep text.');
    write('sub/empty.xml', '');
    write('sub/config.xml', '<?xml version="1.0"?><config/>');
    copyFileSync(fixture('rss2.xml'), join(root, 'news.rss'));
    copyFileSync(fixture('truncated.rss'), join(root, 'sub/truncated.rss'));
    symlinkSync(root, join(root, 'sub/loop'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks a folder tree in sorted order, skipping dotfiles, node_modules, other extensions and link loops', async () => {
    const files: string[] = [];
    for await (const f of walk(root)) files.push(typeof f === 'string' ? relative(root, f) : `problem ${f.ok ? '' : f.problem.message}`);
    expect(files).toEqual([
      'Z-first.txt', 'a.txt', 'b.jsonl', 'disguised.txt', 'image.txt', 'news.rss',
      'sub/c.html', 'sub/config.xml', 'sub/deeper/d.md', 'sub/empty.xml', 'sub/truncated.rss',
    ]);
  });

  it('reads every file: text, JSONL line by line, feeds by extension or by their first bytes; problems name file and line or item', async () => {
    expect(summary(await collect([root], { date: '2021-12-05' }), root)).toEqual([
      'file Z-first.txt', 'story root/Z-first 2021-12-05',
      'file a.txt', 'story root/a 2021-12-05',
      'file b.jsonl', 'story b1 2021-12-05', expect.stringMatching(/^problem b\.jsonl:2: not valid JSON/), 'story b2 2021-11-30',
      'file disguised.txt', 'story disguised-1 2021-12-05',
      'file image.txt', 'problem image.txt: binary file, not text: skipped',
      'file news.rss', 'story cw-1001 2021-12-01', 'story https://news.example.org/2020/09/30/serbia-armenia 2020-09-30',
      'story news.rss#3 2021-12-05', 'problem news.rss:29: item 4: no title or description',
      'file sub/c.html', 'story root/sub/c 2021-12-05',
      'file sub/config.xml', 'problem sub/config.xml: not an RSS or Atom feed (no <rss>, <rdf:RDF> or Atom <feed> root element)',
      'file sub/deeper/d.md', 'story root/sub/deeper/d 2021-12-05',
      'file sub/empty.xml', 'problem sub/empty.xml: empty file: nothing to code',
      'file sub/truncated.rss', 'story cw-1001 2021-12-01', 'problem sub/truncated.rss:17: truncated feed: item 2 is not closed',
    ]);
  });

  it('keeps what each story says: feed source, title and url; HTML title', async () => {
    const items = await collect([join(root, 'news.rss'), join(root, 'sub/c.html')]);
    const stories = items.flatMap((i) => ('ok' in i && i.ok ? [i.story] : []));
    expect(stories[0]).toMatchObject({ id: 'cw-1001', source: 'Caucasus Wire & Friends', url: 'https://news.example.org/2021/12/01/iran-azerbaijan' });
    expect(stories.at(-1)).toEqual({ id: 'c', title: 'C', text: 'C\nBody of C.' });
  });

  it('reads named files of any extension, in the order given, and says which paths do not exist', async () => {
    expect(summary(await collect([join(root, 'notes.pdf'), join(root, 'missing.txt'), join(root, 'sub/deeper')]), root)).toEqual([
      'file notes.pdf', 'story notes',
      'file missing.txt', 'problem missing.txt: no such file',
      'file sub/deeper/d.md', 'story deeper/d',
    ]);
  });

  it('names documents in a folder by their path from it: files of the same name in two folders are two stories', async () => {
    const news = join(root, 'same', 'news');
    for (const path of ['a/index.html', 'b/index.txt', 'b/c/index.txt']) {
      mkdirSync(join(news, path, '..'), { recursive: true });
      writeFileSync(join(news, path), `Story at ${path}.`);
    }
    const ids = (items: SourceItem[]): string[] => items.flatMap((i) => ('ok' in i && i.ok ? [i.story.id] : []));
    expect(ids(await collect([news]))).toEqual(['news/a/index', 'news/b/c/index', 'news/b/index']);
    expect(ids(await collect([join(news, 'b')]))).toEqual(['b/c/index', 'b/index']);
    // A file named on the command line keeps its own name.
    expect(ids(await collect([join(news, 'b', 'index.txt')]))).toEqual(['index']);
  });

  it.each([
    ['an empty folder', [] as string[]],
    ['a folder of files that are not stories', ['notes.pdf', 'data.csv', '.hidden.txt']],
  ])('says so when %s holds no story files', async (_, files) => {
    const dir = mkdtempSync(join(root, 'none-'));
    for (const f of files) writeFileSync(join(dir, f), 'x');
    expect(summary(await collect([dir]), root)).toEqual([
      `file ${relative(root, dir)}`, `problem ${relative(root, dir)}: no story files in this folder (.txt, .html, .jsonl, RSS or Atom feeds, also gzipped)`,
    ]);
  });

  it('reads standard input for "-": JSONL streamed, or a feed', async () => {
    const jsonl = Readable.from([Buffer.from('{"id":"s1","text":"One."}\n{"id":"s2",'), Buffer.from('"text":"Two."}\n{bad\n')]);
    expect(summary(await collect(['-'], { stdin: jsonl }))).toEqual([
      'file <stdin>', 'story s1', 'story s2', expect.stringMatching(/^problem <stdin>:3: not valid JSON/),
    ]);
    const feed = Readable.from([Buffer.from(RSS.slice(0, 100)), Buffer.from(RSS.slice(100))]);
    expect(summary(await collect(['-'], { stdin: feed })).slice(0, 3)).toEqual(['file <stdin>', 'story cw-1001 2021-12-01', 'story https://news.example.org/2020/09/30/serbia-armenia 2020-09-30']);
    const text = Readable.from([Buffer.from('Iran threatened Iraq.')]);
    expect(summary(await collect(['-'], { stdin: text, date: '2021-12-01' }))).toEqual(['file <stdin>', `story ${STDIN_ID} 2021-12-01`]);
  });

  it('reads gzipped files as the file they hold, named as they are; a cut one is a problem after its whole stories', async () => {
    const dir = join(root, 'gz');
    mkdirSync(dir);
    const jsonl = Array.from({ length: 300 }, (_, i) => `{"id":"g${i}","text":"Iran threatened to attack Iraq, said official number ${i * 7919}."}`).join('\n') + '\n';
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(jsonl));
    writeFileSync(join(dir, 'b.txt.gz'), gzipSync('Serbia signed a partnership with Azerbaijan.'));
    writeFileSync(join(dir, 'c.rss.gz'), gzipSync(RSS));
    writeFileSync(join(dir, 'd.pdf.gz'), gzipSync('not an input extension: skipped'));
    const whole = gzipSync(jsonl);
    writeFileSync(join(dir, 'e.jsonl.gz'), whole.subarray(0, whole.length >> 1));
    const items = summary(await collect([dir], { date: '2021-12-01' }), root);
    expect(items.filter((i) => i.startsWith('file '))).toEqual(['file gz/a.jsonl.gz', 'file gz/b.txt.gz', 'file gz/c.rss.gz', 'file gz/e.jsonl.gz']);
    expect(items.filter((i) => /^story g\d+ /.test(i)).length).toBeGreaterThan(300);
    expect(items).toContain('story gz/b 2021-12-01');
    expect(items).toContain('story cw-1001 2021-12-01');
    expect(items.filter((i) => i.startsWith('problem'))).toEqual([
      'problem gz/c.rss.gz:29: item 4: no title or description',
      'problem gz/e.jsonl.gz: the gzipped file is damaged or ends early (unexpected end of file): the stories before were read',
    ]);
  });

  it('counts the bytes a walk would read, for the progress bar: gzipped files by their content, each folder once', async () => {
    const top = mkdtempSync(join(tmpdir(), 'entente-bytes-'));
    mkdirSync(join(top, 'sub'));
    writeFileSync(join(top, 'a.txt'), 'x'.repeat(10));
    writeFileSync(join(top, 'sub/b.jsonl.gz'), gzipSync('y'.repeat(100)));
    writeFileSync(join(top, 'sub/c.pdf'), 'z'.repeat(1000));
    writeFileSync(join(top, '.hidden.txt'), 'z'.repeat(1000));
    symlinkSync(top, join(top, 'sub/loop'));
    expect(await inputBytes([top])).toBe(110);
    // A file named on the command line counts whatever its name; a missing one counts nothing.
    expect(await inputBytes([join(top, 'sub/c.pdf'), join(top, 'missing.txt'), join(top, 'a.txt')])).toBe(1010);
  });

  it('decodes a feed file in the encoding its XML declaration names', async () => {
    const path = join(root, 'latin1.xml');
    writeFileSync(path, Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><item><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></item></channel></rss>'),
    ]));
    const items = await collect([path]);
    expect(items[1]).toMatchObject({ ok: true, story: { title: 'Café' } });
    rmSync(path);
  });
});

describe('sources: --url', () => {
  let server: Server;
  let base: string;
  const page = '<!DOCTYPE html><html><head><title>Talks in Baku</title></head><body><p>Azerbaijan and Turkey signed a defence pact.</p></body></html>';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.on('error', () => undefined);
      const send = (status: number, type: string, body: string | Buffer): void => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      };
      switch (req.url) {
        case '/feed.rss': return send(200, 'application/rss+xml; charset=utf-8', RSS);
        case '/feed.txt': return send(200, 'text/plain', RSS);
        case '/page.html': return send(200, 'text/html; charset=utf-8', page);
        case '/latin1.html': return send(200, 'text/html; charset=iso-8859-1', Buffer.from('<title>Caf\xe9</title><p>Caf\xe9 talks.</p>', 'latin1'));
        case '/empty.html': return send(200, 'text/html', '');
        case '/image.png': return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        case '/huge': {
          res.writeHead(200, { 'content-type': 'text/html' });
          const chunk = Buffer.alloc(1024 * 1024, 'a');
          let sent = 0;
          const more = (): void => {
            while (sent < 21 && !res.destroyed) {
              sent++;
              if (!res.write(chunk)) return void res.once('drain', more);
            }
            res.end();
          };
          return more();
        }
        case '/huge-declared':
          res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(25 * 1024 * 1024) });
          return void res.write('<p>start');
        case '/slow':
          return undefined;
        default: return send(404, 'text/plain', 'not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reads a feed over HTTP: its items are stories, problems name the URL and line', async () => {
    const url = `${base}/feed.rss`;
    expect(summary(await collect([], { url: [url], date: '2021-12-09' }))).toEqual([
      `file ${url}`, 'story cw-1001 2021-12-01', 'story https://news.example.org/2020/09/30/serbia-armenia 2020-09-30',
      `story ${url}#3 2021-12-09`, `problem ${url}:29: item 4: no title or description`,
    ]);
  });

  it('knows a feed by its content whatever the content type', async () => {
    const items = await collect([], { url: [`${base}/feed.txt`] });
    expect(items.filter((i) => 'ok' in i && i.ok)).toHaveLength(3);
  });

  it('reads an HTML page as one story: id and url the URL, title from <title>', async () => {
    const url = `${base}/page.html`;
    expect(await collect([], { url: [url], date: '2021-12-01' })).toEqual([
      { kind: 'file', name: url },
      { ok: true, story: { id: url, url, date: '2021-12-01', title: 'Talks in Baku', text: 'Talks in Baku\nAzerbaijan and Turkey signed a defence pact.' }, at: { file: url } },
    ]);
  });

  it('decodes a page in the charset its content type names', async () => {
    const [, item] = await collect([], { url: [`${base}/latin1.html`] });
    expect(item).toMatchObject({ ok: true, story: { title: 'Café', text: 'Café\nCafé talks.' } });
  });

  it.each([
    ['/missing', /^HTTP 404 Not Found$/],
    ['/image.png', /^unsupported content type "image\/png"/],
    ['/huge', /^response larger than 20 MB: skipped$/],
    ['/huge-declared', /^response larger than 20 MB \(25 MB\): skipped$/],
    ['/empty.html', /^empty response: nothing to code$/],
  ])('%s is one problem naming the URL', async (path, message) => {
    const url = `${base}${path}`;
    const items = await collect([], { url: [url] });
    expect(items).toEqual([{ kind: 'file', name: url }, { ok: false, problem: { file: url, message: expect.stringMatching(message) } }]);
  });

  it('the size limit is 20 MB', () => {
    expect(MAX_BODY_BYTES).toBe(20 * 1024 * 1024);
  });

  it('a server that does not answer in time is a problem', async () => {
    const url = `${base}/slow`;
    expect(await collect([], { url: [url], timeoutMs: 300 })).toEqual([
      { kind: 'file', name: url }, { ok: false, problem: { file: url, message: 'timed out after 0.3 s' } },
    ]);
  });

  it('network errors and bad URLs are problems, and the next URL is still read', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = `http://127.0.0.1:${port}/feed.rss`;
    expect(summary(await collect([], { url: [refused, 'ftp://127.0.0.1/feed.rss', 'not a url', `${base}/page.html`] }))).toEqual([
      `file ${refused}`, `problem ${refused}: network error: ECONNREFUSED`,
      'file ftp://127.0.0.1/feed.rss', 'problem ftp://127.0.0.1/feed.rss: unsupported URL scheme "ftp:" (http or https only)',
      'file not a url', 'problem not a url: not a valid URL',
      `file ${base}/page.html`, `story ${base}/page.html`,
    ]);
  });

  it('paths come before URLs', async () => {
    const text = Readable.from([Buffer.from('Iran threatened Iraq.')]);
    expect(summary(await collect(['-'], { stdin: text, url: [`${base}/page.html`] }))).toEqual([
      'file <stdin>', `story ${STDIN_ID}`, `file ${base}/page.html`, `story ${base}/page.html`,
    ]);
  });
});
