import { describe, expect, it } from 'vitest';
import { actionsFor, ACTION_CALLS, allows, allowsCall, delegationsOf } from './proxy';
import { PROXY_ALLOWS } from './proxy-types';
import type { MissionAction } from './actions';

const call = (pallet: string, name: string, value: unknown = {}) => ({ type: pallet, value: { type: name, value } });

describe('what a proxy may send', () => {
  it('follows the runtime’s lists: a contributor commits and delivers but neither posts nor pays', () => {
    expect(allows('MissionContributor', 'Missions.commit')).toBe(true);
    expect(allows('MissionContributor', 'Missions.submit_deliverable')).toBe(true);
    expect(allows('MissionContributor', 'Missions.create_mission')).toBe(false);
    expect(allows('MissionContributor', 'Missions.approve_milestone')).toBe(false);
    expect(allows('MissionManager', 'Missions.approve_milestone')).toBe(true);
    expect(allows('NonTransfer', 'Balances.transfer_keep_alive')).toBe(false);
    expect(allows('Governance', 'Council.vote')).toBe(true);
    expect(allows('Any', 'Balances.transfer_keep_alive')).toBe(true);
  });

  it('reads batches and nested proxy calls as the runtime’s filter does: every call inside must pass', () => {
    const commit = call('Missions', 'commit');
    const transfer = call('Balances', 'transfer_keep_alive');
    expect(allowsCall('MissionContributor', call('Utility', 'batch_all', { calls: [commit, commit] }))).toBe(true);
    expect(allowsCall('MissionContributor', call('Utility', 'batch', { calls: [commit, transfer] }))).toBe(false);
    expect(allowsCall('MissionContributor', call('Proxy', 'proxy', { call: transfer }))).toBe(false);
    expect(allowsCall('MissionContributor', call('Proxy', 'proxy', { call: commit }))).toBe(true);
  });

  it('knows the calls of every mission action, and each is a call some proxy type lists', () => {
    const listed = new Set(Object.values(PROXY_ALLOWS).flat());
    for (const calls of Object.values(ACTION_CALLS)) for (const c of calls) expect(listed, c).toContain(c);
  });

  it('keeps only the actions the type allows', () => {
    const actions = [
      { type: 'Commit', value: undefined },
      { type: 'AcceptCommitment', value: { who: 'x' } },
      { type: 'Review', value: { milestone: 0 } },
      { type: 'Cancel', value: undefined },
    ] as unknown as MissionAction[];
    expect(actionsFor('MissionContributor', actions).map((a) => a.type)).toEqual(['Commit']);
    // Rejecting a milestone is allowed to NonTransfer (approving pays, and is not): the review stays.
    expect(actionsFor('NonTransfer', actions).map((a) => a.type)).toEqual(['Review', 'Cancel']);
    expect(actionsFor('Any', actions)).toHaveLength(4);
  });
});

describe('the accounts one may act for', () => {
  it('are those whose proxy lists name it, with type and delay', () => {
    const entries = [
      {
        keyArgs: ['firm'] as [string],
        value: [
          [
            { delegate: 'me', proxy_type: { type: 'MissionContributor' }, delay: 0 },
            { delegate: 'other', proxy_type: { type: 'Any' }, delay: 0 },
          ],
          0n,
        ] as const,
      },
      {
        keyArgs: ['boss'] as [string],
        value: [[{ delegate: 'me', proxy_type: { type: 'Governance' }, delay: 10 }], 0n] as const,
      },
      {
        keyArgs: ['stranger'] as [string],
        value: [[{ delegate: 'other', proxy_type: { type: 'Any' }, delay: 0 }], 0n] as const,
      },
    ];
    expect(delegationsOf('me', entries)).toEqual([
      { real: 'boss', proxyType: 'Governance', delay: 10 },
      { real: 'firm', proxyType: 'MissionContributor', delay: 0 },
    ]);
    expect(delegationsOf('nobody', entries)).toEqual([]);
  });
});
