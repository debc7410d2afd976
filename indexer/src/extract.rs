//! From a decoded block to what the store keeps: every event with who signed
//! its extrinsic (and, through a proxy, on whose behalf), its fields as JSON,
//! the accounts and mission it names, the balance movements it makes, and the
//! changes it makes to a mission's phase or a council motion.
//!
//! Events are read by pallet, event and field names from the metadata of the
//! runtime that emitted them (`decode`), so one build reads a chain across
//! upgrades: a field added to an event is simply there, a renamed one is
//! missed loudly (see [`Class`]).

use crate::decode::{
	call_parts, field, ss58, uint, variant, Event, Extrinsic, Fields, Runtime, Val,
};
use sp_core::H256;
use std::fmt;

/// One block, ready to be written in one transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedBlock {
	pub number: u32,
	pub hash: H256,
	/// The parent block's hash: the store refuses a block that does not follow
	/// the one it holds.
	pub parent: H256,
	/// Milliseconds since the Unix epoch (`Timestamp.Now`).
	pub time_ms: u64,
	/// The runtime that produced the block (its `spec_version`).
	pub spec_version: u32,
	pub events: Vec<IndexedEvent>,
	/// The calls the block's extrinsics hand to a multisig (`Multisig.as_multi`),
	/// by their hash: `pallet-multisig` keeps only the hash, and a director
	/// approving later needs the call to see what it approves.
	pub multisig_calls: Vec<(H256, Vec<u8>)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEvent {
	/// The event's index in the block.
	pub index: u32,
	/// The extrinsic that emitted it, if any.
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub name: String,
	/// Its fields as JSON (accounts in SS58, large numbers as strings).
	pub detail: String,
	/// The mission it concerns (missions and reputation events).
	pub mission: Option<u32>,
	/// Every account it names, as SS58.
	pub accounts: Vec<String>,
	/// The account that signed the extrinsic.
	pub signer: Option<String>,
	/// Through `proxy.proxy`: the account the signer acted for.
	pub real: Option<String>,
	pub movements: Vec<Movement>,
	pub mission_change: Option<MissionChange>,
	pub motion_change: Option<MotionChange>,
}

/// A change of an account's balance in one asset (PEER or an asset the
/// council created), free and held, in its smallest unit (plancks for PEER).
#[derive(Debug, Clone, PartialEq)]
pub struct Movement {
	/// `PEER`, or the id of the asset (a number).
	pub asset: String,
	pub account: String,
	pub kind: Kind,
	pub free: i128,
	pub held: i128,
}

/// Why funds are held, in the words of statements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
	Escrow,
	Bond,
	MissionDeposit,
	/// Another pallet's hold: `Pallet(Reason)`.
	Other(String),
}

impl fmt::Display for Reason {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		match self {
			Reason::Escrow => f.write_str("escrow"),
			Reason::Bond => f.write_str("bond"),
			Reason::MissionDeposit => f.write_str("mission deposit"),
			Reason::Other(r) => f.write_str(r),
		}
	}
}

/// What a movement is. Its words (`Display`) are what statements show and the
/// store keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
	Endowed,
	DustLost,
	TransferOut,
	TransferOutApproved,
	TransferIn,
	Reserved,
	Unreserved,
	ReserveRepatriated,
	ReserveReceived,
	Deposit,
	/// `Balances.Withdraw`: the transaction fee.
	Fee,
	Withdrawn,
	Slashed,
	Minted,
	Issued,
	Burned,
	Suspended,
	Restored,
	Held(Reason),
	Released(Reason),
	BurnedHeld(Reason),
	/// Held funds moved to another account's free balance (a payout, a forfeit).
	HoldTransferred(Reason),
	HoldReceived(Reason),
	PaidIntoHold(Reason),
	ReceivedOnHold(Reason),
	/// A payout in an asset (the missions pallet's own event says it).
	PayoutReceived,
	KeptPaymentClaimed,
}

impl fmt::Display for Kind {
	fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
		use Kind::*;
		match self {
			Endowed => f.write_str("endowed"),
			DustLost => f.write_str("dust lost"),
			TransferOut => f.write_str("transfer out"),
			TransferOutApproved => f.write_str("transfer out (approved)"),
			TransferIn => f.write_str("transfer in"),
			Reserved => f.write_str("reserved"),
			Unreserved => f.write_str("unreserved"),
			ReserveRepatriated => f.write_str("reserve repatriated"),
			ReserveReceived => f.write_str("reserve received"),
			Deposit => f.write_str("deposit"),
			Fee => f.write_str("fee"),
			Withdrawn => f.write_str("withdrawn"),
			Slashed => f.write_str("slashed"),
			Minted => f.write_str("minted"),
			Issued => f.write_str("issued"),
			Burned => f.write_str("burned"),
			Suspended => f.write_str("suspended"),
			Restored => f.write_str("restored"),
			Held(r) => write!(f, "{r} held"),
			Released(Reason::Escrow) => f.write_str("escrow refunded"),
			Released(r) => write!(f, "{r} released"),
			BurnedHeld(r) => write!(f, "{r} burned"),
			HoldTransferred(Reason::Escrow) => f.write_str("payout from escrow"),
			HoldTransferred(Reason::Bond) => f.write_str("bond forfeited"),
			HoldTransferred(r) => write!(f, "{r} transferred"),
			HoldReceived(Reason::Escrow) | PayoutReceived => f.write_str("payout received"),
			HoldReceived(Reason::Bond) => f.write_str("forfeited bond received"),
			HoldReceived(r) => write!(f, "{r} received"),
			PaidIntoHold(r) => write!(f, "{r} paid"),
			ReceivedOnHold(r) => write!(f, "{r} received on hold"),
			KeptPaymentClaimed => f.write_str("kept payment claimed"),
		}
	}
}

/// Kind's words for the board's generated types (`answers.rs`, its test).
#[cfg(test)]
impl Kind {
	/// How many variants `Kind` has; `variant` numbers them.
	const VARIANTS: usize = 27;

	/// The variant's number (a new variant fails to compile here until numbered).
	fn variant(&self) -> usize {
		use Kind::*;
		match self {
			Endowed => 0,
			DustLost => 1,
			TransferOut => 2,
			TransferOutApproved => 3,
			TransferIn => 4,
			Reserved => 5,
			Unreserved => 6,
			ReserveRepatriated => 7,
			ReserveReceived => 8,
			Deposit => 9,
			Fee => 10,
			Withdrawn => 11,
			Slashed => 12,
			Minted => 13,
			Issued => 14,
			Burned => 15,
			Suspended => 16,
			Restored => 17,
			Held(_) => 18,
			Released(_) => 19,
			BurnedHeld(_) => 20,
			HoldTransferred(_) => 21,
			HoldReceived(_) => 22,
			PaidIntoHold(_) => 23,
			ReceivedOnHold(_) => 24,
			PayoutReceived => 25,
			KeptPaymentClaimed => 26,
		}
	}

	/// The variants that carry a hold reason.
	fn with_reason() -> [fn(Reason) -> Kind; 7] {
		use Kind::*;
		[Held, Released, BurnedHeld, HoldTransferred, HoldReceived, PaidIntoHold, ReceivedOnHold]
	}

	/// Every kind of movement, each reason-carrying one with each of Peer's
	/// reasons: all the words a statement can show but another pallet's hold.
	pub fn examples() -> Vec<Kind> {
		use Kind::*;
		let mut all = vec![
			Endowed,
			DustLost,
			TransferOut,
			TransferOutApproved,
			TransferIn,
			Reserved,
			Unreserved,
			ReserveRepatriated,
			ReserveReceived,
			Deposit,
			Fee,
			Withdrawn,
			Slashed,
			Minted,
			Issued,
			Burned,
			Suspended,
			Restored,
			PayoutReceived,
			KeptPaymentClaimed,
		];
		for with in Self::with_reason() {
			for reason in [Reason::Escrow, Reason::Bond, Reason::MissionDeposit] {
				all.push(with(reason));
			}
		}
		all
	}

	/// The words of a movement held for another pallet's reason, as TypeScript
	/// template patterns (`${string} held`).
	pub fn other_patterns() -> Vec<String> {
		Self::with_reason()
			.into_iter()
			.map(|with| with(Reason::Other("${string}".into())).to_string())
			.collect()
	}
}

/// A mission's phase in the history. Its serde names are the store's, the
/// API's and (generated, `answers.rs`) the board's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum MissionPhase {
	Recruiting,
	Agreeing,
	Active,
	Completed,
	Cancelled,
	Expired,
}

impl MissionPhase {
	/// Every phase, in the order a mission goes through them.
	pub const ALL: [MissionPhase; 6] = [
		MissionPhase::Recruiting,
		MissionPhase::Agreeing,
		MissionPhase::Active,
		MissionPhase::Completed,
		MissionPhase::Cancelled,
		MissionPhase::Expired,
	];

	/// Its serde name (a test holds the two equal).
	pub fn as_str(self) -> &'static str {
		match self {
			MissionPhase::Recruiting => "recruiting",
			MissionPhase::Agreeing => "agreeing",
			MissionPhase::Active => "active",
			MissionPhase::Completed => "completed",
			MissionPhase::Cancelled => "cancelled",
			MissionPhase::Expired => "expired",
		}
	}

	/// Whether the mission is over.
	pub fn ended(self) -> bool {
		matches!(self, MissionPhase::Completed | MissionPhase::Cancelled | MissionPhase::Expired)
	}

	/// The phase named `word` (its serde name).
	pub fn from_word(word: &str) -> Option<MissionPhase> {
		Self::ALL.into_iter().find(|p| p.as_str() == word)
	}
}

/// How an account took part in a mission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum Role {
	/// Posted it.
	Owner,
	/// Committed to it (pending or accepted).
	Committed,
	Contributor,
}

impl Role {
	pub const ALL: [Role; 3] = [Role::Owner, Role::Committed, Role::Contributor];

	/// Its serde name (a test holds the two equal).
	pub fn as_str(self) -> &'static str {
		match self {
			Role::Owner => "owner",
			Role::Committed => "committed",
			Role::Contributor => "contributor",
		}
	}

	/// The role named `word` (its serde name).
	pub fn from_word(word: &str) -> Option<Role> {
		Self::ALL.into_iter().find(|r| r.as_str() == word)
	}
}

#[derive(Debug, Clone, PartialEq)]
pub enum MissionChange {
	Created { id: u32, owner: String, budget: u128, deadline: u32 },
	Participant { id: u32, who: String, role: Role },
	Status { id: u32, status: MissionPhase },
}

#[derive(Debug, Clone, PartialEq)]
pub enum MotionChange {
	Proposed { hash: String, index: u32, proposer: String, threshold: u32, call: Option<String> },
	Voted { hash: String, who: String, aye: bool },
	Status { hash: String, status: &'static str },
	Executed { hash: String, ok: bool },
}

/// PEER's unit in statements and the `asset` of its movements.
pub const PEER: &str = "PEER";

/// The pallets whose events move money. Each of their events is either read
/// for its movements ([`MOVES`]) or known to move none ([`QUIET`]): an event
/// of these pallets that is neither (a runtime newer than this indexer) is
/// [`Class::Unknown`], reported when its runtime is loaded and stored without
/// movements, never silently taken for quiet. A test holds the lists against
/// the runtime's metadata.
pub const MONEY_PALLETS: [&str; 4] = ["Balances", "Assets", "AssetsHolder", "Missions"];

/// The money pallets' events that move funds, each read by [`movements`].
pub const MOVES: &[(&str, &[&str])] = &[
	(
		"Balances",
		&[
			"Endowed",
			"DustLost",
			"Transfer",
			"Reserved",
			"Unreserved",
			"ReserveRepatriated",
			"Deposit",
			"Withdraw",
			"Slashed",
			"Minted",
			"Burned",
			"Suspended",
			"Restored",
			"Held",
			"Released",
			"BurnedHeld",
			"TransferOnHold",
			"TransferAndHold",
		],
	),
	(
		"Assets",
		&["Issued", "Burned", "Transferred", "TransferredApproved", "Deposited", "Withdrawn"],
	),
	("AssetsHolder", &["Held", "Released", "Burned"]),
	// In PEER their movements are the balances' events; in an asset, these.
	("Missions", &["RewardPaid", "Claimed"]),
];

/// The money pallets' events that move no funds of an account (or whose
/// movement another event of the same extrinsic already records).
pub const QUIET: &[(&str, &[&str])] = &[
	(
		"Balances",
		&[
			// Root's: says the new balance, not the change.
			"BalanceSet",
			"Upgraded",
			// The total issuance, no account's balance.
			"Issued",
			"Rescinded",
			"TotalIssuanceForced",
			"MintedCredit",
			"BurnedDebt",
			// Locks and freezes leave the free balance as it is.
			"Locked",
			"Unlocked",
			"Frozen",
			"Thawed",
			"Unexpected",
		],
	),
	(
		"Assets",
		&[
			"Created",
			"TeamChanged",
			"OwnerChanged",
			"Frozen",
			"Thawed",
			"AssetFrozen",
			"AssetThawed",
			"AccountsDestroyed",
			"ApprovalsDestroyed",
			"DestructionStarted",
			"Destroyed",
			"ForceCreated",
			"MetadataSet",
			"MetadataCleared",
			"ApprovedTransfer",
			"ApprovalCancelled",
			"AssetStatusChanged",
			"AssetMinBalanceChanged",
			"Touched",
			"Blocked",
			"ReservesUpdated",
			"ReservesRemoved",
			// The total issuance's credits and debts, no account's balance.
			"IssuedCredit",
			"BurnedCredit",
			"IssuedDebt",
			"BurnedDebt",
		],
	),
	("AssetsHolder", &[]),
	(
		"Missions",
		&[
			"MissionCreated",
			"Committed",
			"CommitmentWithdrawn",
			"CommitmentAccepted",
			"CommitmentRejected",
			"TermsProposed",
			"TermsSigned",
			"TermsVoided",
			"MissionActivated",
			"DeliverableSubmitted",
			"DisputeResolved",
			"MissionCompleted",
			"MissionCancelled",
			"MissionExpired",
			"BondForfeited",
			"PaymentKept",
			"AmendmentProposed",
			"AmendmentApplied",
			"AmendmentAgreed",
			"AmendmentDropped",
			"MilestoneApproved",
			"MilestoneRejected",
			"MilestoneDisputed",
			// Escrow refunded, bonds released, budgets raised: the hold's release
			// or hold is the balances' (PEER) or the holder's (an asset) event.
			"Refunded",
			"RefundDeferred",
			"RewardUnpayable",
			"BondReleased",
			"BudgetIncreased",
			"MemberLeaveFailed",
			"ContributorAbandoned",
			"MinimumBudgetSet",
			"DeadlineExtended",
		],
	),
];

/// How the indexer reads an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
	/// Of a money pallet, read for its movements.
	Moves,
	/// Of a money pallet, moving nothing; or of another pallet.
	Quiet,
	/// Of a money pallet, and unknown to this indexer.
	Unknown,
}

fn listed(list: &[(&str, &[&str])], pallet: &str, name: &str) -> bool {
	list.iter().any(|(p, names)| *p == pallet && names.contains(&name))
}

pub fn class(pallet: &str, name: &str) -> Class {
	if listed(MOVES, pallet, name) {
		Class::Moves
	} else if !MONEY_PALLETS.contains(&pallet) || listed(QUIET, pallet, name) {
		Class::Quiet
	} else {
		Class::Unknown
	}
}

/// The events of a runtime this indexer does not know in the money pallets.
pub fn unknown_events(rt: &Runtime) -> Vec<String> {
	rt.event_names()
		.into_iter()
		.filter(|(p, n)| class(p, n) == Class::Unknown)
		.map(|(p, n)| format!("{p}.{n}"))
		.collect()
}

/// Reads an event's fields.
struct Reader<'a> {
	rt: &'a Runtime,
	fields: &'a Fields,
}

impl Reader<'_> {
	fn get(&self, name: &str) -> Option<&Val> {
		field(self.fields, name)
	}
	fn account(&self, name: &str) -> Option<String> {
		self.get(name).and_then(|v| self.rt.account(v)).map(|a| ss58(&a))
	}
	fn amount(&self, name: &str) -> Option<i128> {
		self.get(name).and_then(uint).and_then(|n| i128::try_from(n).ok())
	}
	fn number(&self, name: &str) -> Option<u32> {
		self.get(name).and_then(uint).and_then(|n| u32::try_from(n).ok())
	}
	/// A hold reason: `Missions(MissionEscrow)` → escrow.
	fn reason(&self, name: &str) -> Option<Reason> {
		let (pallet, inner) = variant(self.get(name)?)?;
		let inner = inner.values().next().and_then(variant).map(|(n, _)| n).unwrap_or_default();
		Some(match (pallet, inner) {
			("Missions", "MissionEscrow") => Reason::Escrow,
			("Missions", "CommitmentBond") => Reason::Bond,
			("Missions", "MissionDeposit") => Reason::MissionDeposit,
			(p, "") => Reason::Other(p.to_string()),
			(p, r) => Reason::Other(format!("{p}({r})")),
		})
	}
	/// An asset kind: `None` for PEER (`Native`, or absent: a runtime before
	/// missions paid in assets), the asset's id otherwise.
	fn asset_id(&self, name: &str) -> Option<Option<u32>> {
		let Some(v) = self.get(name) else { return Some(None) };
		match variant(v)? {
			("Native", _) => Some(None),
			("WithId", f) => f.values().next().and_then(uint).map(|n| Some(n as u32)),
			_ => None,
		}
	}
}

fn mv(asset: &str, account: String, kind: Kind, free: i128, held: i128) -> Movement {
	Movement { asset: asset.to_string(), account, kind, free, held }
}

/// The movements of an event of [`Class::Moves`]; `None` if its fields are not
/// what this indexer reads (a runtime that changed them).
pub fn movements(rt: &Runtime, pallet: &str, name: &str, fields: &Fields) -> Option<Vec<Movement>> {
	use Kind::*;
	let r = Reader { rt, fields };
	Some(match (pallet, name) {
		("Balances", _) => {
			let p =
				|who: &str, kind: Kind, amount: &str, free: i128, held: i128| -> Option<Movement> {
					let n = r.amount(amount)?;
					Some(mv(PEER, r.account(who)?, kind, free * n, held * n))
				};
			match name {
				"Endowed" => vec![p("account", Endowed, "free_balance", 1, 0)?],
				"DustLost" => vec![p("account", DustLost, "amount", -1, 0)?],
				"Transfer" => vec![
					p("from", TransferOut, "amount", -1, 0)?,
					p("to", TransferIn, "amount", 1, 0)?,
				],
				"Reserved" => vec![p("who", Reserved, "amount", -1, 1)?],
				"Unreserved" => vec![p("who", Unreserved, "amount", 1, -1)?],
				"ReserveRepatriated" => {
					let to_free = variant(r.get("destination_status")?)?.0 == "Free";
					vec![
						p("from", ReserveRepatriated, "amount", 0, -1)?,
						p("to", ReserveReceived, "amount", to_free as i128, !to_free as i128)?,
					]
				}
				"Deposit" => vec![p("who", Deposit, "amount", 1, 0)?],
				"Withdraw" => vec![p("who", Fee, "amount", -1, 0)?],
				"Slashed" => vec![p("who", Slashed, "amount", -1, 0)?],
				"Minted" => vec![p("who", Minted, "amount", 1, 0)?],
				"Burned" => vec![p("who", Burned, "amount", -1, 0)?],
				"Suspended" => vec![p("who", Suspended, "amount", -1, 0)?],
				"Restored" => vec![p("who", Restored, "amount", 1, 0)?],
				"Held" => vec![p("who", Held(r.reason("reason")?), "amount", -1, 1)?],
				"Released" => vec![p("who", Released(r.reason("reason")?), "amount", 1, -1)?],
				"BurnedHeld" => vec![p("who", BurnedHeld(r.reason("reason")?), "amount", 0, -1)?],
				"TransferOnHold" => {
					let reason = r.reason("reason")?;
					vec![
						p("source", HoldTransferred(reason.clone()), "amount", 0, -1)?,
						p("dest", HoldReceived(reason), "amount", 1, 0)?,
					]
				}
				"TransferAndHold" => {
					let reason = r.reason("reason")?;
					vec![
						p("source", PaidIntoHold(reason.clone()), "transferred", -1, 0)?,
						p("dest", ReceivedOnHold(reason), "transferred", 0, 1)?,
					]
				}
				_ => return None,
			}
		}
		("Assets", _) => {
			let id = r.number("asset_id")?.to_string();
			let a = |who: &str, kind: Kind, amount: &str, sign: i128| -> Option<Movement> {
				Some(mv(&id, r.account(who)?, kind, sign * r.amount(amount)?, 0))
			};
			match name {
				"Issued" => vec![a("owner", Issued, "amount", 1)?],
				"Burned" => vec![a("owner", Burned, "balance", -1)?],
				"Transferred" => {
					vec![a("from", TransferOut, "amount", -1)?, a("to", TransferIn, "amount", 1)?]
				}
				"TransferredApproved" => vec![
					a("owner", TransferOutApproved, "amount", -1)?,
					a("destination", TransferIn, "amount", 1)?,
				],
				"Deposited" => vec![a("who", Deposit, "amount", 1)?],
				"Withdrawn" => vec![a("who", Withdrawn, "amount", -1)?],
				_ => return None,
			}
		}
		("AssetsHolder", _) => {
			let id = r.number("asset_id")?.to_string();
			let (who, reason, n) = (r.account("who")?, r.reason("reason")?, r.amount("amount")?);
			match name {
				"Held" => vec![mv(&id, who, Held(reason), -n, n)],
				"Released" => vec![mv(&id, who, Released(reason), n, -n)],
				"Burned" => vec![mv(&id, who, BurnedHeld(reason), 0, -n)],
				_ => return None,
			}
		}
		("Missions", "RewardPaid") => match r.asset_id("asset")? {
			Some(id) if r.amount("amount")? > 0 => {
				vec![mv(&id.to_string(), r.account("who")?, PayoutReceived, r.amount("amount")?, 0)]
			}
			_ => Vec::new(),
		},
		("Missions", "Claimed") => {
			let (who, from) = (r.account("who")?, r.account("from")?);
			match r.asset_id("asset")? {
				Some(id) if who != from => {
					vec![mv(&id.to_string(), who, KeptPaymentClaimed, r.amount("amount")?, 0)]
				}
				_ => Vec::new(),
			}
		}
		_ => return None,
	})
}

fn mission_change(r: &Reader, pallet: &str, name: &str) -> Option<MissionChange> {
	use MissionChange::*;
	use MissionPhase::*;
	if pallet != "Missions" {
		return None;
	}
	let id = r.number("mission")?;
	Some(match name {
		"MissionCreated" => Created {
			id,
			owner: r.account("owner")?,
			budget: r.amount("budget")? as u128,
			deadline: r.number("deadline")?,
		},
		"Committed" => Participant { id, who: r.account("who")?, role: Role::Committed },
		"CommitmentAccepted" => Participant { id, who: r.account("who")?, role: Role::Contributor },
		"TermsVoided" => Status { id, status: Recruiting },
		"TermsProposed" => Status { id, status: Agreeing },
		"MissionActivated" => Status { id, status: Active },
		"MissionCompleted" => Status { id, status: Completed },
		"MissionCancelled" => Status { id, status: Cancelled },
		"MissionExpired" => Status { id, status: Expired },
		_ => return None,
	})
}

fn motion_change(
	r: &Reader,
	pallet: &str,
	name: &str,
	proposed: &mut Vec<(H256, String)>,
) -> Option<MotionChange> {
	use MotionChange::*;
	if pallet != "Council" {
		return None;
	}
	let hash_value = r.get("proposal_hash")?;
	let hash: [u8; 32] = crate::decode::bytes_of(hash_value)?.try_into().ok()?;
	let hash = H256(hash);
	let hex = format!("{hash:?}");
	Some(match name {
		"Proposed" => Proposed {
			hash: hex,
			index: r.number("proposal_index")?,
			proposer: r.account("account")?,
			threshold: r.number("threshold")?,
			call: proposed.iter().position(|(h, _)| *h == hash).map(|at| proposed.remove(at).1),
		},
		"Voted" => Voted {
			hash: hex,
			who: r.account("account")?,
			aye: matches!(
				r.get("voted")?.value,
				scale_value::ValueDef::Primitive(scale_value::Primitive::Bool(true))
			),
		},
		"Approved" => Status { hash: hex, status: "approved" },
		"Disapproved" => Status { hash: hex, status: "disapproved" },
		"Executed" => Executed { hash: hex, ok: variant(r.get("result")?)?.0 == "Ok" },
		_ => return None,
	})
}

/// The calls an extrinsic proposes to the council, through batches, proxies and
/// multisigs, by the hash the council names them with (`Proposed.proposal_hash`,
/// blake2-256 of the encoded call), with the call in words: a proposal that
/// failed (in a `forceBatch`, say) lends its call to no other motion.
fn proposals(rt: &Runtime, call: &Val, out: &mut Vec<(H256, String)>) {
	let Some((pallet, name, fields)) = call_parts(call) else { return };
	let inner = |n: &str| field(fields, n);
	match (pallet, name) {
		("Council", "propose") => {
			if let Some(proposal) = inner("proposal") {
				if let Ok(bytes) = rt.encode(proposal) {
					out.push((H256(sp_crypto_hashing::blake2_256(&bytes)), rt.call_text(proposal)));
				}
			}
		}
		("Utility", "batch" | "batch_all" | "force_batch") => {
			if let Some(scale_value::ValueDef::Composite(calls)) = inner("calls").map(|c| &c.value)
			{
				calls.values().for_each(|c| proposals(rt, c, out));
			}
		}
		("Utility", "as_derivative")
		| ("Proxy", "proxy" | "proxy_announced")
		| ("Multisig", "as_multi" | "as_multi_threshold_1") => {
			if let Some(c) = inner("call") {
				proposals(rt, c, out)
			}
		}
		_ => {}
	}
}

/// The calls an extrinsic gives `Multisig.as_multi`, through batches, proxies
/// and other multisigs, each with its hash (blake2-256 of its encoding, the
/// key of `Multisig.Multisigs`).
fn multisig_calls(rt: &Runtime, call: &Val, out: &mut Vec<(H256, Vec<u8>)>) {
	let Some((pallet, name, fields)) = call_parts(call) else { return };
	let inner = |n: &str| field(fields, n);
	match (pallet, name) {
		("Multisig", "as_multi") => {
			if let Some(c) = inner("call") {
				if let Ok(bytes) = rt.encode(c) {
					out.push((H256(sp_crypto_hashing::blake2_256(&bytes)), bytes));
				}
				multisig_calls(rt, c, out);
			}
		}
		("Utility", "batch" | "batch_all" | "force_batch") => {
			if let Some(scale_value::ValueDef::Composite(calls)) = inner("calls").map(|c| &c.value)
			{
				calls.values().for_each(|c| multisig_calls(rt, c, out));
			}
		}
		("Utility", "as_derivative")
		| ("Proxy", "proxy" | "proxy_announced")
		| ("Multisig", "as_multi_threshold_1") => {
			if let Some(c) = inner("call") {
				multisig_calls(rt, c, out)
			}
		}
		_ => {}
	}
}

/// The account a `proxy.proxy` (or `proxy_announced`) call acts for.
fn real_of(rt: &Runtime, call: &Val) -> Option<String> {
	match call_parts(call)? {
		("Proxy", "proxy" | "proxy_announced", fields) => {
			let (kind, inner) = variant(field(fields, "real")?)?;
			(kind == "Id").then_some(())?;
			rt.account(inner.values().next()?).map(|a| ss58(&a))
		}
		_ => None,
	}
}

/// Everything the store keeps of a block, decoded with its runtime.
pub fn block(
	rt: &Runtime,
	number: u32,
	hash: H256,
	parent: H256,
	time_ms: u64,
	extrinsics: &[Extrinsic],
	records: Vec<Event>,
) -> IndexedBlock {
	let signers: Vec<(Option<String>, Option<String>)> =
		extrinsics.iter().map(|xt| (xt.signer.as_ref().map(ss58), real_of(rt, &xt.call))).collect();
	let mut proposed: Vec<Vec<(H256, String)>> = extrinsics
		.iter()
		.map(|xt| {
			let mut out = Vec::new();
			proposals(rt, &xt.call, &mut out);
			out
		})
		.collect();
	let mut events: Vec<IndexedEvent> = records
		.into_iter()
		.enumerate()
		.map(|(index, ev)| {
			let r = Reader { rt, fields: &ev.fields };
			let (signer, real) =
				ev.extrinsic.and_then(|i| signers.get(i as usize).cloned()).unwrap_or((None, None));
			let mut none = Vec::new();
			let queue = match ev.extrinsic.and_then(|i| proposed.get_mut(i as usize)) {
				Some(q) => q,
				None => &mut none,
			};
			let movements = match class(&ev.pallet, &ev.name) {
				Class::Moves => {
					movements(rt, &ev.pallet, &ev.name, &ev.fields).unwrap_or_else(|| {
						eprintln!(
						"[indexer] block #{number}: {}.{} of runtime {} has fields this indexer \
						 does not read; its movements are not in the statements",
						ev.pallet, ev.name, rt.spec_version
					);
						Vec::new()
					})
				}
				Class::Quiet | Class::Unknown => Vec::new(),
			};
			let mut accounts = Vec::new();
			ev.fields.values().for_each(|v| rt.accounts_in(v, &mut accounts));
			let mission = matches!(ev.pallet.as_str(), "Missions" | "Reputation")
				.then(|| r.number("mission"))
				.flatten();
			IndexedEvent {
				index: index as u32,
				extrinsic: ev.extrinsic,
				mission,
				accounts: accounts.iter().map(ss58).collect(),
				signer,
				real,
				movements,
				mission_change: mission_change(&r, &ev.pallet, &ev.name),
				motion_change: motion_change(&r, &ev.pallet, &ev.name, queue),
				detail: rt.fields_json(&ev.fields).to_string(),
				pallet: ev.pallet,
				name: ev.name,
			}
		})
		.collect();
	// A balance movement belongs to the mission of the next missions event of
	// the same extrinsic (a payout is followed by its `RewardPaid`), else of
	// the last one before it. An extrinsic's events are contiguous.
	for i in 0..events.len() {
		if events[i].movements.is_empty() || events[i].mission.is_some() {
			continue;
		}
		let ext = events[i].extrinsic;
		let mission = |e: &IndexedEvent| e.mission;
		let after = events[i + 1..].iter().take_while(|e| e.extrinsic == ext).find_map(mission);
		let before = events[..i].iter().rev().take_while(|e| e.extrinsic == ext).find_map(mission);
		events[i].mission = after.or(before);
	}
	let mut calls = Vec::new();
	extrinsics.iter().for_each(|xt| multisig_calls(rt, &xt.call, &mut calls));
	IndexedBlock {
		number,
		hash,
		parent,
		time_ms,
		spec_version: rt.spec_version,
		events,
		multisig_calls: calls,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use codec::Encode;
	use frame_system::{EventRecord, Phase};
	use peer_runtime::{RuntimeCall, RuntimeEvent, UncheckedExtrinsic};
	use sp_core::crypto::{AccountId32, Ss58Codec};
	use std::sync::OnceLock;

	#[test]
	fn every_kind_of_movement_has_an_example_and_each_word_is_one_kind() {
		let examples = Kind::examples();
		let mut seen = [false; Kind::VARIANTS];
		for k in &examples {
			seen[k.variant()] = true;
		}
		assert!(seen.iter().all(|s| *s), "a kind without an example: {seen:?}");
		let mut words: Vec<String> = examples.iter().map(Kind::to_string).collect();
		let n = words.len();
		words.sort();
		words.dedup();
		// `PayoutReceived` and `HoldReceived(Escrow)` both read "payout received".
		assert_eq!(words.len(), n - 1);
	}

	#[test]
	fn phases_and_roles_are_stored_and_served_by_their_serde_names() {
		for p in MissionPhase::ALL {
			assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
			assert_eq!(MissionPhase::from_word(p.as_str()), Some(p));
		}
		for r in Role::ALL {
			assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
			assert_eq!(Role::from_word(r.as_str()), Some(r));
		}
		assert_eq!(MissionPhase::from_word("lost"), None);
	}

	/// The runtime of this build, read through its metadata as the indexer
	/// reads a chain's.
	fn rt() -> &'static Runtime {
		static RT: OnceLock<Runtime> = OnceLock::new();
		RT.get_or_init(|| {
			// Some constants are parameters, read from storage.
			let metadata = sp_io::TestExternalities::new_empty()
				.execute_with(|| peer_runtime::Runtime::metadata_at_version(15))
				.expect("V15");
			Runtime::from_metadata(peer_runtime::VERSION.spec_version, &metadata).unwrap()
		})
	}

	fn alice() -> AccountId32 {
		AccountId32::from([1u8; 32])
	}

	fn bob() -> AccountId32 {
		AccountId32::from([2u8; 32])
	}

	fn ss58(who: &AccountId32) -> String {
		who.to_ss58check()
	}

	fn remark(text: &str) -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: text.as_bytes().to_vec() })
	}

	fn propose(call: &RuntimeCall) -> RuntimeCall {
		RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(call.clone()),
			length_bound: 100,
		})
	}

	/// Events as the chain stores them, read back through the metadata.
	fn decode_events(records: Vec<EventRecord<RuntimeEvent, H256>>) -> Vec<Event> {
		rt().events(&records.encode()).unwrap()
	}

	fn decode_call(call: RuntimeCall) -> Extrinsic {
		rt().extrinsic(&UncheckedExtrinsic::new_bare(call).encode()).unwrap()
	}

	fn in_block(extrinsics: Vec<RuntimeCall>, events: Vec<(u32, RuntimeEvent)>) -> IndexedBlock {
		let records = events
			.into_iter()
			.map(|(xt, event)| EventRecord {
				phase: Phase::ApplyExtrinsic(xt),
				event,
				topics: vec![],
			})
			.collect();
		let xts: Vec<Extrinsic> = extrinsics.into_iter().map(decode_call).collect();
		block(rt(), 9, H256::zero(), H256::zero(), 1, &xts, decode_events(records))
	}

	#[test]
	fn a_multisigs_call_is_kept_by_the_hash_the_pallet_keeps() {
		let post = RuntimeCall::System(frame_system::Call::remark { remark: b"post".to_vec() });
		let as_multi = |call: RuntimeCall| {
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
				threshold: 2,
				other_signatories: vec![bob()],
				maybe_timepoint: None,
				call: Box::new(call),
				max_weight: Default::default(),
			})
		};
		// A director's first approval, and one sent through a proxy inside a batch.
		let through = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![RuntimeCall::Proxy(pallet_proxy::Call::proxy {
				real: alice().into(),
				force_proxy_type: None,
				call: Box::new(as_multi(post.clone())),
			})],
		});
		let b = in_block(vec![as_multi(post.clone()), through, post.clone()], vec![]);
		let want = (H256(sp_crypto_hashing::blake2_256(&post.encode())), post.encode());
		assert_eq!(b.multisig_calls, vec![want.clone(), want]);
	}

	/// The `call` the `Proposed` event (for `proposed`) of extrinsic `xt` is given.
	fn proposed_call(xt: RuntimeCall, proposed: &RuntimeCall) -> Option<String> {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let event = RuntimeEvent::Council(pallet_collective::Event::Proposed {
			account: alice(),
			proposal_index: 0,
			proposal_hash: BlakeTwo256::hash_of(proposed),
			threshold: 2,
		});
		let b = in_block(vec![xt], vec![(0, event)]);
		match &b.events[0].motion_change {
			Some(MotionChange::Proposed { call, .. }) => call.clone(),
			other => panic!("not a proposal: {other:?}"),
		}
	}

	#[test]
	fn every_event_of_the_money_pallets_is_read_or_known_to_move_nothing() {
		// A new event in the balances, assets or missions pallets fails here
		// until the indexer reads its movements (MOVES) or says it moves none
		// (QUIET): money cannot be dropped from statements unnoticed.
		assert_eq!(unknown_events(rt()), Vec::<String>::new());
		// And every listed name is an event the runtime has (no stale entries).
		let names = rt().event_names();
		let stale: Vec<String> = MOVES
			.iter()
			.chain(QUIET)
			.flat_map(|(p, events)| events.iter().map(move |n| (*p, *n)))
			.filter(|(p, n)| !names.iter().any(|(rp, rn)| rp == p && rn == n))
			.map(|(p, n)| format!("{p}.{n}"))
			.collect();
		assert_eq!(stale, Vec::<String>::new(), "listed, but not events of the runtime");
		assert_eq!(class("Balances", "SomethingNew"), Class::Unknown);
		assert_eq!(class("Identity", "IdentitySet"), Class::Quiet);
	}

	#[test]
	fn names_fields_and_accounts_come_from_the_metadata() {
		let b = in_block(
			vec![],
			vec![(
				0,
				RuntimeEvent::Balances(pallet_balances::Event::Transfer {
					from: alice(),
					to: bob(),
					amount: 5_000_000_000_000,
				}),
			)],
		);
		let e = &b.events[0];
		assert_eq!((e.pallet.as_str(), e.name.as_str()), ("Balances", "Transfer"));
		assert_eq!(e.accounts, vec![ss58(&alice()), ss58(&bob())]);
		let detail: serde_json::Value = serde_json::from_str(&e.detail).unwrap();
		assert_eq!(
			detail,
			serde_json::json!({"from": ss58(&alice()), "to": ss58(&bob()), "amount": "5000000000000"})
		);
		assert_eq!(e.movements[0].kind.to_string(), "transfer out");
		assert_eq!(e.movements[1].free, 5_000_000_000_000);
	}

	#[test]
	fn a_motion_gets_its_own_call_not_one_a_failed_proposal_left() {
		// forceBatch [propose a (failed: no event), propose b]: b's motion is b.
		let (a, b) = (remark("a"), remark("b"));
		let batch = RuntimeCall::Utility(pallet_utility::Call::force_batch {
			calls: vec![propose(&a), propose(&b)],
		});
		assert_eq!(proposed_call(batch, &b), Some(r#"System.remark {"remark":"0x62"}"#.into()));
		// A call the extrinsic never proposed names no call.
		assert_eq!(proposed_call(propose(&a), &remark("c")), None);
	}

	#[test]
	fn a_motion_proposed_through_a_multisig_gets_its_call() {
		let a = remark("a");
		let multisig = RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: vec![bob()],
			maybe_timepoint: None,
			call: Box::new(propose(&a)),
			max_weight: Default::default(),
		});
		assert_eq!(proposed_call(multisig, &a), Some(r#"System.remark {"remark":"0x61"}"#.into()));
	}

	#[test]
	fn a_call_through_a_proxy_names_the_account_acted_for() {
		let call = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: sp_runtime::MultiAddress::Id(bob()),
			force_proxy_type: None,
			call: Box::new(remark("x")),
		});
		let event = RuntimeEvent::System(frame_system::Event::Remarked {
			sender: bob(),
			hash: H256::repeat_byte(7),
		});
		let b = in_block(vec![call], vec![(0, event)]);
		assert_eq!(b.events[0].real, Some(ss58(&bob())));
	}

	#[test]
	fn a_payout_moves_held_escrow_to_free() {
		let b = in_block(
			vec![],
			vec![(
				0,
				RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold {
					reason: pallet_missions::HoldReason::MissionEscrow.into(),
					source: alice(),
					dest: bob(),
					amount: 7,
				}),
			)],
		);
		let m = &b.events[0].movements;
		assert_eq!(m[0].kind.to_string(), "payout from escrow");
		assert_eq!((m[0].free, m[0].held), (0, -7));
		assert_eq!(m[1].kind.to_string(), "payout received");
		assert_eq!((m[1].free, m[1].held), (7, 0));
	}

	#[test]
	fn a_payout_in_an_asset_comes_from_the_missions_event() {
		let paid = |asset| {
			RuntimeEvent::Missions(pallet_missions::Event::RewardPaid {
				mission: 3,
				milestone: 0,
				who: bob(),
				asset,
				amount: 40,
			})
		};
		let b = in_block(
			vec![],
			vec![
				(0, paid(peer_runtime::AssetKind::WithId(1984))),
				(0, paid(peer_runtime::AssetKind::Native)),
			],
		);
		let m = &b.events[0].movements;
		assert_eq!(
			(m[0].asset.as_str(), m[0].kind.to_string(), m[0].free),
			("1984", "payout received".into(), 40)
		);
		assert!(b.events[1].movements.is_empty(), "in PEER the balances' events say it");
		assert_eq!(b.events[0].mission, Some(3));
	}

	#[test]
	fn events_take_the_mission_they_name_and_movements_the_next_ones() {
		let b = in_block(
			vec![],
			vec![
				(
					0,
					RuntimeEvent::Balances(pallet_balances::Event::Held {
						reason: pallet_missions::HoldReason::CommitmentBond.into(),
						who: alice(),
						amount: 3,
					}),
				),
				(
					0,
					RuntimeEvent::Missions(pallet_missions::Event::Committed {
						mission: 42,
						who: alice(),
						share: sp_runtime::Perbill::from_percent(10),
						bond: 3,
					}),
				),
			],
		);
		assert_eq!(b.events[1].mission, Some(42));
		assert_eq!(b.events[0].mission, Some(42), "the bond belongs to the commitment");
		assert_eq!(b.events[0].movements[0].kind.to_string(), "bond held");
		assert_eq!(
			b.events[1].mission_change,
			Some(MissionChange::Participant { id: 42, who: ss58(&alice()), role: Role::Committed })
		);
		let detail: serde_json::Value = serde_json::from_str(&b.events[1].detail).unwrap();
		assert_eq!(detail["share"], 100_000_000, "a Perbill is its number");
	}
}
