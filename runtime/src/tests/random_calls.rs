//! Random sequences of real calls through the whole runtime.
//!
//! Members, outsiders and the council send `RuntimeCall`s — missions,
//! consortium, council motions, balances, utility batches, session keys,
//! node claims — with arguments chosen to reach the deep paths (live mission
//! ids, the right terms hash, shares that complete a roster). Blocks follow
//! one another with every pallet's hooks, and sometimes jump days ahead.
//! After every call that failed, the state is unchanged; after every block,
//! our pallets' invariants (`do_try_state`) hold and the total issuance is
//! the sum of all balances and moved only by what the rules burn. Every few
//! calls, and at the end, liveness is checked by simulation (then rolled
//! back): an expired mission can be closed, a submitted milestone approved,
//! a contributor can abandon, governance can force-cancel.
//!
//! `cargo test` runs a short batch. `scripts/random-calls.sh` runs a long one:
//! `PEER_RANDOM_CALLS` (calls in all), `PEER_RANDOM_SEED` (first seed); it
//! prints calls per second, how often each call succeeded, and the seed of
//! any failure (rerun it alone with `PEER_RANDOM_SEED=<seed> PEER_RANDOM_CALLS=<n>`).

use crate::{
	configs::{governance::CouncilCollective, missions::dynamic_params::missions as params},
	tests::{genesis_of, Motion},
	AccountId, AllPalletsWithSystem, Balance, Balances, BlockNumber, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeParameters, System, DAYS, SLOT_DURATION, UNIT,
};
use codec::Encode;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::Inspect, OnFinalize, OnInitialize},
};
use pallet_missions::{
	CommitmentStatus, MilestoneSpec, MilestoneStatus, MissionOptions, MissionStatus, Verdict,
};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Dispatchable, DigestItem, DispatchError, Perbill};
use std::collections::BTreeMap;

/// A small deterministic generator (xorshift64*): a seed replays a run.
struct Rng(u64);

impl Rng {
	fn new(seed: u64) -> Self {
		Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
	}
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		if n == 0 {
			0
		} else {
			self.next() % n
		}
	}
	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
	fn pick<T: Clone>(&mut self, items: &[T]) -> Option<T> {
		(!items.is_empty()).then(|| items[self.below(items.len() as u64) as usize].clone())
	}
}

/// Everyone who acts: the development founders (Alice, Bob, Charlie), funded
/// outsiders, and two accounts that start with nothing.
fn people() -> Vec<AccountId> {
	let mut all: Vec<AccountId> = Sr25519Keyring::iter().map(|k| k.to_account_id()).collect();
	all.push(AccountId::from([0xe1; 32]));
	all.push(AccountId::from([0xe2; 32]));
	all
}

fn members() -> Vec<AccountId> {
	pallet_consortium::MemberList::<Runtime>::get().into_inner()
}

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn now() -> BlockNumber {
	System::block_number()
}

/// The assets of the run, issued by Bob: (id, sufficient, minimum balance).
/// The third's minimum is a single unit.
const ASSETS: [(u32, bool, Balance); 3] = [(1, true, 10_000), (2, false, 500_000), (3, false, 1)];

/// Bob's bank creates the assets, issues each to everyone and governance
/// accepts them for missions.
fn create_assets() {
	let bob = Sr25519Keyring::Bob.to_account_id();
	for (id, sufficient, min) in ASSETS {
		let root = RuntimeOrigin::root();
		pallet_assets::Pallet::<Runtime>::force_create(
			root.clone(),
			id.into(),
			bob.clone().into(),
			sufficient,
			min,
		)
		.expect("created");
		for who in people() {
			// Accounts without PEER cannot hold an insufficient asset: they stay without.
			let _ = pallet_assets::Pallet::<Runtime>::mint(
				signed(&bob),
				id.into(),
				who.into(),
				1_000_000_000_000,
			);
		}
		crate::Missions::set_minimum_budget(root, crate::AssetKind::WithId(id), Some(1_000_000))
			.expect("accepted");
	}
}

/// What the asset's issuer (Bob) and the recipients of kept payments do:
/// block and thaw accounts, freeze and thaw the asset, start destroying it
/// (refused while missions hold it, and for good once started), transfer,
/// and claim what was kept.
fn asset_action(rng: &mut Rng) -> Option<Action> {
	use pallet_assets::Call as A;
	let bob = Sr25519Keyring::Bob.to_account_id();
	let (id, _, _) = rng.pick(&ASSETS)?;
	let who = rng.pick(&people())?;
	let call = match rng.below(9) {
		0 => ("assets.block", A::block { id: id.into(), who: who.clone().into() }),
		1 | 2 => ("assets.thaw", A::thaw { id: id.into(), who: who.clone().into() }),
		3 => ("assets.freeze_asset", A::freeze_asset { id: id.into() }),
		4 | 5 => ("assets.thaw_asset", A::thaw_asset { id: id.into() }),
		6 if rng.chance(10) => ("assets.start_destroy", A::start_destroy { id: id.into() }),
		6 => ("assets.freeze", A::freeze { id: id.into(), who: who.clone().into() }),
		7 => {
			let to = rng.pick(&people())?;
			let call = A::transfer { id: id.into(), target: to.into(), amount: 1_000_000 };
			return Some(("assets.transfer", signed(&who), RuntimeCall::Assets(call)));
		}
		_ => {
			// A claim of what was kept for someone, or a random one (refused).
			let kept: Vec<_> = pallet_missions::Claimable::<Runtime>::iter().collect();
			let (who, (asset, from)) = match rng.pick(&kept) {
				Some((w, key, _)) if rng.chance(80) => (w, key),
				_ => (who, (crate::AssetKind::WithId(id), bob.clone())),
			};
			let call = pallet_missions::Call::claim { asset, from };
			return Some(("missions.claim", signed(&who), missions_call(call)));
		}
	};
	Some((call.0, signed(&bob), RuntimeCall::Assets(call.1)))
}

/// Each asset's supply is its free balances and holds; the escrow each
/// account holds in it is what its live missions have not paid yet and what
/// was kept there for someone to claim.
fn check_assets() {
	let escrow: crate::RuntimeHoldReason = pallet_missions::HoldReason::MissionEscrow.into();
	let mut expected: BTreeMap<(u32, AccountId), Balance> = BTreeMap::new();
	for (mission, m) in pallet_missions::LiveMissions::<Runtime>::iter() {
		if let crate::AssetKind::WithId(id) = m.asset {
			let amended =
				pallet_missions::Amendments::<Runtime>::get(mission).map_or(0, |a| a.escrow);
			*expected.entry((id, m.owner.clone())).or_default() += m.escrow_held() + amended;
		}
	}
	for (_, (asset, from), kept) in pallet_missions::Claimable::<Runtime>::iter() {
		if let crate::AssetKind::WithId(id) = asset {
			*expected.entry((id, from)).or_default() += kept;
		}
	}
	use frame_support::traits::fungibles::InspectHold;
	type Holder = crate::AssetsHolder;
	// Every account with holds in an asset has an account in it.
	let mut held: BTreeMap<(u32, AccountId), Balance> = BTreeMap::new();
	let mut supply: BTreeMap<u32, Balance> = BTreeMap::new();
	for (id, who, account) in pallet_assets::Account::<Runtime>::iter() {
		let in_escrow = Holder::balance_on_hold(id, &escrow, &who);
		if in_escrow > 0 {
			held.insert((id, who.clone()), in_escrow);
		}
		*supply.entry(id).or_default() += account.balance + Holder::total_balance_on_hold(id, &who);
	}
	assert_eq!(held, expected, "asset escrow differs from the live missions' unpaid budgets");
	for (id, details) in pallet_assets::Asset::<Runtime>::iter() {
		let sum = supply.get(&id).copied().unwrap_or_default();
		assert_eq!(details.supply, sum, "asset {id}: supply is not free plus held");
	}
}

/// How each call fared.
#[derive(Default)]
pub struct Stats {
	/// Per call name: (succeeded, failed).
	pub calls: BTreeMap<&'static str, (u64, u64)>,
	/// Calls sent in all.
	pub total: u64,
	/// Blocks built.
	pub blocks: u64,
}

impl Stats {
	fn count(&mut self, name: &'static str, ok: bool) {
		let e = self.calls.entry(name).or_default();
		if ok {
			e.0 += 1
		} else {
			e.1 += 1
		}
		self.total += 1;
	}
}

/// One call to send: its name, who sends it, the call.
type Action = (&'static str, RuntimeOrigin, RuntimeCall);

fn missions_call(c: pallet_missions::Call<Runtime>) -> RuntimeCall {
	RuntimeCall::Missions(c)
}

fn live() -> Vec<(u32, pallet_missions::Mission<Runtime>)> {
	pallet_missions::LiveMissions::<Runtime>::iter().collect()
}

/// A random mission call with arguments aimed at what exists.
fn mission_action(rng: &mut Rng) -> Option<Action> {
	use pallet_missions::Call as C;
	let everyone = people();
	let missions = live();
	let choice = rng.below(16);
	if choice == 0 || missions.is_empty() {
		let owner = if rng.chance(90) { rng.pick(&members())? } else { rng.pick(&everyone)? };
		let n = 1 + rng.below(3);
		// PEER, or one of the assets (`ASSETS`), in its own units.
		let asset = match rng.below(5) {
			0 | 1 => crate::AssetKind::Native,
			k => crate::AssetKind::WithId(ASSETS[k as usize - 2].0),
		};
		let unit = if asset == crate::AssetKind::Native { UNIT } else { 1_000_000 };
		let milestones = (0..n)
			.map(|i| MilestoneSpec {
				description_hash: H256::repeat_byte(i as u8),
				amount: match rng.below(10) {
					0 => 1,
					1 => 0,
					_ => (1 + rng.below(5) as u128) * unit,
				},
			})
			.collect();
		// Most leave the minimum working time; some do not (and are refused).
		let min_working =
			<<Runtime as pallet_missions::Config>::MinWorkingTime as frame_support::traits::Get<
				BlockNumber,
			>>::get();
		let deadline = match rng.below(10) {
			0 => now(),
			1..=2 => now() + 1 + rng.below(60) as u32,
			_ => now() + min_working + rng.below(400) as u32,
		};
		let options = MissionOptions {
			open_to_non_members: rng.chance(50),
			min_bond: if rng.chance(30) { UNIT / 10 } else { 0 },
			min_reputation: if rng.chance(10) { 1 } else { 0 },
		};
		let call = C::create_mission {
			title: b"random".to_vec(),
			content_hash: H256::repeat_byte(9),
			uri: None,
			asset,
			milestones,
			deadline,
			options,
		};
		return Some(("missions.create_mission", signed(&owner), missions_call(call)));
	}
	// Agreements go mostly to missions with an amendment pending.
	let amended: Vec<_> = missions
		.iter()
		.filter(|(id, _)| pallet_missions::Amendments::<Runtime>::contains_key(id))
		.cloned()
		.collect();
	let (id, m) = if choice == 15 && !amended.is_empty() && rng.chance(90) {
		rng.pick(&amended)?
	} else {
		rng.pick(&missions)?
	};
	let roster: Vec<AccountId> = m.roster.iter().map(|(a, _)| a.clone()).collect();
	let commitments: Vec<(AccountId, pallet_missions::Commitment<Runtime>)> =
		pallet_missions::Commitments::<Runtime>::iter_prefix(id).collect();
	let pending: Vec<AccountId> = commitments
		.iter()
		.filter(|(_, c)| c.status == CommitmentStatus::Pending)
		.map(|(a, _)| a.clone())
		.collect();
	let committed: Vec<AccountId> = commitments.iter().map(|(a, _)| a.clone()).collect();
	let milestone = rng.below(m.milestones.len() as u64 + 1) as u32;
	let contributor = if rng.chance(85) { rng.pick(&roster) } else { rng.pick(&everyone) };
	let unit = if m.asset == crate::AssetKind::Native { UNIT } else { 1_000_000 };
	Some(match choice {
		14 => {
			// The owner tops up, adds a milestone or moves the deadline.
			let call = match rng.below(3) {
				0 => C::increase_budget { mission: id, milestone, amount: unit },
				1 => C::add_milestone { mission: id, description_hash: H256::zero(), amount: unit },
				_ => {
					C::extend_deadline { mission: id, deadline: m.deadline + rng.below(300) as u32 }
				}
			};
			("missions.amend", signed(&m.owner), missions_call(call))
		}
		15 => {
			// A contributor agrees to the pending amendment, or the owner withdraws it.
			let pending = pallet_missions::Amendments::<Runtime>::get(id);
			if rng.chance(85) {
				let who = contributor?;
				let terms_hash = pending.map_or(H256::zero(), |a| a.terms_hash);
				(
					"missions.agree_amendment",
					signed(&who),
					missions_call(C::agree_amendment { mission: id, terms_hash }),
				)
			} else {
				(
					"missions.withdraw_amendment",
					signed(&m.owner),
					missions_call(C::withdraw_amendment { mission: id }),
				)
			}
		}
		1 | 2 => {
			let taken: u64 = m.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
			let left = 1_000_000_000u64.saturating_sub(taken) as u32;
			let share = match rng.below(5) {
				0 => Perbill::from_parts(1),
				1 => Perbill::one(),
				2 => Perbill::from_parts(left / 2),
				_ => Perbill::from_parts(left),
			};
			let who = rng.pick(&everyone)?;
			let call =
				C::commit { mission: id, share, role_hash: H256::zero(), max_bond: Balance::MAX };
			("missions.commit", signed(&who), missions_call(call))
		}
		3 => {
			let who = rng.pick(&pending).or_else(|| rng.pick(&everyone))?;
			(
				"missions.accept_commitment",
				signed(&m.owner),
				missions_call(C::accept_commitment { mission: id, who }),
			)
		}
		4 => {
			let who = rng.pick(&committed).or_else(|| rng.pick(&everyone))?;
			let (name, origin, call) = if rng.chance(50) {
				(
					"missions.reject_commitment",
					signed(&m.owner),
					C::reject_commitment { mission: id, who },
				)
			} else {
				(
					"missions.withdraw_commitment",
					signed(&who),
					C::withdraw_commitment { mission: id },
				)
			};
			(name, origin, missions_call(call))
		}
		5 => (
			"missions.propose_terms",
			signed(&m.owner),
			missions_call(C::propose_terms { mission: id }),
		),
		6 => {
			let terms_hash = match m.status {
				MissionStatus::Agreeing { terms_hash } if rng.chance(90) => terms_hash,
				_ => H256::repeat_byte(0xee),
			};
			let who = contributor?;
			(
				"missions.sign_terms",
				signed(&who),
				missions_call(C::sign_terms { mission: id, terms_hash }),
			)
		}
		7 => {
			let who = contributor?;
			let call = C::submit_deliverable {
				mission: id,
				milestone,
				content_hash: H256::repeat_byte(7),
				uri: None,
			};
			("missions.submit_deliverable", signed(&who), missions_call(call))
		}
		8 => (
			"missions.approve_milestone",
			signed(&m.owner),
			missions_call(C::approve_milestone { mission: id, milestone }),
		),
		9 => {
			let call =
				C::reject_milestone { mission: id, milestone, reason_hash: H256::repeat_byte(3) };
			("missions.reject_milestone", signed(&m.owner), missions_call(call))
		}
		10 => {
			let who = contributor?;
			(
				"missions.dispute_milestone",
				signed(&who),
				missions_call(C::dispute_milestone { mission: id, milestone }),
			)
		}
		11 => {
			let who = contributor?;
			("missions.abandon", signed(&who), missions_call(C::abandon { mission: id }))
		}
		12 if rng.chance(30) => (
			"missions.cancel_mission",
			signed(&m.owner),
			missions_call(C::cancel_mission { mission: id }),
		),
		_ => {
			let who = rng.pick(&everyone)?;
			(
				"missions.close_expired",
				signed(&who),
				missions_call(C::close_expired { mission: id }),
			)
		}
	})
}

/// The next sensible step of a random live mission, by the right account
/// with the right arguments: this is what carries missions deep into their
/// lifecycle (terms signed, deliverables approved, disputes raised).
fn drive(rng: &mut Rng) -> Option<Action> {
	use pallet_missions::Call as C;
	let (id, m) = rng.pick(&live())?;
	let owner = signed(&m.owner);
	let commitments: Vec<(AccountId, pallet_missions::Commitment<Runtime>)> =
		pallet_missions::Commitments::<Runtime>::iter_prefix(id).collect();
	Some(match m.status {
		MissionStatus::Recruiting => {
			let taken: u64 = m.roster.iter().map(|(_, s)| s.deconstruct() as u64).sum();
			let pending: Vec<AccountId> = commitments
				.iter()
				.filter(|(_, c)| c.status == CommitmentStatus::Pending)
				.map(|(a, _)| a.clone())
				.collect();
			if taken == 1_000_000_000 && now() <= m.deadline {
				("missions.propose_terms", owner, missions_call(C::propose_terms { mission: id }))
			} else if let (true, Some(who)) = (rng.chance(70), rng.pick(&pending)) {
				let call = C::accept_commitment { mission: id, who };
				("missions.accept_commitment", owner, missions_call(call))
			} else {
				// Someone who may commit: a member, or anyone if it is open.
				let members = members();
				let candidates: Vec<AccountId> = people()
					.into_iter()
					.filter(|a| *a != m.owner && !commitments.iter().any(|(c, _)| c == a))
					.filter(|a| m.options.open_to_non_members || members.contains(a))
					.collect();
				let who = rng.pick(&candidates)?;
				let left = (1_000_000_000u64 - taken) as u32;
				let share = Perbill::from_parts(if rng.chance(60) { left } else { left / 2 + 1 });
				let call = C::commit {
					mission: id,
					share,
					role_hash: H256::zero(),
					max_bond: Balance::MAX,
				};
				("missions.commit", signed(&who), missions_call(call))
			}
		}
		MissionStatus::Agreeing { terms_hash } => {
			let unsigned: Vec<AccountId> = commitments
				.iter()
				.filter(|(_, c)| c.status == CommitmentStatus::Accepted && !c.signed)
				.map(|(a, _)| a.clone())
				.collect();
			let who = rng.pick(&unsigned)?;
			let call = C::sign_terms { mission: id, terms_hash };
			("missions.sign_terms", signed(&who), missions_call(call))
		}
		MissionStatus::Active { .. } => {
			let milestones: Vec<_> = m.milestones.iter().cloned().enumerate().collect();
			let (i, ms) = rng.pick(&milestones)?;
			let milestone = i as u32;
			let roster: Vec<AccountId> = m.roster.iter().map(|(a, _)| a.clone()).collect();
			let worker = rng.pick(&roster)?;
			let submit = |byte| C::submit_deliverable {
				mission: id,
				milestone,
				content_hash: H256::repeat_byte(byte),
				uri: None,
			};
			match ms.status {
				MilestoneStatus::Open => {
					("missions.submit_deliverable", signed(&worker), missions_call(submit(7)))
				}
				MilestoneStatus::Submitted if rng.chance(60) => {
					let call = C::approve_milestone { mission: id, milestone };
					("missions.approve_milestone", owner, missions_call(call))
				}
				MilestoneStatus::Submitted => {
					let reason_hash = H256::repeat_byte(3);
					let call = C::reject_milestone { mission: id, milestone, reason_hash };
					("missions.reject_milestone", owner, missions_call(call))
				}
				MilestoneStatus::Rejected { .. } if rng.chance(50) => {
					let call = C::dispute_milestone { mission: id, milestone };
					("missions.dispute_milestone", signed(&worker), missions_call(call))
				}
				MilestoneStatus::Rejected { .. } => {
					("missions.submit_deliverable", signed(&worker), missions_call(submit(8)))
				}
				_ if rng.chance(10) => {
					("missions.abandon", signed(&worker), missions_call(C::abandon { mission: id }))
				}
				_ => {
					let call = C::close_expired { mission: id };
					("missions.close_expired", signed(&worker), missions_call(call))
				}
			}
		}
	})
}

/// A random call for the council to vote on.
fn proposal(rng: &mut Rng) -> Option<(&'static str, RuntimeCall)> {
	let missions = live();
	Some(match rng.below(9) {
		0 => {
			let disputed: Vec<(u32, u32)> = missions
				.iter()
				.flat_map(|(id, m)| {
					m.milestones.iter().enumerate().filter_map(move |(i, ms)| {
						matches!(ms.status, MilestoneStatus::Disputed { .. })
							.then_some((*id, i as u32))
					})
				})
				.collect();
			let (mission, milestone) = rng.pick(&disputed).unwrap_or((0, 0));
			let verdict = match rng.below(3) {
				0 => Verdict::Approve,
				1 => Verdict::UpholdRejection,
				_ => Verdict::Split(Perbill::from_percent(rng.below(101) as u32)),
			};
			(
				"resolve_dispute",
				missions_call(pallet_missions::Call::resolve_dispute {
					mission,
					milestone,
					verdict,
				}),
			)
		}
		1 => {
			let (mission, _) = rng.pick(&missions)?;
			(
				"force_cancel_mission",
				missions_call(pallet_missions::Call::force_cancel_mission { mission }),
			)
		}
		2 => {
			let applicants: Vec<AccountId> =
				pallet_consortium::Applications::<Runtime>::iter_keys().collect();
			let who = rng.pick(&applicants).or_else(|| rng.pick(&people()))?;
			if rng.chance(70) {
				("admit", RuntimeCall::Consortium(pallet_consortium::Call::admit { who }))
			} else {
				(
					"reject_application",
					RuntimeCall::Consortium(pallet_consortium::Call::reject_application { who }),
				)
			}
		}
		3 => {
			let who = rng.pick(&members())?;
			(
				"remove_member",
				RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who }),
			)
		}
		4 => {
			let value = match rng.below(4) {
				0 => 0,
				1 => crate::EXISTENTIAL_DEPOSIT,
				_ => UNIT / (1 + rng.below(100) as u128),
			};
			let p = match rng.below(3) {
				0 => params::Parameters::MinimumBond(params::MinimumBond, Some(value)),
				1 => params::Parameters::MissionDeposit(params::MissionDeposit, Some(value)),
				_ => params::Parameters::ReviewPeriod(
					params::ReviewPeriod,
					Some(rng.below(100 * DAYS as u64) as u32),
				),
			};
			let call = pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Missions(p),
			};
			("set_parameter", RuntimeCall::Parameters(call))
		}
		5 => {
			// Mostly a member who registered keys: the call's deep path.
			let keyed: Vec<AccountId> = members()
				.into_iter()
				.filter(|a| pallet_session::NextKeys::<Runtime>::contains_key(a))
				.collect();
			let who = if rng.chance(80) { rng.pick(&keyed) } else { None }
				.or_else(|| rng.pick(&people()))?;
			(
				"add_validator",
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who }),
			)
		}
		6 => {
			let who = rng.pick(&pallet_validator_set::Validators::<Runtime>::get().into_inner())?;
			(
				"remove_validator",
				RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator { who }),
			)
		}
		7 => {
			let remark =
				RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] });
			(
				"dispatch_as_root",
				RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
					call: Box::new(remark),
				}),
			)
		}
		_ => {
			let owner = rng.pick(&people())?;
			let node = sp_core::OpaquePeerId(vec![rng.below(4) as u8; 38]);
			let call =
				pallet_authorized_nodes::Call::add_well_known_node { node, owner: owner.into() };
			("add_well_known_node", RuntimeCall::NodeAuthorization(call))
		}
	})
}

/// A motion: proposed, voted by a random part of the council, closed. Each
/// step is counted as its own call.
fn motion(rng: &mut Rng, stats: &mut Stats) {
	let council = pallet_collective::Members::<Runtime, CouncilCollective>::get();
	// Now and then, someone closes an older motion (once its time is up, the
	// absent count as "no").
	let open = pallet_collective::Proposals::<Runtime, CouncilCollective>::get();
	if let (true, Some(hash), Some(closer)) = (rng.chance(30), rng.pick(&open), rng.pick(&council))
	{
		let voting = pallet_collective::Voting::<Runtime, CouncilCollective>::get(hash);
		let proposal = pallet_collective::ProposalOf::<Runtime, CouncilCollective>::get(hash);
		if let (Some(voting), Some(proposal)) = (voting, proposal) {
			// `Votes` keeps its index private; it is the first field encoded.
			let index: u32 = codec::Decode::decode(&mut &voting.encode()[..]).expect("an index");
			let close = Motion::of(proposal).with_index(index).close();
			send(stats, ("council.close_older", signed(&closer), close));
		}
	}
	let Some((name, call)) = proposal(rng) else { return };
	let Some(proposer) = rng.pick(&council) else { return };
	let motion = Motion::of(call);
	let hash = motion.hash;
	let threshold = 2 + rng.below(council.len() as u64) as u32;
	if !send(stats, ("council.propose", signed(&proposer), motion.propose(threshold))) {
		return;
	}
	let all_yes = rng.chance(60);
	for who in &council {
		if rng.chance(15) {
			continue;
		}
		let approve = all_yes || rng.chance(60);
		send(stats, ("council.vote", signed(who), motion.vote(approve)));
	}
	send(stats, ("council.close", signed(&proposer), motion.close()));
	let executed = System::events().iter().rev().find_map(|e| match &e.event {
		RuntimeEvent::Council(pallet_collective::Event::Executed { proposal_hash, result })
			if *proposal_hash == hash =>
		{
			Some(result.is_ok())
		}
		_ => None,
	});
	if let Some(ok) = executed {
		stats.count(
			match name {
				"resolve_dispute" => "motion.resolve_dispute",
				"force_cancel_mission" => "motion.force_cancel_mission",
				"admit" => "motion.admit",
				"reject_application" => "motion.reject_application",
				"remove_member" => "motion.remove_member",
				"set_parameter" => "motion.set_parameter",
				"add_validator" => "motion.add_validator",
				"remove_validator" => "motion.remove_validator",
				"dispatch_as_root" => "motion.dispatch_as_root",
				_ => "motion.add_well_known_node",
			},
			ok,
		);
		stats.total -= 1;
	}
}

/// A random call outside missions and motions.
fn other_action(rng: &mut Rng) -> Option<Action> {
	let everyone = people();
	let who = rng.pick(&everyone)?;
	Some(match rng.below(10) {
		0 => {
			let call = pallet_consortium::Call::apply {
				name: b"applicant".to_vec(),
				kind: pallet_consortium::MemberKind::Organization,
				charter: None,
			};
			("consortium.apply", signed(&who), RuntimeCall::Consortium(call))
		}
		1 => (
			"consortium.withdraw_application",
			signed(&who),
			RuntimeCall::Consortium(pallet_consortium::Call::withdraw_application {}),
		),
		2 => (
			"consortium.give_notice",
			signed(&who),
			RuntimeCall::Consortium(pallet_consortium::Call::give_notice {}),
		),
		3 => (
			"consortium.retire",
			signed(&who),
			RuntimeCall::Consortium(pallet_consortium::Call::retire {}),
		),
		4 | 5 => {
			let dest = rng.pick(&everyone)?;
			let free = Balances::free_balance(&who);
			let value = match rng.below(4) {
				0 => free,
				1 => crate::EXISTENTIAL_DEPOSIT / 2,
				_ => free / (2 + rng.below(8) as u128),
			};
			if rng.chance(50) {
				let call = pallet_balances::Call::transfer_keep_alive { dest: dest.into(), value };
				("balances.transfer_keep_alive", signed(&who), RuntimeCall::Balances(call))
			} else {
				let call = pallet_balances::Call::transfer_allow_death { dest: dest.into(), value };
				("balances.transfer_allow_death", signed(&who), RuntimeCall::Balances(call))
			}
		}
		6 if rng.chance(30) => {
			// Dropping keys: refused to a validator, filtered when asked of the
			// session pallet directly.
			if rng.chance(50) {
				let call = pallet_validator_set::Call::purge_keys {};
				("validator_set.purge_keys", signed(&who), RuntimeCall::ValidatorSet(call))
			} else {
				let call = pallet_session::Call::purge_keys {};
				("session.purge_keys", signed(&who), RuntimeCall::Session(call))
			}
		}
		6 => {
			// Real session keys: generated in the keystore, proven by their owner.
			let generated = crate::opaque::SessionKeys::generate(&who.encode(), None);
			let call = pallet_session::Call::set_keys {
				keys: generated.keys,
				proof: generated.proof.encode(),
			};
			("session.set_keys", signed(&who), RuntimeCall::Session(call))
		}
		7 => {
			let node = sp_core::OpaquePeerId(vec![4 + rng.below(4) as u8; 38]);
			let call = if rng.chance(60) {
				pallet_authorized_nodes::Call::claim_node { node }
			} else {
				let peer = sp_core::OpaquePeerId(vec![9; 38]);
				pallet_authorized_nodes::Call::add_connections { node, connections: vec![peer] }
			};
			("nodes.claim_or_connect", signed(&who), RuntimeCall::NodeAuthorization(call))
		}
		8 => {
			// Identities and sub-identities, some naming an account that holds
			// nothing, which then tries to quit (refused: the deposit would be
			// stranded), checked by `check_reserves`.
			use pallet_identity::{legacy::IdentityInfo, Data};
			let unfunded = AccountId::from([0xee; 32]);
			match rng.below(5) {
				0 => {
					let info = IdentityInfo {
						display: Data::Raw(b"random".to_vec().try_into().expect("short")),
						..Default::default()
					};
					let call = pallet_identity::Call::set_identity { info: Box::new(info) };
					("identity.set_identity", signed(&who), RuntimeCall::Identity(call))
				}
				1 => {
					let sub = if rng.chance(50) { unfunded } else { rng.pick(&everyone)? };
					let call = pallet_identity::Call::add_sub {
						sub: sub.into(),
						data: Data::Raw(b"desk".to_vec().try_into().expect("short")),
					};
					("identity.add_sub", signed(&who), RuntimeCall::Identity(call))
				}
				2 => {
					let by = if rng.chance(50) { unfunded } else { who };
					let call = pallet_identity::Call::quit_sub {};
					("identity.quit_sub", signed(&by), RuntimeCall::Identity(call))
				}
				3 => {
					let sub = if rng.chance(50) { unfunded } else { rng.pick(&everyone)? };
					let call = pallet_identity::Call::remove_sub { sub: sub.into() };
					("identity.remove_sub", signed(&who), RuntimeCall::Identity(call))
				}
				_ => {
					let call = pallet_identity::Call::clear_identity {};
					("identity.clear_identity", signed(&who), RuntimeCall::Identity(call))
				}
			}
		}
		_ => {
			// A batch of two or three mission calls from one origin.
			let (_, origin, first) = mission_action(rng)?;
			let mut calls = vec![first];
			for _ in 0..1 + rng.below(2) {
				if let Some((_, _, c)) = mission_action(rng) {
					calls.push(c);
				}
			}
			let (name, call) = match rng.below(3) {
				0 => ("utility.batch", pallet_utility::Call::batch { calls }),
				1 => ("utility.batch_all", pallet_utility::Call::batch_all { calls }),
				_ => ("utility.force_batch", pallet_utility::Call::force_batch { calls }),
			};
			(name, origin, RuntimeCall::Utility(call))
		}
	})
}

/// A member's or outsider's call made through a proxy: a mission step, a
/// transfer, a batch, sent by a delegate of the account that would send it.
/// The account grants a proxy of a random type first if it has none, and
/// sometimes removes one. A call its proxy's type does not allow must be
/// refused (`system.CallFiltered`) and change nothing.
fn proxy_action(rng: &mut Rng, stats: &mut Stats) -> Option<()> {
	use crate::configs::organizations::ProxyType;
	use frame_support::traits::{InstanceFilter, OriginTrait};
	let (_, origin, inner) = match rng.below(3) {
		0 => drive(rng),
		1 => mission_action(rng),
		_ => other_action(rng),
	}?;
	let real = origin.into_signer()?;
	let (defs, _) = pallet_proxy::Proxies::<Runtime>::get(&real);
	let Some(def) = rng.pick(&defs) else {
		let delegate = rng.pick(&people())?;
		let proxy_type = rng.pick(&ProxyType::ALL)?;
		let grant =
			pallet_proxy::Call::add_proxy { delegate: delegate.into(), proxy_type, delay: 0 };
		send(stats, ("proxy.add_proxy", signed(&real), RuntimeCall::Proxy(grant)));
		return Some(());
	};
	if rng.chance(10) {
		let call = pallet_proxy::Call::remove_proxy {
			delegate: def.delegate.clone().into(),
			proxy_type: def.proxy_type,
			delay: 0,
		};
		send(stats, ("proxy.remove_proxy", signed(&real), RuntimeCall::Proxy(call)));
		return Some(());
	}
	let allowed = def.proxy_type.filter(&inner);
	let call = pallet_proxy::Call::proxy {
		real: real.clone().into(),
		force_proxy_type: None,
		call: Box::new(inner),
	};
	let money_of = |a: &AccountId| System::account(a).data;
	let before = money_of(&real);
	let seen = System::events().len();
	let name = if allowed { "proxy.proxy (allowed)" } else { "proxy.proxy (not allowed)" };
	if send(stats, (name, signed(&def.delegate), RuntimeCall::Proxy(call))) && !allowed {
		let result = System::events()[seen..].iter().find_map(|e| match &e.event {
			RuntimeEvent::Proxy(pallet_proxy::Event::ProxyExecuted { result }) => Some(*result),
			_ => None,
		});
		assert_eq!(
			result,
			Some(Err(frame_system::Error::<Runtime>::CallFiltered.into())),
			"a {:?} proxy sent a call its type does not allow",
			def.proxy_type
		);
		assert_eq!(money_of(&real), before, "a refused call moved money");
	}
	Some(())
}

/// Dispatches one call; a failed one must leave the state as it was.
fn send(stats: &mut Stats, (name, origin, call): Action) -> bool {
	let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
	let result = call.dispatch(origin);
	assert!(
		!(name == "session.purge_keys" && result.is_ok()),
		"session.purgeKeys must be filtered out"
	);
	if let Err(e) = &result {
		let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
		assert_eq!(before, after, "{name} failed with {:?} but changed the state", e.error);
	}
	stats.count(name, result.is_ok());
	result.is_ok()
}

/// What the rules may burn in this block: turned-down pending commitments'
/// fees, rejected applications' deposits, and dust of reaped accounts.
fn burned_this_block() -> Balance {
	System::events()
		.iter()
		.map(|e| match &e.event {
			RuntimeEvent::Missions(pallet_missions::Event::CommitmentRejected { fee, .. }) => *fee,
			RuntimeEvent::Consortium(pallet_consortium::Event::ApplicationRejected {
				burned,
				..
			}) => *burned,
			RuntimeEvent::Balances(pallet_balances::Event::DustLost { amount, .. }) => *amount,
			_ => 0,
		})
		.sum()
}

/// Every pallet's invariants, and the money: the issuance is the sum of all
/// balances, and fell by exactly what the rules burned.
fn check_block(issuance: &mut Balance) {
	crate::Missions::do_try_state().expect("missions invariants");
	crate::Consortium::do_try_state().expect("consortium invariants");
	crate::ValidatorSet::do_try_state().expect("validator set invariants");
	crate::NodeAuthorization::do_try_state().expect("node authorization invariants");
	let total = <Balances as Inspect<AccountId>>::total_issuance();
	let sum: Balance =
		frame_system::Account::<Runtime>::iter().map(|(_, a)| a.data.free + a.data.reserved).sum();
	assert_eq!(total, sum, "the issuance is not the sum of the balances");
	*issuance -= burned_this_block();
	assert_eq!(total, *issuance, "money was made or lost");
	check_reserves();
	check_assets();
	// The council is the consortium.
	let mut council = pallet_collective::Members::<Runtime, CouncilCollective>::get();
	council.sort();
	assert_eq!(council, members(), "the council is not the member set");
}

/// Every reserved balance is accounted for: by a hold, or by a deposit that
/// a pallet records (identity, sub-identities and paid judgements, proxies and
/// announcements, multisig operations). A reserve nobody records can never be
/// released: the sub-identity deposit stranded by `identity.quitSub` was one.
fn check_reserves() {
	let mut multisig: BTreeMap<AccountId, Balance> = BTreeMap::new();
	for (_, _, m) in pallet_multisig::Multisigs::<Runtime>::iter() {
		*multisig.entry(m.depositor.clone()).or_default() += m.deposit;
	}
	for (who, account) in frame_system::Account::<Runtime>::iter() {
		let holds: Balance =
			pallet_balances::Holds::<Runtime>::get(&who).iter().map(|h| h.amount).sum();
		let identity = pallet_identity::IdentityOf::<Runtime>::get(&who).map_or(0, |r| {
			let fees: Balance = r
				.judgements
				.iter()
				.map(|(_, j)| match j {
					pallet_identity::Judgement::FeePaid(fee) => *fee,
					_ => 0,
				})
				.sum();
			r.deposit + fees
		});
		let subs = pallet_identity::SubsOf::<Runtime>::get(&who).0;
		let proxies = pallet_proxy::Proxies::<Runtime>::get(&who).1
			+ pallet_proxy::Announcements::<Runtime>::get(&who).1;
		let known = holds + identity + subs + proxies + multisig.get(&who).copied().unwrap_or(0);
		assert_eq!(
			account.data.reserved, known,
			"{who}: {} reserved, {known} accounted for (holds {holds}, identity {identity}, \
			 subs {subs}, proxies {proxies})",
			account.data.reserved
		);
	}
}

/// Ends the block, and starts the one `jump` blocks later with every hook
/// (the Aura slot follows the block number, the clock the slot).
fn next_block(jump: BlockNumber) {
	let n = now();
	if n > 0 {
		AllPalletsWithSystem::on_finalize(n);
	}
	let next = n + jump.max(1);
	let parent = System::parent_hash();
	let slot = sp_consensus_aura::Slot::from(next as u64);
	let digest = sp_runtime::generic::Digest {
		logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
	};
	System::reset_events();
	// A jump skips the blocks between: the chain resumes at `next`.
	System::set_block_number(next - 1);
	System::initialize(&next, &parent, &digest);
	AllPalletsWithSystem::on_initialize(next);
	pallet_timestamp::Pallet::<Runtime>::set(RuntimeOrigin::none(), next as u64 * SLOT_DURATION)
		.expect("the clock moves");
}

/// Liveness, simulated then rolled back: what must always be possible is.
fn check_liveness() {
	let root = || RuntimeOrigin::root();
	for (id, m) in live() {
		let can = |call: RuntimeCall, origin: RuntimeOrigin| -> Result<(), DispatchError> {
			with_transaction(|| {
				let r = call.dispatch(origin).map(|_| ()).map_err(|e| e.error);
				TransactionOutcome::Rollback(Ok::<_, DispatchError>(r))
			})
			.expect("rolled back")
		};
		// Governance can always force-cancel.
		assert_eq!(
			can(missions_call(pallet_missions::Call::force_cancel_mission { mission: id }), root()),
			Ok(()),
			"governance cannot force-cancel mission {id}"
		);
		let active = matches!(m.status, MissionStatus::Active { .. });
		if active {
			for (who, _) in &m.roster {
				assert_eq!(
					can(missions_call(pallet_missions::Call::abandon { mission: id }), signed(who)),
					Ok(()),
					"a contributor cannot abandon mission {id}"
				);
			}
			for (i, ms) in m.milestones.iter().enumerate() {
				if ms.status == MilestoneStatus::Submitted && !m.roster.is_empty() {
					let call = pallet_missions::Call::approve_milestone {
						mission: id,
						milestone: i as u32,
					};
					assert_eq!(
						can(missions_call(call), signed(&m.owner)),
						Ok(()),
						"a submitted milestone of mission {id} cannot be approved"
					);
				}
			}
		}
		// Expired, with nothing in dispute and no dispute period running:
		// anyone can close it.
		let closes_at =
			if active { m.deadline.saturating_add(m.review_period) } else { m.deadline };
		let period = <Runtime as pallet_missions::Config>::DisputePeriod::get();
		let waiting = m.milestones.iter().any(|ms| match ms.status {
			MilestoneStatus::Disputed { .. } => true,
			MilestoneStatus::Rejected { at, upheld: false, .. } => {
				now() <= at.saturating_add(period)
			}
			_ => false,
		});
		if now() > closes_at && !waiting {
			let anyone = people()[7].clone();
			assert_eq!(
				can(
					missions_call(pallet_missions::Call::close_expired { mission: id }),
					signed(&anyone)
				),
				Ok(()),
				"expired mission {id} cannot be closed"
			);
		}
	}
}

/// Runs `calls` random calls from `seed` on a fresh development chain.
pub fn run(seed: u64, calls: u64, stats: &mut Stats) {
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	let mut ext = genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		let mut rng = Rng::new(seed);
		next_block(1);
		create_assets();
		let mut issuance = <Balances as Inspect<AccountId>>::total_issuance();
		let start = stats.total;
		while stats.total - start < calls {
			match rng.below(12) {
				0 | 1 => {
					if let Some(a) = other_action(&mut rng) {
						send(stats, a);
					}
				}
				2 => motion(&mut rng, stats),
				10 => {
					let _ = proxy_action(&mut rng, stats);
				}
				11 => {
					if let Some(a) = asset_action(&mut rng) {
						send(stats, a);
					}
				}
				3..=6 => {
					if let Some(a) = drive(&mut rng) {
						send(stats, a);
					}
				}
				_ => {
					if let Some(a) = mission_action(&mut rng) {
						send(stats, a);
					}
				}
			}
			if rng.chance(20) {
				check_block(&mut issuance);
				let jump = match rng.below(30) {
					0 => DAYS,
					1 => 3 * DAYS + 1,
					2 => 8 * DAYS,
					3 => 600,
					4..=6 => 10 + rng.below(50) as u32,
					_ => 1,
				};
				next_block(jump);
				stats.blocks += 1;
			}
			if rng.chance(5) {
				check_liveness();
			}
		}
		check_block(&mut issuance);
		check_liveness();
	});
}

fn env(name: &str, default: u64) -> u64 {
	std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A short run in `cargo test`; `scripts/random-calls.sh` runs long ones.
#[test]
fn random_calls_keep_every_invariant() {
	let total = env("PEER_RANDOM_CALLS", 3_000);
	let first = env("PEER_RANDOM_SEED", 1);
	let per_seed = env("PEER_RANDOM_CALLS_PER_SEED", 300).min(total).max(1);
	let mut stats = Stats::default();
	let started = std::time::Instant::now();
	let mut seed = first;
	let mut sequences = 0;
	while stats.total < total {
		let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
			let mut s = Stats::default();
			run(seed, per_seed, &mut s);
			s
		}));
		match result {
			Ok(s) => {
				for (name, (ok, err)) in s.calls {
					let e = stats.calls.entry(name).or_default();
					e.0 += ok;
					e.1 += err;
				}
				stats.total += s.total;
				stats.blocks += s.blocks;
			}
			Err(e) => {
				eprintln!(
					"[random-calls] FAILED at seed {seed}: rerun with PEER_RANDOM_SEED={seed} \
					 PEER_RANDOM_CALLS={per_seed}"
				);
				std::panic::resume_unwind(e);
			}
		}
		sequences += 1;
		seed += 1;
	}
	let secs = started.elapsed().as_secs_f64();
	// On a line of its own: the test harness's own line may be open.
	println!();
	println!(
		"[random-calls] {} calls in {sequences} sequences (seeds {first}..{}), {} blocks, {:.0} calls/s, all clean",
		stats.total,
		seed - 1,
		stats.blocks,
		stats.total as f64 / secs
	);
	for (name, (ok, err)) in &stats.calls {
		println!(
			"[random-calls] {name:<36} {ok:>7} ok {err:>7} failed ({:.0}% ok)",
			100.0 * *ok as f64 / (*ok + *err).max(1) as f64
		);
	}
	// The runs reach the deep paths, not just the errors.
	for deep in ["missions.sign_terms", "missions.approve_milestone", "missions.close_expired"] {
		assert!(stats.calls.get(deep).is_some_and(|(ok, _)| *ok > 0), "{deep} never succeeded");
	}
}

/// `check_reserves` is not vacuous: a sub-identity deposit stranded the way
/// `identity.quitSub` once stranded it (the call forced past the runtime's
/// filter) is caught.
#[test]
fn the_reserve_check_catches_a_stranded_deposit() {
	use frame_support::{assert_ok, traits::UnfilteredDispatchable};
	use pallet_identity::{legacy::IdentityInfo, Data};
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let alice = Sr25519Keyring::Alice.to_account_id();
		let unfunded = AccountId::from([0xee; 32]);
		let info = IdentityInfo {
			display: Data::Raw(b"Alice Labs".to_vec().try_into().expect("short")),
			..Default::default()
		};
		assert_ok!(crate::Identity::set_identity(signed(&alice), Box::new(info)));
		assert_ok!(crate::Identity::add_sub(
			signed(&alice),
			unfunded.clone().into(),
			Data::Raw(b"desk".to_vec().try_into().expect("short"))
		));
		check_reserves();
		let quit = pallet_identity::Call::<Runtime>::quit_sub {};
		assert_ok!(quit.dispatch_bypass_filter(signed(&unfunded)));
		let caught = std::panic::catch_unwind(check_reserves);
		assert!(caught.is_err(), "a reserve with no record went unnoticed");
	});
}
