// Missions as the board shows them, read straight from the pallet's storage
// (typed by the generated descriptors): the roster in acceptance order, as
// the terms hash needs it, and each milestone's latest deliverable.

import type { Api } from './chain';
import { termsHash } from './lib/terms';

const decoder = new TextDecoder();

export type Loaded<T> = T extends Promise<infer U> ? U : never;
type Raw = NonNullable<Loaded<ReturnType<Api['query']['Missions']['LiveMissions']['getValue']>>>;
export type MilestoneStatus = Raw['milestones'][number]['status'];

export interface Mission {
  id: number;
  owner: string;
  title: string;
  contentHash: string;
  uri?: string;
  phase: 'Recruiting' | 'Agreeing' | 'Active';
  /** The terms hash on chain, once proposed. */
  termsHash?: string;
  deadline: number;
  reviewEnds: number;
  options: Raw['options'];
  /** What the milestones, escrow, payouts and refunds are in. */
  asset: Raw['asset'];
  roster: { account: string; share: number }[];
  pending: number;
  budget: bigint;
  paid: bigint;
  refunded: bigint;
  escrowed: bigint;
  deposit: bigint;
  created: number;
  milestones: { index: number; descriptionHash: string; amount: bigint; status: MilestoneStatus }[];
}

export function fromRaw(id: number, m: Raw): Mission {
  const status = m.status;
  return {
    id,
    owner: m.owner,
    title: decoder.decode(m.metadata.title),
    contentHash: m.metadata.content_hash,
    uri: m.metadata.uri ? decoder.decode(m.metadata.uri) : undefined,
    phase: status.type,
    termsHash: status.type === 'Recruiting' ? undefined : status.value.terms_hash,
    deadline: m.deadline,
    reviewEnds: m.deadline + m.review_period,
    options: m.options,
    asset: m.asset,
    roster: m.roster.map(([account, share]) => ({ account, share })),
    pending: m.pending,
    budget: m.budget,
    paid: m.paid,
    refunded: m.refunded,
    escrowed: m.budget - m.paid - m.refunded,
    deposit: m.deposit,
    created: m.created,
    milestones: m.milestones.map((ms, index) => ({
      index,
      descriptionHash: ms.description_hash,
      amount: ms.amount,
      status: ms.status,
    })),
  };
}

export const settled = (s: MilestoneStatus) => s.type === 'Paid' || s.type === 'Split';

export async function loadMissions(api: Api, at: string): Promise<Mission[]> {
  const entries = await api.query.Missions.LiveMissions.getEntries({ at });
  return entries.map((e) => fromRaw(e.keyArgs[0], e.value)).sort((a, b) => b.id - a.id);
}

export interface Commitment {
  who: string;
  share: number;
  bond: bigint;
  roleHash: string;
  accepted: boolean;
  signed: boolean;
  delivered: boolean;
}

export interface Deliverable {
  submitter: string;
  contentHash: string;
  uri?: string;
  version: number;
  submitted: number;
}

export interface MissionDetail {
  mission: Mission;
  commitments: Commitment[];
  deliverables: Map<number, Deliverable>;
  /** The terms hash recomputed here from what the page shows. */
  recomputedTerms: string;
  /** A change of an active mission's terms awaiting every contributor's agreement. */
  amendment?: Amendment;
}

export interface Amendment {
  topUps: { index: number; amount: bigint }[];
  added: { descriptionHash: string; amount: bigint }[];
  deadline: number;
  termsHash: string;
  agreed: string[];
  escrow: bigint;
  /** The amended terms' hash recomputed here from what the page shows. */
  recomputed: string;
  /** The amended milestones, as the page shows them. */
  milestones: { description_hash: string; amount: bigint }[];
}

export async function loadMission(api: Api, id: number, at: string): Promise<MissionDetail | null> {
  const [raw, cs, ds, am] = await Promise.all([
    api.query.Missions.LiveMissions.getValue(id, { at }),
    api.query.Missions.Commitments.getEntries(id, { at }),
    api.query.Missions.Deliverables.getEntries(id, { at }),
    api.query.Missions.Amendments.getValue(id, { at }),
  ]);
  if (!raw) return null;
  const mission = fromRaw(id, raw);
  const commitments = cs.map((c) => ({
    who: c.keyArgs[1],
    share: c.value.share,
    bond: c.value.bond,
    roleHash: c.value.role_hash,
    accepted: c.value.status.type === 'Accepted',
    signed: c.value.signed,
    delivered: c.value.delivered,
  }));
  const deliverables = new Map(
    ds.map((d) => [
      d.keyArgs[1],
      {
        submitter: d.value.submitter,
        contentHash: d.value.content_hash,
        uri: d.value.uri ? decoder.decode(d.value.uri) : undefined,
        version: d.value.version,
        submitted: d.value.submitted,
      },
    ]),
  );
  const recomputedTerms = termsHash({
    mission: id,
    milestones: mission.milestones.map((m) => ({ description_hash: m.descriptionHash, amount: m.amount })),
    roster: mission.roster,
    deadline: mission.deadline,
  });
  let amendment: Amendment | undefined;
  if (am) {
    // The amended terms: each top-up added to its milestone, new milestones after.
    const milestones = mission.milestones.map((m) => ({ description_hash: m.descriptionHash, amount: m.amount }));
    for (const [index, amount] of am.top_ups) if (milestones[index]) milestones[index].amount += amount;
    for (const [hash, amount] of am.added) milestones.push({ description_hash: hash, amount });
    amendment = {
      topUps: am.top_ups.map(([index, amount]) => ({ index, amount })),
      added: am.added.map(([descriptionHash, amount]) => ({ descriptionHash, amount })),
      deadline: am.deadline,
      termsHash: am.terms_hash,
      agreed: am.agreed,
      escrow: am.escrow,
      milestones,
      recomputed: termsHash({ mission: id, milestones, roster: mission.roster, deadline: am.deadline }),
    };
  }
  return { mission, commitments, deliverables, recomputedTerms, amendment };
}

/** The mission parameters the council sets (stored value, else the runtime's default). */
export async function missionParams(api: Api, at: string) {
  const read = async <K extends 'MissionDeposit' | 'MinimumBudget' | 'MinimumBond' | 'ReviewPeriod' | 'MinWorkingTime'>(
    key: K,
  ) => {
    const v = await api.query.Parameters.Parameters.getValue({ type: 'Missions', value: { type: key } } as never, {
      at,
    });
    return v === undefined ? undefined : ((v as { value: { value: unknown } }).value.value as bigint | number);
  };
  const [deposit, minBudget, minBond, review, minWorking] = await Promise.all([
    read('MissionDeposit'),
    read('MinimumBudget'),
    read('MinimumBond'),
    read('ReviewPeriod'),
    read('MinWorkingTime'),
  ]);
  const c = api.constants.Missions;
  return {
    missionDeposit: (deposit as bigint | undefined) ?? (await c.MissionDeposit()),
    minimumBudget: (minBudget as bigint | undefined) ?? (await c.MinimumBudget()),
    minimumBond: (minBond as bigint | undefined) ?? (await c.MinimumBond()),
    reviewPeriod: (review as number | undefined) ?? (await c.ReviewPeriod()),
    minWorkingTime: (minWorking as number | undefined) ?? (await c.MinWorkingTime()),
    disputePeriod: await c.DisputePeriod(),
    maxMilestones: await c.MaxMilestones(),
    maxDuration: await c.MaxDuration(),
    maxTitleLen: await c.MaxTitleLen(),
    maxUriLen: await c.MaxUriLen(),
    maxContributors: await c.MaxContributors(),
  };
}
export type MissionParams = Loaded<ReturnType<typeof missionParams>>;
