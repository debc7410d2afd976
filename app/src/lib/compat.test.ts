import { describe, expect, test } from 'vitest';
import { changedCalls, refusal, runtimeNotice } from './compat';

const built = { specName: 'peer', specVersion: 103 };

describe('the board against another runtime', () => {
  test('the same runtime: nothing to say', () => {
    expect(runtimeNotice({ chain: { specName: 'peer', specVersion: 103 }, changed: [] }, built)).toBeUndefined();
  });

  test('a newer runtime with the same calls: said, nothing disabled', () => {
    expect(runtimeNotice({ chain: { specName: 'peer', specVersion: 104 }, changed: [] }, built)).toBe(
      'This board was built for peer 103; the chain runs peer 104. Every call it sends is unchanged there.',
    );
  });

  test('calls whose encoding changed are named and disabled', () => {
    const calls: [string, string][] = [
      ['Missions', 'create_mission'],
      ['Missions', 'commit'],
      ['Balances', 'transfer_keep_alive'],
    ];
    const changed = changedCalls((p, c) => !(p === 'Missions' && c === 'create_mission'), calls);
    expect(changed).toEqual(['Missions.create_mission']);
    const m = { chain: { specName: 'peer', specVersion: 104 }, changed };
    expect(runtimeNotice(m, built)).toContain(
      '1 of its calls changed and are disabled until the board is rebuilt for the new runtime: Missions.create_mission.',
    );
    expect(refusal('Missions', 'create_mission', m, built)).toBe(
      'The chain runs peer 104; this board was built for peer 103 and cannot vouch for how Missions.create_mission is encoded there. Nothing was signed.',
    );
  });
});
