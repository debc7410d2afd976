// Who may do what on a mission, as the chain says: `MissionsApi.mission_actions`
// (every call an account may make on one mission now: the pallet runs each
// through its own checks and rolls it back) and `MissionsApi.pending_actions`
// (what awaits an account). The mission page and the home page read both
// through this module; neither works the pallet's rules out again.

import type { Api } from '../chain';
import i18n from '../i18n';

export type MissionAction = Awaited<ReturnType<Api['apis']['MissionsApi']['mission_actions']>>[number];
export type PendingAction = Awaited<ReturnType<Api['apis']['MissionsApi']['pending_actions']>>[number];
type Hash = `0x${string}`;

/** What an account may do on one mission, for the page to look up. */
export interface Offered {
  commit: boolean;
  withdraw: boolean;
  /** Accounts whose commitment the owner may accept. */
  accept: Set<string>;
  /** Accounts whose commitment the owner may turn down (pending) or remove (accepted). */
  reject: Set<string>;
  propose: boolean;
  /** The terms hash to sign, if the account may sign. */
  sign?: Hash;
  deliver: Set<number>;
  review: Set<number>;
  dispute: Set<number>;
  abandon: boolean;
  cancel: boolean;
  close: boolean;
  amend: boolean;
  /** The amended terms' hash to agree to, if the account may. */
  agree?: Hash;
  withdrawAmendment: boolean;
  /** Anything at all. */
  any: boolean;
}

/** The chain's answer, arranged for the page. */
export function offered(actions: readonly MissionAction[]): Offered {
  const o: Offered = {
    commit: false,
    withdraw: false,
    accept: new Set(),
    reject: new Set(),
    propose: false,
    deliver: new Set(),
    review: new Set(),
    dispute: new Set(),
    abandon: false,
    cancel: false,
    close: false,
    amend: false,
    withdrawAmendment: false,
    any: actions.length > 0,
  };
  for (const a of actions) {
    switch (a.type) {
      case 'Commit':
        o.commit = true;
        break;
      case 'WithdrawCommitment':
        o.withdraw = true;
        break;
      case 'AcceptCommitment':
        o.accept.add(a.value.who);
        break;
      case 'RejectCommitment':
        o.reject.add(a.value.who);
        break;
      case 'ProposeTerms':
        o.propose = true;
        break;
      case 'SignTerms':
        o.sign = a.value.terms_hash as Hash;
        break;
      case 'Deliver':
        o.deliver.add(a.value.milestone);
        break;
      case 'Review':
        o.review.add(a.value.milestone);
        break;
      case 'Dispute':
        o.dispute.add(a.value.milestone);
        break;
      case 'Abandon':
        o.abandon = true;
        break;
      case 'Cancel':
        o.cancel = true;
        break;
      case 'CloseExpired':
        o.close = true;
        break;
      case 'Amend':
        o.amend = true;
        break;
      case 'AgreeAmendment':
        o.agree = a.value.terms_hash as Hash;
        break;
      case 'WithdrawAmendment':
        o.withdrawAmendment = true;
        break;
    }
  }
  return o;
}

/** Nothing offered: before the chain answered, or with no account chosen. */
export const NOTHING: Offered = offered([]);

/** The mission call an awaiting item asks for (the same action the mission page offers). */
export function actionOf(p: PendingAction): { mission: number; action: MissionAction } {
  const mission = p.value.mission;
  switch (p.type) {
    case 'DecideCommitment':
      return { mission, action: { type: 'AcceptCommitment', value: { who: p.value.who } } };
    case 'ProposeTerms':
      return { mission, action: { type: 'ProposeTerms', value: undefined } };
    case 'SignTerms':
      return { mission, action: { type: 'SignTerms', value: { terms_hash: p.value.terms_hash } } };
    case 'Deliver':
      return { mission, action: { type: 'Deliver', value: { milestone: p.value.milestone } } };
    case 'Review':
      return { mission, action: { type: 'Review', value: { milestone: p.value.milestone } } };
    case 'Withdraw':
      return { mission, action: { type: 'WithdrawCommitment', value: undefined } };
    case 'AgreeAmendment':
      return { mission, action: { type: 'AgreeAmendment', value: { terms_hash: p.value.terms_hash } } };
    case 'Dispute':
      return { mission, action: { type: 'Dispute', value: { milestone: p.value.milestone } } };
  }
}

/**
 * The transaction for an action that needs nothing more than the chain's answer
 * (no amount, file or text to choose), with the label the transaction list
 * shows; `undefined` for those that need a form (commit, deliver, review, amend)
 * or a signature over terms the page shows first (sign, agree).
 */
export function directCall(
  api: Api,
  mission: number,
  a: MissionAction,
  /** For `RejectCommitment`: whether the commitment was accepted (removal) or pending (turning down). */
  accepted = false,
): { label: string; tx: ReturnType<Api['tx']['Missions']['propose_terms']> } | undefined {
  const M = api.tx.Missions;
  switch (a.type) {
    case 'WithdrawCommitment':
      return { label: i18n.t('txLabel.withdraw', { mission }), tx: M.withdraw_commitment({ mission }) };
    case 'AcceptCommitment':
      return {
        label: i18n.t('txLabel.accept', { mission }),
        tx: M.accept_commitment({ mission, who: a.value.who }),
      };
    case 'RejectCommitment':
      return {
        label: accepted ? i18n.t('txLabel.removeFromRoster', { mission }) : i18n.t('txLabel.turnDown', { mission }),
        tx: M.reject_commitment({ mission, who: a.value.who }),
      };
    case 'ProposeTerms':
      return { label: i18n.t('txLabel.proposeTerms', { mission }), tx: M.propose_terms({ mission }) };
    case 'Dispute':
      return {
        label: i18n.t('txLabel.dispute', { milestone: a.value.milestone + 1 }),
        tx: M.dispute_milestone({ mission, milestone: a.value.milestone }),
      };
    case 'Abandon':
      return { label: i18n.t('txLabel.abandon', { mission }), tx: M.abandon({ mission }) };
    case 'Cancel':
      return { label: i18n.t('txLabel.cancel', { mission }), tx: M.cancel_mission({ mission }) };
    case 'CloseExpired':
      return { label: i18n.t('txLabel.close', { mission }), tx: M.close_expired({ mission }) };
    case 'WithdrawAmendment':
      return { label: i18n.t('txLabel.withdrawChange', { mission }), tx: M.withdraw_amendment({ mission }) };
    default:
      return undefined;
  }
}

/** An awaiting item in plain words (a notification's text), in the board's language; `names` gives accounts their names. */
export function describeAwaiting(
  p: PendingAction,
  names: (address: string) => string | undefined = () => undefined,
): string {
  const mission = p.value.mission;
  switch (p.type) {
    case 'DecideCommitment':
      return i18n.t('awaiting.decide', { who: names(p.value.who) ?? p.value.who, mission });
    case 'ProposeTerms':
      return i18n.t('awaiting.propose', { mission });
    case 'SignTerms':
      return i18n.t('awaiting.sign', { mission });
    case 'Deliver':
      return i18n.t('awaiting.deliver', { mission, milestone: p.value.milestone + 1 });
    case 'Review':
      return i18n.t('awaiting.review', { mission, milestone: p.value.milestone + 1 });
    case 'Withdraw':
      return i18n.t('awaiting.withdraw', { mission });
    case 'AgreeAmendment':
      return i18n.t('awaiting.agree', { mission });
    case 'Dispute':
      return i18n.t('awaiting.dispute', { mission, milestone: p.value.milestone + 1 });
  }
}

/** An awaiting item's identity: the same item at the next block is not new. */
export const awaitingKey = (p: PendingAction) =>
  JSON.stringify(p, (_, v) => (typeof v === 'bigint' ? v.toString() : v));

/** The items of `now` that were not in `before` (keys), in order. */
export function newlyAwaiting(before: ReadonlySet<string>, now: readonly PendingAction[]): PendingAction[] {
  return now.filter((p) => !before.has(awaitingKey(p)));
}
