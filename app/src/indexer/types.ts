// Generated from indexer/src/answers.rs by its test (PEER_WRITE_TYPES=1 cargo test -p peer-indexer answers).
// Do not edit: the test fails while this file differs from what it generates.

export type Health = { 
/**
 * The last block written, if any.
 */
indexed: number | null, events: number, };

export type IndexedMission = { id: number, owner: string, 
/**
 * In the mission's asset's smallest unit.
 */
budget: string, deadline: number, status: MissionPhase, 
/**
 * The block it was created in.
 */
created: number, 
/**
 * The block it completed, was cancelled or expired in.
 */
ended: number | null, };

export type MissionAccount = { account: string, role: Role, };

export type MissionHistory = { accounts: Array<MissionAccount>, timeline: Array<IndexedEvent>, id: number, owner: string, 
/**
 * In the mission's asset's smallest unit.
 */
budget: string, deadline: number, status: MissionPhase, 
/**
 * The block it was created in.
 */
created: number, 
/**
 * The block it completed, was cancelled or expired in.
 */
ended: number | null, };

export type IndexedEvent = { block: number, 
/**
 * The block's time, ms since the epoch.
 */
time: number, index: number, extrinsic: number | null, pallet: string, name: string, 
/**
 * The event's fields as JSON text, named as the block's runtime names them.
 */
detail: string, mission: number | null, signer: string | null, 
/**
 * The account the signer acted for (a proxy's real account, a multisig).
 */
real: string | null, };

export type IndexedMotion = { hash: string, index: number, proposer: string, threshold: number, 
/**
 * The call proposed, `Pallet.call {json}`, if it was found.
 */
call: string | null, status: string, executed: boolean | null, block: number, votes: Array<IndexedVote>, };

export type IndexedVote = { account: string, aye: boolean, block: number, };

export type StatementPage = { account: string, 
/**
 * `PEER` or an asset's id.
 */
asset: string, lines: Array<StatementEntry>, 
/**
 * The change of free balance over the whole period.
 */
free_total: string, 
/**
 * Lines in the whole period.
 */
total_lines: number, 
/**
 * Where the next page starts, if there is one.
 */
next_offset: number | null, };

export type StatementEntry = { block: number, time: number, extrinsic: number | null, 
/**
 * What the movement is: one of `extract::Kind`'s words.
 */
kind: MovementKind, mission: number | null, free: string, held: string, };

export type IndexerError = { error: string, };

export type MissionPhase = "recruiting" | "agreeing" | "active" | "completed" | "cancelled" | "expired";

export type Role = "owner" | "committed" | "contributor";

export type MultisigCall = { hash: string, 
/**
 * The call's SCALE encoding, `0x…`.
 */
data: string, };

export type DocumentAnswer = { 
/**
 * Its blake2-256, `0x…`: the hash the chain holds.
 */
hash: string, mission: number, kind: DocumentKind, milestone: number | null, name: string, 
/**
 * As sniffed by the store, never as the uploader said.
 */
content_type: string, size: number, 
/**
 * The key that signed the upload.
 */
uploader: string, 
/**
 * The account it spoke for (the signer, a firm's multisig, or the proxied account).
 */
account: string, 
/**
 * When it was uploaded (ms since the epoch).
 */
uploaded: number, 
/**
 * Whether the chain does not hold its hash yet.
 */
pending: boolean, 
/**
 * The text, for a text document of at most 64 KiB in a listing.
 */
text: string | null, };

export type DocumentChallenge = { challenge: string, 
/**
 * Seconds it may be answered in.
 */
expires_in: number, };

export type DocumentRefused = { error: string, code: string, };

export type MovementKind =
  | "bond burned"
  | "bond forfeited"
  | "bond held"
  | "bond paid"
  | "bond received on hold"
  | "bond released"
  | "burned"
  | "deposit"
  | "dust lost"
  | "endowed"
  | "escrow burned"
  | "escrow held"
  | "escrow paid"
  | "escrow received on hold"
  | "escrow refunded"
  | "fee"
  | "forfeited bond received"
  | "issued"
  | "kept payment claimed"
  | "minted"
  | "mission deposit burned"
  | "mission deposit held"
  | "mission deposit paid"
  | "mission deposit received on hold"
  | "mission deposit received"
  | "mission deposit released"
  | "mission deposit transferred"
  | "payout from escrow"
  | "payout received"
  | "reserve received"
  | "reserve repatriated"
  | "reserved"
  | "restored"
  | "slashed"
  | "suspended"
  | "transfer in"
  | "transfer out (approved)"
  | "transfer out"
  | "unreserved"
  | "withdrawn"
  | `${string} held`
  | `${string} released`
  | `${string} burned`
  | `${string} transferred`
  | `${string} received`
  | `${string} paid`
  | `${string} received on hold`;

/** What a document is to its mission. */
export type DocumentKind = "description" | "milestone" | "deliverable" | "rejection" | "statement";

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["description", "milestone", "deliverable", "rejection", "statement"];

/** Every phase, in the order a mission goes through them. */
export const MISSION_PHASES: readonly MissionPhase[] = ["recruiting", "agreeing", "active", "completed", "cancelled", "expired"];

/** The phases of a mission that is over. */
export const ENDED_PHASES: readonly MissionPhase[] = ["completed", "cancelled", "expired"];
