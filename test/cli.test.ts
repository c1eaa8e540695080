import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run, scratchDir } from './cli-helpers.js';

const { dir, put: file } = scratchDir('entente-cli-');

describe('cli: entente code', () => {
  it('codes a text file into JSONL when piped', () => {
    const r = run(['code', '--date', '2021-12-01', file('a.txt', 'Serbia delivered weapons to Armenia on Monday.\n')]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.lines[0]!);
    expect(rec).toMatchObject({ story_id: 'a', event: 'AID', date: '2021-11-29', date_precision: 'day' });
  });

  it('reads standard input', () => {
    const r = run(['code', '--date', '2021-12-01', '-'], 'Iran threatened to attack Iraq.');
    expect(JSON.parse(r.lines[0]!).event).toBe('THREATEN');
  });

  it('reads HTML, keeping only the text', () => {
    const r = run(['code', file('p.html', '<html><script>Serbia attacked Kosovo.</script><p>Iran expelled two French diplomats.</p></html>')]);
    expect(r.lines.map((l) => JSON.parse(l).event)).toEqual(['SANCTION']);
  });

  it('reads JSONL stories with their own dates', () => {
    const r = run(['code', file('s.jsonl', '{"id":"x1","text":"Serbia attacked Kosovo yesterday.","date":"2020-05-02"}\n')]);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ story_id: 'x1', date: '2020-05-01' });
  });

  it('prints a table with --format table and one JSON array with --format json', () => {
    const t = run(['code', '--format', 'table', file('t.txt', 'Serbia attacked Kosovo.')]);
    expect(t.out).toMatch(/story\s+sent\s+event/);
    expect(t.out).toMatch(/ASSAULT\s+SRB\s+KOS/);
    const j = run(['code', '--format', 'json', file('t.txt', 'Serbia attacked Kosovo.')]);
    expect(JSON.parse(j.out)).toHaveLength(1);
  });

  it('--explain prints the sentence, offsets, rule and reasons', () => {
    const r = run(['code', '--explain', '--date', '2021-12-01', file('e.txt', 'Serbia delivered weapons to Armenia.')]);
    expect(r.out).toMatch(/sentence 1, chars 0-36: Serbia delivered weapons to Armenia\./);
    expect(r.out).toMatch(/rule\s+AID:/);
    expect(r.out).toMatch(/actor\s+country "Serbia" → SRB/);
  });

  it('extension files add actors and rules', () => {
    const actors = file('actors.yaml', 'actors:\n  - names: [Freedonia]\n    code: FRD\n');
    const rules = file('rules.json', JSON.stringify({ rules: [{ match: 'snub', event: 'REJECT', reason: 'a snub' }] }));
    const r = run(['code', '--actors', actors, '--rules', rules, '-'], 'Freedonia snubbed Serbia.');
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ event: 'REJECT', actor: [{ code: 'FRD' }], recipient: [{ code: 'SRB' }] });
  });

  it('a NONE rule takes its words from the rules it outranks and codes nothing', () => {
    const rules = file('none.yaml', 'rules:\n  - match: attacked ...2 Kosovo\n    event: NONE\n    reason: a test of non-events\n');
    expect(run(['code', '-'], 'Serbia attacked Kosovo.').lines).toHaveLength(1);
    const r = run(['code', '--rules', rules, '-'], 'Serbia attacked Kosovo.');
    expect([r.code, r.lines]).toEqual([0, []]);
  });
});

describe('cli: bad input is reported by file and line, the rest is coded', () => {
  it('binary files, invalid UTF-8, bad JSONL lines and empty files', () => {
    const good = file('good.txt', 'Serbia attacked Kosovo.');
    const binary = file('bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
    const latin1 = file('latin1.txt', Buffer.from([0x53, 0x65, 0x72, 0x62, 0x69, 0x61, 0x20, 0xe9, 0x74, 0xe9]));
    const empty = file('empty.txt', '');
    const jsonl = file('mixed.jsonl', [
      '{"id":"ok1","text":"Iran attacked Iraq."}',
      'this is not json',
      '{"id":"no-text"}',
      '{"id":"ok2","text":"Russia expelled two Swiss diplomats."}',
    ].join('\n'));
    const r = run(['code', good, binary, latin1, empty, jsonl, join(dir, 'missing.txt')]);
    expect(r.code).toBe(1);
    const errors = r.err.trim().split('\n');
    expect(errors).toEqual(expect.arrayContaining([
      expect.stringMatching(/bin\.txt: binary file/),
      expect.stringMatching(/latin1\.txt: invalid UTF-8 near byte 7/),
      expect.stringMatching(/empty\.txt: empty file/),
      expect.stringMatching(/mixed\.jsonl:2: not valid JSON/),
      expect.stringMatching(/mixed\.jsonl:3: missing field "text"/),
      expect.stringMatching(/missing\.txt: no such file/),
    ]));
    expect(errors.every((e) => e.split('\n').length === 1)).toBe(true);
    expect(r.lines.map((l) => JSON.parse(l).story_id)).toEqual(['good', 'ok1', 'ok2']);
  });

  it('invalid UTF-8 on one JSONL line names that line', () => {
    const bad = file('bad.jsonl', Buffer.concat([Buffer.from('{"id":"a","text":"Iran attacked Iraq."}\n{"id":"b","text":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
    const r = run(['code', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.jsonl:2: invalid UTF-8/);
    expect(r.lines).toHaveLength(1);
  });

  it.each([
    [['code', '--format', 'xml', '-'], /--format must be/],
    [['code', '--date', 'yesterday', '-'], /--date must be a YYYY-MM-DD date/],
    [['code', '--bogus'], /unknown option/],
    [['frobnicate'], /unknown command/],
    [['code', '--rules', '/nonexistent/rules.yaml', '-'], /cannot read/],
  ])('usage error %j exits 2', (args, message) => {
    const r = run(args, '');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('a bad rule names the file and rule', () => {
    const rules = file('bad-rules.yaml', 'rules:\n  - match: snub\n    event: SNUB\n    reason: x\n');
    const r = run(['code', '--rules', rules, '-'], 'x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad-rules\.yaml rule 1: unknown event type "SNUB"/);
  });
});

describe('cli: entente eval', () => {
  it('scores a gold file in the PLOVER gold-standard format', () => {
    const gold = file('gold.json', JSON.stringify([
      { id: 'g1', date: '2000-01-01', text: 'Iran threatened to attack Iraq.', event: 'THREATEN', source: [{ code: 'IRN' }], target: [{ code: 'IRQ' }] },
      { id: 'g2', date: '2000-01-01', text: 'Albania denounced Serbia.', event: 'DISAPPROVE', source: [{ code: 'ALB' }], target: [{ code: 'SRB' }] },
    ]));
    const r = run(['eval', '--gold', gold, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ stories: 2, type_recall: 1, triple_recall: 1, share_sentences_with_wrong_type: 0 });
  });
});
