import { describe, expect, it } from 'vitest';
import { checkIndexerUrl, checkPeriod, day } from './client';

describe('the history pages check their input before asking the indexer', () => {
  it('takes http and https addresses only', () => {
    expect(checkIndexerUrl('http://127.0.0.1:8090')).toBeUndefined();
    expect(checkIndexerUrl('https://history.example')).toBeUndefined();
    expect(checkIndexerUrl('ws://127.0.0.1:9944')).toMatch(/http/);
    expect(checkIndexerUrl('127.0.0.1:8090')).toBeDefined();
    expect(checkIndexerUrl('')).toBeDefined();
  });
  it('refuses a period that is not two dates in order', () => {
    expect(checkPeriod('2026-11-01', '2026-11-30')).toEqual({});
    expect(checkPeriod('2026-11-30', '2026-11-30')).toEqual({});
    expect(checkPeriod('2026-12-01', '2026-11-30').to).toMatch(/before/);
    expect(checkPeriod('November', '2026-11-30').from).toBeDefined();
    expect(checkPeriod('2026-11-01', '2026-13-45').to).toBeDefined();
  });
  it('names days in UTC', () => {
    expect(day(0)).toBe('1970-01-01');
    expect(day(Date.UTC(2026, 10, 27, 23, 59))).toBe('2026-11-27');
  });
});
