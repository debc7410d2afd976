//! From a decoded block to what the store keeps: every event with who signed
//! its extrinsic (and, through a proxy, on whose behalf), the accounts and
//! mission it names, the balance movements it makes, and the changes it
//! makes to a mission's phase or a council motion.

use frame_system::{EventRecord, Phase};
use peer_runtime::{AccountId, RuntimeCall, RuntimeEvent, UncheckedExtrinsic};
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{generic::Preamble, MultiAddress};

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
	pub events: Vec<IndexedEvent>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndexedEvent {
	/// The event's index in the block.
	pub index: u32,
	/// The extrinsic that emitted it, if any.
	pub extrinsic: Option<u32>,
	pub pallet: String,
	pub name: String,
	/// The event as the runtime prints it (`Debug`), accounts included.
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
	/// What it is, in words: `payout received`, `bond held`, `fee`, ….
	pub kind: String,
	pub free: i128,
	pub held: i128,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MissionChange {
	Created { id: u32, owner: String, budget: u128, deadline: u32 },
	Participant { id: u32, who: String, role: &'static str },
	Status { id: u32, status: &'static str },
}

#[derive(Debug, Clone, PartialEq)]
pub enum MotionChange {
	Proposed { hash: String, index: u32, proposer: String, threshold: u32, call: Option<String> },
	Voted { hash: String, who: String, aye: bool },
	Status { hash: String, status: &'static str },
	Executed { hash: String, ok: bool },
}

pub fn ss58(who: &AccountId) -> String {
	who.to_ss58check()
}

/// `Missions(MissionCreated { .. })` → (`Missions`, `MissionCreated`).
fn names(detail: &str) -> (String, String) {
	let (pallet, rest) = detail.split_once('(').unwrap_or((detail, ""));
	// Some pallets' events print as `Event::Name`.
	let rest = rest.strip_prefix("Event::").unwrap_or(rest);
	let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
	(pallet.to_string(), name)
}

/// Accounts print as 64 hex digits followed by ` (` and their SS58 start.
fn accounts_in(detail: &str) -> Vec<String> {
	let bytes = detail.as_bytes();
	let mut found = Vec::new();
	let mut i = 0;
	while i + 66 <= bytes.len() {
		let hex = &detail[i..i + 64];
		let boundary = i == 0 || !bytes[i - 1].is_ascii_hexdigit();
		if boundary && hex.bytes().all(|b| b.is_ascii_hexdigit()) && &detail[i + 64..i + 66] == " ("
		{
			let mut raw = [0u8; 32];
			for (k, byte) in raw.iter_mut().enumerate() {
				*byte = u8::from_str_radix(&hex[2 * k..2 * k + 2], 16).unwrap_or_default();
			}
			let who = ss58(&AccountId::from(raw));
			if !found.contains(&who) {
				found.push(who);
			}
			i += 66;
		} else {
			i += 1;
		}
	}
	found
}

/// The signer of an extrinsic and, if it called `proxy.proxy`, the real account.
fn signer_of(xt: &UncheckedExtrinsic) -> (Option<String>, Option<String>) {
	let signer = match &xt.preamble {
		Preamble::Signed(MultiAddress::Id(who), ..) => Some(ss58(who)),
		_ => None,
	};
	let real = match &xt.function {
		RuntimeCall::Proxy(pallet_proxy::Call::proxy { real: MultiAddress::Id(real), .. })
		| RuntimeCall::Proxy(pallet_proxy::Call::proxy_announced {
			real: MultiAddress::Id(real),
			..
		}) => Some(ss58(real)),
		_ => None,
	};
	(signer, real)
}

/// The calls an extrinsic proposes to the council, through batches, proxies and
/// multisigs, by the hash the council names them with (`Proposed.proposal_hash`,
/// blake2-256 of the encoded call): a proposal that failed (in a `forceBatch`,
/// say) lends its call to no other motion.
fn proposals(call: &RuntimeCall, out: &mut Vec<(H256, String)>) {
	use sp_runtime::traits::{BlakeTwo256, Hash};
	match call {
		RuntimeCall::Council(pallet_collective::Call::propose { proposal, .. }) => {
			out.push((BlakeTwo256::hash_of(proposal.as_ref()), format!("{proposal:?}")))
		}
		RuntimeCall::Utility(
			pallet_utility::Call::batch { calls }
			| pallet_utility::Call::batch_all { calls }
			| pallet_utility::Call::force_batch { calls },
		) => calls.iter().for_each(|c| proposals(c, out)),
		RuntimeCall::Utility(pallet_utility::Call::as_derivative { call, .. })
		| RuntimeCall::Proxy(
			pallet_proxy::Call::proxy { call, .. }
			| pallet_proxy::Call::proxy_announced { call, .. },
		)
		| RuntimeCall::Multisig(
			pallet_multisig::Call::as_multi { call, .. }
			| pallet_multisig::Call::as_multi_threshold_1 { call, .. },
		) => proposals(call, out),
		_ => {}
	}
}

/// Words for a hold reason.
fn reason(r: &peer_runtime::RuntimeHoldReason) -> String {
	use pallet_missions::HoldReason as M;
	use peer_runtime::RuntimeHoldReason as R;
	match r {
		R::Missions(M::MissionEscrow) => "escrow".into(),
		R::Missions(M::CommitmentBond) => "bond".into(),
		R::Missions(M::MissionDeposit) => "mission deposit".into(),
		other => format!("{other:?}"),
	}
}

/// PEER's unit in statements and the `asset` of its movements.
pub const PEER: &str = "PEER";

fn movements(event: &RuntimeEvent) -> Vec<Movement> {
	match event {
		RuntimeEvent::Balances(_) => peer_movements(event),
		_ => asset_movements(event),
	}
}

/// Movements in the assets: issued, burned, transferred, held and released
/// (pallet-assets and its holder), and what their events do not show:
/// payouts from a mission's escrow and kept payments claimed, which move
/// held funds of the owner to the recipient's free balance without an event
/// of theirs (the recipient's side is in the missions' events; the owner's
/// held side of a payout is not itemized).
fn asset_movements(event: &RuntimeEvent) -> Vec<Movement> {
	use pallet_assets::Event as A;
	use pallet_assets_holder::Event as H;
	use pallet_missions::Event as M;
	let mv = |id: &u32, who: &AccountId, kind: &str, free: i128, held: i128| Movement {
		asset: id.to_string(),
		account: ss58(who),
		kind: kind.into(),
		free,
		held,
	};
	let i = |x: &u128| *x as i128;
	match event {
		RuntimeEvent::Assets(e) => match e {
			A::Issued { asset_id, owner, amount } => {
				vec![mv(asset_id, owner, "issued", i(amount), 0)]
			}
			A::Burned { asset_id, owner, balance } => {
				vec![mv(asset_id, owner, "burned", -i(balance), 0)]
			}
			A::Transferred { asset_id, from, to, amount } => vec![
				mv(asset_id, from, "transfer out", -i(amount), 0),
				mv(asset_id, to, "transfer in", i(amount), 0),
			],
			A::TransferredApproved { asset_id, owner, destination, amount, .. } => vec![
				mv(asset_id, owner, "transfer out (approved)", -i(amount), 0),
				mv(asset_id, destination, "transfer in", i(amount), 0),
			],
			A::Deposited { asset_id, who, amount } => {
				vec![mv(asset_id, who, "deposit", i(amount), 0)]
			}
			A::Withdrawn { asset_id, who, amount } => {
				vec![mv(asset_id, who, "withdrawn", -i(amount), 0)]
			}
			_ => Vec::new(),
		},
		RuntimeEvent::AssetsHolder(e) => match e {
			H::Held { who, asset_id, reason: r, amount } => {
				vec![mv(asset_id, who, &format!("{} held", reason(r)), -i(amount), i(amount))]
			}
			H::Released { who, asset_id, reason: r, amount } => {
				let kind = match reason(r).as_str() {
					"escrow" => "escrow refunded".to_string(),
					other => format!("{other} released"),
				};
				vec![mv(asset_id, who, &kind, i(amount), -i(amount))]
			}
			H::Burned { who, asset_id, reason: r, amount } => {
				vec![mv(asset_id, who, &format!("{} burned", reason(r)), 0, -i(amount))]
			}
			_ => Vec::new(),
		},
		RuntimeEvent::Missions(e) => match e {
			M::RewardPaid { who, asset: peer_runtime::AssetKind::WithId(id), amount, .. }
				if *amount > 0 =>
			{
				vec![mv(id, who, "payout received", i(amount), 0)]
			}
			M::Claimed { who, asset: peer_runtime::AssetKind::WithId(id), from, amount }
				if who != from =>
			{
				vec![mv(id, who, "kept payment claimed", i(amount), 0)]
			}
			_ => Vec::new(),
		},
		_ => Vec::new(),
	}
}

fn peer_movements(event: &RuntimeEvent) -> Vec<Movement> {
	use pallet_balances::Event as B;
	let m = |who: &AccountId, kind: String, free: u128, held: i128, sign: i128| Movement {
		asset: PEER.into(),
		account: ss58(who),
		kind,
		free: sign * free as i128,
		held,
	};
	let RuntimeEvent::Balances(event) = event else { return Vec::new() };
	match event {
		B::Endowed { account, free_balance } => {
			vec![m(account, "endowed".into(), *free_balance, 0, 1)]
		}
		B::DustLost { account, amount } => vec![m(account, "dust lost".into(), *amount, 0, -1)],
		B::Transfer { from, to, amount } => vec![
			m(from, "transfer out".into(), *amount, 0, -1),
			m(to, "transfer in".into(), *amount, 0, 1),
		],
		B::Reserved { who, amount } => {
			vec![m(who, "reserved".into(), *amount, *amount as i128, -1)]
		}
		B::Unreserved { who, amount } => {
			vec![m(who, "unreserved".into(), *amount, -(*amount as i128), 1)]
		}
		B::ReserveRepatriated { from, to, amount, destination_status } => {
			let to_free = matches!(destination_status, frame_support::traits::BalanceStatus::Free);
			vec![
				Movement {
					asset: PEER.into(),
					account: ss58(from),
					kind: "reserve repatriated".into(),
					free: 0,
					held: -(*amount as i128),
				},
				Movement {
					asset: PEER.into(),
					account: ss58(to),
					kind: "reserve received".into(),
					free: if to_free { *amount as i128 } else { 0 },
					held: if to_free { 0 } else { *amount as i128 },
				},
			]
		}
		B::Deposit { who, amount } => vec![m(who, "deposit".into(), *amount, 0, 1)],
		B::Withdraw { who, amount } => vec![m(who, "fee".into(), *amount, 0, -1)],
		B::Slashed { who, amount } => vec![m(who, "slashed".into(), *amount, 0, -1)],
		B::Minted { who, amount } => vec![m(who, "minted".into(), *amount, 0, 1)],
		B::Burned { who, amount } => vec![m(who, "burned".into(), *amount, 0, -1)],
		B::Suspended { who, amount } => vec![m(who, "suspended".into(), *amount, 0, -1)],
		B::Restored { who, amount } => vec![m(who, "restored".into(), *amount, 0, 1)],
		B::Held { reason: r, who, amount } => {
			vec![m(who, format!("{} held", reason(r)), *amount, *amount as i128, -1)]
		}
		B::Released { reason: r, who, amount } => {
			let kind = match reason(r).as_str() {
				"escrow" => "escrow refunded".to_string(),
				other => format!("{other} released"),
			};
			vec![m(who, kind, *amount, -(*amount as i128), 1)]
		}
		B::BurnedHeld { reason: r, who, amount } => vec![Movement {
			asset: PEER.into(),
			account: ss58(who),
			kind: format!("{} burned", reason(r)),
			free: 0,
			held: -(*amount as i128),
		}],
		B::TransferOnHold { reason: r, source, dest, amount } => {
			let (out, into) = match reason(r).as_str() {
				"escrow" => ("payout from escrow".to_string(), "payout received".to_string()),
				"bond" => ("bond forfeited".to_string(), "forfeited bond received".to_string()),
				other => (format!("{other} transferred"), format!("{other} received")),
			};
			vec![
				Movement {
					asset: PEER.into(),
					account: ss58(source),
					kind: out,
					free: 0,
					held: -(*amount as i128),
				},
				Movement {
					asset: PEER.into(),
					account: ss58(dest),
					kind: into,
					free: *amount as i128,
					held: 0,
				},
			]
		}
		B::TransferAndHold { reason: r, source, dest, transferred } => vec![
			m(source, format!("{} paid", reason(r)), *transferred, 0, -1),
			Movement {
				asset: PEER.into(),
				account: ss58(dest),
				kind: format!("{} received on hold", reason(r)),
				free: 0,
				held: *transferred as i128,
			},
		],
		// Locks and freezes leave the free balance as it is; `BalanceSet` is
		// Root's and says the new balance, not the change.
		_ => Vec::new(),
	}
}

fn mission_change(event: &RuntimeEvent) -> Option<MissionChange> {
	use pallet_missions::Event as E;
	use MissionChange::*;
	let RuntimeEvent::Missions(event) = event else { return None };
	Some(match event {
		E::MissionCreated { mission, owner, budget, deadline, .. } => {
			Created { id: *mission, owner: ss58(owner), budget: *budget, deadline: *deadline }
		}
		E::Committed { mission, who, .. } => {
			Participant { id: *mission, who: ss58(who), role: "committed" }
		}
		E::CommitmentAccepted { mission, who, .. } => {
			Participant { id: *mission, who: ss58(who), role: "contributor" }
		}
		E::TermsVoided { mission } => Status { id: *mission, status: "recruiting" },
		E::TermsProposed { mission, .. } => Status { id: *mission, status: "agreeing" },
		E::MissionActivated { mission, .. } => Status { id: *mission, status: "active" },
		E::MissionCompleted { mission } => Status { id: *mission, status: "completed" },
		E::MissionCancelled { mission, .. } => Status { id: *mission, status: "cancelled" },
		E::MissionExpired { mission } => Status { id: *mission, status: "expired" },
		_ => return None,
	})
}

fn motion_change(event: &RuntimeEvent, proposed: &mut Vec<(H256, String)>) -> Option<MotionChange> {
	use pallet_collective::Event as E;
	use MotionChange::*;
	let RuntimeEvent::Council(event) = event else { return None };
	let hex = |h: &H256| format!("{h:?}");
	Some(match event {
		E::Proposed { account, proposal_index, proposal_hash, threshold } => Proposed {
			hash: hex(proposal_hash),
			index: *proposal_index,
			proposer: ss58(account),
			threshold: *threshold,
			call: proposed
				.iter()
				.position(|(hash, _)| hash == proposal_hash)
				.map(|at| proposed.remove(at).1),
		},
		E::Voted { account, proposal_hash, voted, .. } => {
			Voted { hash: hex(proposal_hash), who: ss58(account), aye: *voted }
		}
		E::Approved { proposal_hash } => Status { hash: hex(proposal_hash), status: "approved" },
		E::Disapproved { proposal_hash } => {
			Status { hash: hex(proposal_hash), status: "disapproved" }
		}
		E::Executed { proposal_hash, result } => {
			Executed { hash: hex(proposal_hash), ok: result.is_ok() }
		}
		_ => return None,
	})
}

/// The mission a missions or reputation event names.
fn mission_of(event: &RuntimeEvent, detail: &str) -> Option<u32> {
	if !matches!(event, RuntimeEvent::Missions(_) | RuntimeEvent::Reputation(_)) {
		return None;
	}
	let at = detail.find("mission: ")? + "mission: ".len();
	detail[at..].chars().take_while(|c| c.is_ascii_digit()).collect::<String>().parse().ok()
}

/// Everything the store keeps of a block.
pub fn block(
	number: u32,
	hash: H256,
	parent: H256,
	time_ms: u64,
	extrinsics: &[UncheckedExtrinsic],
	records: Vec<EventRecord<RuntimeEvent, H256>>,
) -> IndexedBlock {
	let signers: Vec<_> = extrinsics.iter().map(signer_of).collect();
	let mut proposed: Vec<Vec<(H256, String)>> = extrinsics
		.iter()
		.map(|xt| {
			let mut out = Vec::new();
			proposals(&xt.function, &mut out);
			out
		})
		.collect();
	let mut events: Vec<IndexedEvent> = records
		.into_iter()
		.enumerate()
		.map(|(index, record)| {
			let extrinsic = match record.phase {
				Phase::ApplyExtrinsic(i) => Some(i),
				_ => None,
			};
			let detail = format!("{:?}", record.event);
			let (pallet, name) = names(&detail);
			let (signer, real) =
				extrinsic.and_then(|i| signers.get(i as usize).cloned()).unwrap_or((None, None));
			let mut none = Vec::new();
			let queue = match extrinsic.and_then(|i| proposed.get_mut(i as usize)) {
				Some(q) => q,
				None => &mut none,
			};
			IndexedEvent {
				index: index as u32,
				extrinsic,
				mission: mission_of(&record.event, &detail),
				accounts: accounts_in(&detail),
				signer,
				real,
				movements: movements(&record.event),
				mission_change: mission_change(&record.event),
				motion_change: motion_change(&record.event, queue),
				pallet,
				name,
				detail,
			}
		})
		.collect();
	// A balance movement belongs to the mission of the next missions event of
	// the same extrinsic (a payout is followed by its `RewardPaid`), else of
	// the last one before it.
	for i in 0..events.len() {
		if events[i].movements.is_empty() || events[i].mission.is_some() {
			continue;
		}
		let same = |e: &IndexedEvent| e.extrinsic == events[i].extrinsic && e.mission.is_some();
		let after = events[i + 1..].iter().find(|e| same(e)).and_then(|e| e.mission);
		let before = events[..i].iter().rev().find(|e| same(e)).and_then(|e| e.mission);
		events[i].mission = after.or(before);
	}
	IndexedBlock { number, hash, parent, time_ms, events }
}

#[cfg(test)]
mod tests {
	use super::*;
	use sp_core::crypto::AccountId32;

	fn alice() -> AccountId32 {
		AccountId32::from([1u8; 32])
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

	/// The `call` the `Proposed` event (for `proposed`) of extrinsic `xt` is given.
	fn proposed_call(xt: RuntimeCall, proposed: &RuntimeCall) -> Option<String> {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		let record = EventRecord {
			phase: Phase::ApplyExtrinsic(0),
			event: RuntimeEvent::Council(pallet_collective::Event::Proposed {
				account: alice(),
				proposal_index: 0,
				proposal_hash: BlakeTwo256::hash_of(proposed),
				threshold: 2,
			}),
			topics: vec![],
		};
		let b = block(
			1,
			H256::zero(),
			H256::zero(),
			0,
			&[UncheckedExtrinsic::new_bare(xt)],
			vec![record],
		);
		match &b.events[0].motion_change {
			Some(MotionChange::Proposed { call, .. }) => call.clone(),
			other => panic!("not a proposal: {other:?}"),
		}
	}

	#[test]
	fn a_motion_gets_its_own_call_not_one_a_failed_proposal_left() {
		// forceBatch [propose a (failed: no event), propose b]: b's motion is b.
		let (a, b) = (remark("a"), remark("b"));
		let batch = RuntimeCall::Utility(pallet_utility::Call::force_batch {
			calls: vec![propose(&a), propose(&b)],
		});
		assert_eq!(proposed_call(batch, &b), Some(format!("{b:?}")));
		// A call the extrinsic never proposed names no call.
		assert_eq!(proposed_call(propose(&a), &remark("c")), None);
	}

	#[test]
	fn a_motion_proposed_through_a_multisig_gets_its_call() {
		let a = remark("a");
		let multisig = RuntimeCall::Multisig(pallet_multisig::Call::as_multi {
			threshold: 2,
			other_signatories: vec![AccountId32::from([2u8; 32])],
			maybe_timepoint: None,
			call: Box::new(propose(&a)),
			max_weight: Default::default(),
		});
		assert_eq!(proposed_call(multisig, &a), Some(format!("{a:?}")));
	}

	#[test]
	fn names_and_accounts_come_from_the_runtime_print() {
		let ev = RuntimeEvent::Balances(pallet_balances::Event::Transfer {
			from: alice(),
			to: AccountId32::from([2u8; 32]),
			amount: 5,
		});
		let detail = format!("{ev:?}");
		assert_eq!(names(&detail), ("Balances".to_string(), "Transfer".to_string()));
		assert_eq!(accounts_in(&detail), vec![ss58(&alice()), ss58(&AccountId32::from([2u8; 32]))]);
	}

	#[test]
	fn a_payout_moves_held_escrow_to_free() {
		let ev = RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold {
			reason: pallet_missions::HoldReason::MissionEscrow.into(),
			source: alice(),
			dest: AccountId32::from([2u8; 32]),
			amount: 7,
		});
		let m = movements(&ev);
		assert_eq!(m[0].kind, "payout from escrow");
		assert_eq!((m[0].free, m[0].held), (0, -7));
		assert_eq!(m[1].kind, "payout received");
		assert_eq!((m[1].free, m[1].held), (7, 0));
	}

	#[test]
	fn events_take_the_mission_they_name_and_movements_the_next_ones() {
		let records = vec![
			EventRecord {
				phase: Phase::ApplyExtrinsic(0),
				event: RuntimeEvent::Balances(pallet_balances::Event::Held {
					reason: pallet_missions::HoldReason::CommitmentBond.into(),
					who: alice(),
					amount: 3,
				}),
				topics: vec![],
			},
			EventRecord {
				phase: Phase::ApplyExtrinsic(0),
				event: RuntimeEvent::Missions(pallet_missions::Event::Committed {
					mission: 42,
					who: alice(),
					share: sp_runtime::Perbill::from_percent(10),
					bond: 3,
				}),
				topics: vec![],
			},
		];
		let b = block(9, H256::zero(), H256::zero(), 1, &[], records);
		assert_eq!(b.events[1].mission, Some(42));
		assert_eq!(b.events[0].mission, Some(42), "the bond belongs to the commitment");
		assert_eq!(b.events[0].movements[0].kind, "bond held");
		assert_eq!(
			b.events[1].mission_change,
			Some(MissionChange::Participant { id: 42, who: ss58(&alice()), role: "committed" })
		);
	}
}
