import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import ko from './ko.json';
import { initialLanguage } from './index';
import { duration, relative } from '../lib/blocks';

type Texts = { [key: string]: string | Texts };

/** Every key of a text tree, dotted. */
const keys = (t: Texts, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
const lookup = (t: Texts, key: string) =>
  key.split('.').reduce<string | Texts | undefined>((n, k) => (n && typeof n === 'object' ? n[k] : undefined), t);

/** Every file of the board's source. */
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });

describe('the texts', () => {
  it('have every key in both languages, none empty', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
    for (const k of keys(en)) {
      expect(lookup(en, k), k).not.toBe('');
      expect(lookup(ko, k), k).not.toBe('');
    }
  });

  it('name the same placeholders and tags in both languages', () => {
    const marks = (s: string) => [...s.matchAll(/{{\w+}}|<\/?\w+\/?>/g)].map((m) => m[0]).sort();
    for (const k of keys(en)) expect(marks(lookup(ko, k) as string), k).toEqual(marks(lookup(en, k) as string));
  });

  it('wrap words only in tags that are not void HTML elements (a <link> would lose its words)', () => {
    const VOID = ['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'];
    for (const k of keys(en)) {
      for (const text of [lookup(en, k), lookup(ko, k)] as string[]) {
        for (const m of text.matchAll(/<(\w+)>/g)) expect(VOID, `<${m[1]}> in ${k}`).not.toContain(m[1]);
      }
    }
  });

  it('hold every key the code asks for', () => {
    const root = join(import.meta.dirname, '..');
    let asked = 0;
    for (const file of sources(root)) {
      const code = readFileSync(file, 'utf8');
      for (const m of code.matchAll(/\bt\('([\w.]+)'|i18nKey="([\w.]+)"/g)) {
        const key = m[1] ?? m[2];
        asked++;
        expect(typeof lookup(en, key), `${key} in ${file}`).toBe('string');
      }
      // Keys built from a prefix: each must be a group of texts.
      for (const m of code.matchAll(/\bt\(`([\w.]+)\.\$\{|i18nKey=\{`([\w.]+)\.\$\{/g)) {
        const prefix = m[1] ?? m[2];
        expect(typeof lookup(en, prefix), `${prefix}.* in ${file}`).toBe('object');
      }
    }
    // The search finds the keys the pages ask for (it would pass by finding none).
    expect(asked).toBeGreaterThan(40);
  });
});

describe('the language', () => {
  it('is the member’s choice, else the browser’s first the board speaks, else English', () => {
    expect(initialLanguage(null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(initialLanguage(null, ['de-DE', 'ko'])).toBe('ko');
    expect(initialLanguage(null, ['en-US'])).toBe('en');
    expect(initialLanguage(null, ['ja-JP'])).toBe('en');
    expect(initialLanguage('en', ['ko-KR'])).toBe('en');
    expect(initialLanguage('xx', ['ko-KR'])).toBe('ko');
  });

  it('writes times in its own words', () => {
    expect(duration(3 * 86_400_000, 'ko-KR')).toBe('3일');
    expect(relative(3 * 86_400_000, 'ko-KR')).toBe('3일 후');
    expect(relative(-3_600_000, 'ko-KR')).toBe('1시간 전');
    expect(relative(3 * 86_400_000, 'en-GB')).toBe('in 3 days');
  });
});

describe('the chain’s errors and events in Korean', () => {
  type Docs = {
    errors: Record<string, Record<string, string>>;
    events: Record<string, Record<string, { doc: string }>>;
  };
  type Ko = { errors: Record<string, Record<string, string>>; events: Record<string, Record<string, string>> };
  it('explain every error and event of Peer’s own pallets, and only what the runtime has', async () => {
    const docs = (await import('../generated/docs.json')).default as unknown as Docs;
    const ko = (await import('./chain.ko.json')).default as Ko;
    const { PEER_PALLETS } = await import('./chain');
    for (const kind of ['errors', 'events'] as const) {
      for (const pallet of PEER_PALLETS)
        expect(Object.keys(ko[kind][pallet] ?? {}).sort(), `${kind} of ${pallet}`).toEqual(
          Object.keys(docs[kind][pallet] ?? {}).sort(),
        );
      for (const [pallet, items] of Object.entries(ko[kind]))
        for (const [name, text] of Object.entries(items)) {
          expect(docs[kind][pallet]?.[name], `${pallet}.${name}`).toBeDefined();
          expect(text, `${pallet}.${name}`).not.toBe('');
        }
    }
  });
});
