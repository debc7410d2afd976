import { describe, expect, it } from 'vitest';
import type { Api } from '../chain';
import {
  actionOf,
  awaitingKey,
  describeAwaiting,
  directCall,
  newlyAwaiting,
  NOTHING,
  offered,
  type MissionAction,
  type PendingAction,
} from './actions';

const DAVE = '5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy';
const H = `0x${'ab'.repeat(32)}` as const;

describe('offered', () => {
  it('arranges the chain’s answer for the page, and offers nothing when there is none', () => {
    const actions: MissionAction[] = [
      { type: 'AcceptCommitment', value: { who: DAVE } },
      { type: 'RejectCommitment', value: { who: DAVE } },
      { type: 'Deliver', value: { milestone: 0 } },
      { type: 'Deliver', value: { milestone: 2 } },
      { type: 'Review', value: { milestone: 1 } },
      { type: 'SignTerms', value: { terms_hash: H } },
      { type: 'CloseExpired', value: undefined },
    ];
    const o = offered(actions);
    expect([...o.accept]).toEqual([DAVE]);
    expect([...o.reject]).toEqual([DAVE]);
    expect([...o.deliver]).toEqual([0, 2]);
    expect(o.review.has(1) && !o.review.has(0)).toBe(true);
    expect(o.sign).toBe(H);
    expect(o.close).toBe(true);
    expect(o.commit || o.cancel || o.abandon || o.amend || o.propose || o.withdraw).toBe(false);
    expect(o.any).toBe(true);
    expect(NOTHING.any).toBe(false);
    expect(NOTHING.deliver.size + NOTHING.accept.size).toBe(0);
  });
});

describe('actionOf', () => {
  it('maps every awaiting item to the mission action the page offers for it', () => {
    const cases: [PendingAction, MissionAction][] = [
      [
        { type: 'DecideCommitment', value: { mission: 1, who: DAVE } },
        { type: 'AcceptCommitment', value: { who: DAVE } },
      ],
      [
        { type: 'ProposeTerms', value: { mission: 1 } },
        { type: 'ProposeTerms', value: undefined },
      ],
      [
        { type: 'SignTerms', value: { mission: 1, terms_hash: H } },
        { type: 'SignTerms', value: { terms_hash: H } },
      ],
      [
        { type: 'Deliver', value: { mission: 1, milestone: 3 } },
        { type: 'Deliver', value: { milestone: 3 } },
      ],
      [
        { type: 'Review', value: { mission: 1, milestone: 3 } },
        { type: 'Review', value: { milestone: 3 } },
      ],
      [
        { type: 'Withdraw', value: { mission: 1 } },
        { type: 'WithdrawCommitment', value: undefined },
      ],
      [
        { type: 'AgreeAmendment', value: { mission: 1, terms_hash: H } },
        { type: 'AgreeAmendment', value: { terms_hash: H } },
      ],
      [
        { type: 'Dispute', value: { mission: 1, milestone: 0 } },
        { type: 'Dispute', value: { milestone: 0 } },
      ],
    ];
    for (const [pending, action] of cases) expect(actionOf(pending)).toEqual({ mission: 1, action });
  });
});

describe('directCall', () => {
  // A stand-in for the typed API: each call records its name and arguments.
  const api = {
    tx: {
      Missions: new Proxy({}, { get: (_, name) => (args: unknown) => ({ name, args }) }),
    },
  } as unknown as Api;

  it('builds the call for actions that need no form, with the label the transaction list shows', () => {
    expect(directCall(api, 7, { type: 'AcceptCommitment', value: { who: DAVE } })).toEqual({
      label: 'Accept commitment on mission 7',
      tx: { name: 'accept_commitment', args: { mission: 7, who: DAVE } },
    });
    expect(directCall(api, 7, { type: 'RejectCommitment', value: { who: DAVE } })?.label).toBe(
      'Turn down commitment on mission 7',
    );
    expect(directCall(api, 7, { type: 'RejectCommitment', value: { who: DAVE } }, true)?.label).toBe(
      'Remove from roster of mission 7',
    );
    expect(directCall(api, 7, { type: 'Dispute', value: { milestone: 1 } })).toEqual({
      label: 'Dispute milestone 2',
      tx: { name: 'dispute_milestone', args: { mission: 7, milestone: 1 } },
    });
    for (const [type, name] of [
      ['WithdrawCommitment', 'withdraw_commitment'],
      ['ProposeTerms', 'propose_terms'],
      ['Abandon', 'abandon'],
      ['Cancel', 'cancel_mission'],
      ['CloseExpired', 'close_expired'],
      ['WithdrawAmendment', 'withdraw_amendment'],
    ] as const) {
      expect(directCall(api, 7, { type, value: undefined })?.tx).toEqual({ name, args: { mission: 7 } });
    }
  });

  it('leaves to a form what needs an amount, a file, a text or a signature over shown terms', () => {
    const formed: MissionAction[] = [
      { type: 'Commit', value: undefined },
      { type: 'Deliver', value: { milestone: 0 } },
      { type: 'Review', value: { milestone: 0 } },
      { type: 'Amend', value: undefined },
      { type: 'SignTerms', value: { terms_hash: H } },
      { type: 'AgreeAmendment', value: { terms_hash: H } },
    ];
    for (const a of formed) expect(directCall(api, 7, a)).toBeUndefined();
  });
});

describe('what newly awaits', () => {
  const a: PendingAction = { type: 'Deliver', value: { mission: 4, milestone: 1 } };
  const b: PendingAction = { type: 'DecideCommitment', value: { mission: 4, who: DAVE } };
  it('is what was not there before, by value', () => {
    const before = new Set([awaitingKey({ type: 'Deliver', value: { mission: 4, milestone: 1 } })]);
    expect(newlyAwaiting(before, [a, b])).toEqual([b]);
    expect(newlyAwaiting(new Set([a, b].map(awaitingKey)), [a, b])).toEqual([]);
  });
  it('is said in plain words, accounts by name where known', () => {
    expect(describeAwaiting(a)).toBe('Deliver milestone 2 of mission 4.');
    expect(describeAwaiting(b, (x) => (x === DAVE ? 'Dave' : undefined))).toBe(
      'Dave committed to mission 4: accept or turn down.',
    );
    expect(describeAwaiting({ type: 'Withdraw', value: { mission: 9 } })).toBe(
      'Mission 9 started without you: withdraw to get the bond back.',
    );
  });
});
