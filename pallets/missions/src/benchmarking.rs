//! Benchmarks of every call at its worst case: full rosters, every milestone,
//! the longest URI. Approving the last milestone completes a mission and is
//! benchmarked apart (`approve_last_milestone`), as is a completion alone
//! (`complete_mission`, which a dispute's verdict may run), so that calls are
//! charged for a completion only when it happens.

use super::*;
use crate::{LiveMissions, Pallet as Missions};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::{traits::Bounded, Perbill, Saturating};

const SEED: u32 = 0;

fn unit<T: Config>() -> BalanceOf<T> {
	T::MinimumBudget::get().max(T::Currency::minimum_balance()).max(1u32.into())
}

/// A member with plenty of funds.
fn member<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let plenty = unit::<T>()
		.saturating_mul(100_000u32.into())
		.saturating_add(T::MissionDeposit::get().saturating_mul(10u32.into()))
		.saturating_add(T::MinimumBond::get().saturating_mul(10u32.into()));
	T::Currency::set_balance(&who, plenty.min(BalanceOf::<T>::max_value() / 4u32.into()));
	T::BenchmarkHelper::make_member(&who);
	who
}

/// The nearest deadline a mission may have, with ten blocks to spare.
fn soonest_deadline<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number()
		.saturating_add(T::MinWorkingTime::get())
		.saturating_add(10u32.into())
}

/// What `owner`'s missions pay in: an asset if the runtime has one for
/// benchmarks (the costlier escrow), issued to it; else the native currency.
fn asset_of<T: Config>(owner: &T::AccountId) -> T::AssetKind {
	let plenty = unit::<T>().saturating_mul(100_000u32.into());
	T::BenchmarkHelper::issue_asset(owner, plenty).unwrap_or_else(T::NativeAsset::get)
}

/// A mission of `m` milestones of one unit each, with a URI of `u` bytes.
fn mission<T: Config>(owner: &T::AccountId, m: u32, u: u32) -> MissionId {
	let id = NextMissionId::<T>::get();
	let milestones = (0..m)
		.map(|i| MilestoneSpec {
			description_hash: H256::repeat_byte(i as u8),
			amount: unit::<T>(),
		})
		.collect();
	let deadline = soonest_deadline::<T>();
	Missions::<T>::create_mission(
		RawOrigin::Signed(owner.clone()).into(),
		vec![b't'; T::MaxTitleLen::get() as usize],
		H256::repeat_byte(1),
		Some(vec![b'u'; u as usize]),
		asset_of::<T>(owner),
		milestones,
		deadline,
		MissionOptions { open_to_non_members: false, min_bond: 0u32.into(), min_reputation: 0 },
	)
	.expect("mission created");
	id
}

/// Shares for `c` contributors that add up to the whole.
fn shares(c: u32) -> Vec<Perbill> {
	let whole = Perbill::one().deconstruct();
	let each = whole / c;
	let mut v = vec![Perbill::from_parts(each); c as usize];
	v[0] = Perbill::from_parts(whole - each * (c - 1));
	v
}

/// Commits and accepts `shares.len()` contributors.
fn recruit<T: Config>(
	owner: &T::AccountId,
	id: MissionId,
	shares: &[Perbill],
) -> Vec<T::AccountId> {
	shares
		.iter()
		.enumerate()
		.map(|(i, share)| {
			let who = member::<T>("contributor", i as u32);
			Missions::<T>::commit(
				RawOrigin::Signed(who.clone()).into(),
				id,
				*share,
				H256::zero(),
				BalanceOf::<T>::max_value(),
			)
			.expect("committed");
			Missions::<T>::accept_commitment(
				RawOrigin::Signed(owner.clone()).into(),
				id,
				who.clone(),
			)
			.expect("accepted");
			who
		})
		.collect()
}

/// `n` pending commitments with a tiny share each.
fn pending<T: Config>(id: MissionId, n: u32) {
	for i in 0..n {
		let who = member::<T>("pending", i);
		Missions::<T>::commit(
			RawOrigin::Signed(who).into(),
			id,
			Perbill::from_parts(1),
			H256::zero(),
			BalanceOf::<T>::max_value(),
		)
		.expect("committed");
	}
}

fn terms<T: Config>(id: MissionId) -> H256 {
	match LiveMissions::<T>::get(id).expect("mission").status {
		MissionStatus::Agreeing { terms_hash } | MissionStatus::Active { terms_hash } => terms_hash,
		MissionStatus::Recruiting => H256::zero(),
	}
}

/// An active mission with `c` contributors, `m` milestones, and `p`
/// commitments that were never accepted.
fn active<T: Config>(c: u32, m: u32, p: u32) -> (T::AccountId, MissionId, Vec<T::AccountId>) {
	let owner = member::<T>("owner", 0);
	let id = mission::<T>(&owner, m, T::MaxUriLen::get());
	pending::<T>(id, p);
	let roster = recruit::<T>(&owner, id, &shares(c));
	Missions::<T>::propose_terms(RawOrigin::Signed(owner.clone()).into(), id).expect("proposed");
	let hash = terms::<T>(id);
	for who in &roster {
		Missions::<T>::sign_terms(RawOrigin::Signed(who.clone()).into(), id, hash).expect("signed");
	}
	(owner, id, roster)
}

fn submit<T: Config>(who: &T::AccountId, id: MissionId, milestone: u32) {
	Missions::<T>::submit_deliverable(
		RawOrigin::Signed(who.clone()).into(),
		id,
		milestone,
		H256::repeat_byte(7),
		Some(vec![b'u'; T::MaxUriLen::get() as usize]),
	)
	.expect("submitted");
}

/// An active mission (as `active`) whose every milestone is delivered, none reviewed.
fn delivered<T: Config>(c: u32, m: u32, p: u32) -> (T::AccountId, MissionId, Vec<T::AccountId>) {
	let (owner, id, roster) = active::<T>(c, m, p);
	for i in 0..m {
		submit::<T>(&roster[0], id, i);
	}
	(owner, id, roster)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_mission(
		m: Linear<1, { T::MaxMilestones::get() }>,
		u: Linear<0, { T::MaxUriLen::get() }>,
	) {
		let owner = member::<T>("owner", 0);
		let milestones: Vec<_> = (0..m)
			.map(|i| MilestoneSpec {
				description_hash: H256::repeat_byte(i as u8),
				amount: unit::<T>(),
			})
			.collect();
		let deadline = soonest_deadline::<T>();
		let asset = asset_of::<T>(&owner);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(owner.clone()),
			vec![b't'; T::MaxTitleLen::get() as usize],
			H256::repeat_byte(1),
			Some(vec![b'u'; u as usize]),
			asset,
			milestones,
			deadline,
			MissionOptions::default(),
		);

		assert_eq!(OwnedMissions::<T>::get(&owner).len(), 1);
	}

	#[benchmark]
	fn commit() {
		let c = T::MaxContributors::get();
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, 1, 0);
		// A roster one short of full, with room in the shares.
		recruit::<T>(&owner, id, &vec![Perbill::from_parts(1); (c - 1) as usize]);
		pending::<T>(id, c - 1);
		let who = member::<T>("committer", 0);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(who.clone()),
			id,
			Perbill::from_percent(1),
			H256::zero(),
			BalanceOf::<T>::max_value(),
		);

		assert!(Commitments::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn withdraw_commitment(c: Linear<1, { T::MaxContributors::get() }>) {
		// Withdrawing from terms out for signature voids every signature.
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, 1, 0);
		let roster = recruit::<T>(&owner, id, &shares(c));
		Missions::<T>::propose_terms(RawOrigin::Signed(owner).into(), id).expect("proposed");
		let who = roster[c as usize - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);

		assert!(!Commitments::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn accept_commitment(c: Linear<1, { T::MaxContributors::get() }>) {
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, 1, 0);
		recruit::<T>(&owner, id, &vec![Perbill::from_parts(1); (c - 1) as usize]);
		let who = member::<T>("committer", 0);
		Missions::<T>::commit(
			RawOrigin::Signed(who.clone()).into(),
			id,
			Perbill::from_percent(1),
			H256::zero(),
			BalanceOf::<T>::max_value(),
		)
		.expect("committed");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, who.clone());

		assert_eq!(LiveMissions::<T>::get(id).expect("mission").roster.len() as u32, c);
	}

	#[benchmark]
	fn reject_commitment(c: Linear<1, { T::MaxContributors::get() }>) {
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, 1, 0);
		let roster = recruit::<T>(&owner, id, &shares(c));
		Missions::<T>::propose_terms(RawOrigin::Signed(owner.clone()).into(), id)
			.expect("proposed");
		let who = roster[c as usize - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, who.clone());

		assert!(!Commitments::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn reject_pending_commitment() {
		// A pending commitment turned down: its fee is taken, the rest released.
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, 1, 0);
		pending::<T>(id, T::MaxContributors::get());
		let who: T::AccountId = account("pending", 0, SEED);

		#[extrinsic_call]
		reject_commitment(RawOrigin::Signed(owner), id, who.clone());

		assert!(!Commitments::<T>::contains_key(id, &who));
	}

	#[benchmark]
	fn propose_terms(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, m, 0);
		recruit::<T>(&owner, id, &shares(c));

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert_ne!(terms::<T>(id), H256::zero());
	}

	#[benchmark]
	fn sign_terms(c: Linear<1, { T::MaxContributors::get() }>) {
		// The last signature: every other one is read, and the mission starts.
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, T::MaxMilestones::get(), 0);
		let roster = recruit::<T>(&owner, id, &shares(c));
		Missions::<T>::propose_terms(RawOrigin::Signed(owner).into(), id).expect("proposed");
		let hash = terms::<T>(id);
		for who in &roster[..c as usize - 1] {
			Missions::<T>::sign_terms(RawOrigin::Signed(who.clone()).into(), id, hash)
				.expect("signed");
		}
		let last = roster[c as usize - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(last), id, hash);

		assert!(matches!(
			LiveMissions::<T>::get(id).expect("mission").status,
			MissionStatus::Active { .. }
		));
	}

	#[benchmark]
	fn submit_deliverable(u: Linear<0, { T::MaxUriLen::get() }>) {
		// A resubmission after a rejection.
		let (owner, id, roster) =
			active::<T>(T::MaxContributors::get(), T::MaxMilestones::get(), 0);
		submit::<T>(&roster[0], id, 0);
		Missions::<T>::reject_milestone(RawOrigin::Signed(owner).into(), id, 0, H256::zero())
			.expect("rejected");

		#[extrinsic_call]
		_(
			RawOrigin::Signed(roster[0].clone()),
			id,
			0,
			H256::repeat_byte(8),
			Some(vec![b'u'; u as usize]),
		);

		assert_eq!(Deliverables::<T>::get(id, 0).expect("deliverable").version, 2);
	}

	#[benchmark]
	fn approve_milestone(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<2, { T::MaxMilestones::get() }>,
	) {
		// A milestone that is not the last: pays the roster, the mission goes
		// on. A completion is weighed by `complete_mission`.
		let (owner, id, roster) = active::<T>(c, m, 0);
		submit::<T>(&roster[0], id, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, 0);

		assert_eq!(
			LiveMissions::<T>::get(id).expect("mission").milestones[0].status,
			MilestoneStatus::Paid
		);
	}

	#[benchmark]
	fn approve_last_milestone(
		c: Linear<1, { T::MaxContributors::get() }>,
		p: Linear<0, { Missions::<T>::max_pending() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		// The last milestone: pays the roster and completes the mission,
		// releasing `c + p` bonds.
		let (owner, id, _) = delivered::<T>(c, m, p);
		for i in 0..m - 1 {
			Missions::<T>::approve_milestone(RawOrigin::Signed(owner.clone()).into(), id, i)
				.expect("approved");
		}

		#[extrinsic_call]
		approve_milestone(RawOrigin::Signed(owner), id, m - 1);

		assert!(LiveMissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn complete_mission(
		c: Linear<1, { T::MaxContributors::get() }>,
		p: Linear<0, { Missions::<T>::max_pending() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		// Every milestone settled (and delivered): the rest of the escrow is
		// refunded, `c + p` bonds released, every record removed.
		let (_, id, _) = delivered::<T>(c, m, p);
		let mut settled = LiveMissions::<T>::get(id).expect("mission");
		for milestone in settled.milestones.iter_mut() {
			milestone.status = MilestoneStatus::Paid;
		}

		#[block]
		{
			Missions::<T>::finish_or_store(id, settled).expect("completed");
		}

		assert!(LiveMissions::<T>::get(id).is_none());
		assert_eq!(Commitments::<T>::iter_prefix(id).count(), 0);
	}

	#[benchmark]
	fn reject_milestone(c: Linear<1, { T::MaxContributors::get() }>) {
		let (owner, id, roster) = active::<T>(c, T::MaxMilestones::get(), 0);
		submit::<T>(&roster[0], id, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, 0, H256::repeat_byte(9));

		assert!(matches!(
			LiveMissions::<T>::get(id).expect("mission").milestones[0].status,
			MilestoneStatus::Rejected { .. }
		));
	}

	#[benchmark]
	fn dispute_milestone() {
		let (owner, id, roster) =
			active::<T>(T::MaxContributors::get(), T::MaxMilestones::get(), 0);
		submit::<T>(&roster[0], id, 0);
		Missions::<T>::reject_milestone(RawOrigin::Signed(owner).into(), id, 0, H256::zero())
			.expect("rejected");
		let who = roster[roster.len() - 1].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), id, 0);

		assert!(matches!(
			LiveMissions::<T>::get(id).expect("mission").milestones[0].status,
			MilestoneStatus::Disputed { .. }
		));
	}

	#[benchmark]
	fn resolve_dispute(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<2, { T::MaxMilestones::get() }>,
	) -> Result<(), BenchmarkError> {
		// A split of a milestone that is not the last: pays the roster and
		// refunds the owner. A completion is weighed by `complete_mission`.
		let (owner, id, roster) = active::<T>(c, m, 0);
		submit::<T>(&roster[0], id, 0);
		Missions::<T>::reject_milestone(RawOrigin::Signed(owner).into(), id, 0, H256::zero())
			.expect("rejected");
		Missions::<T>::dispute_milestone(RawOrigin::Signed(roster[0].clone()).into(), id, 0)
			.expect("disputed");
		let origin =
			T::DisputeOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id, 0, Verdict::Split(Perbill::from_percent(50)));

		assert!(matches!(
			LiveMissions::<T>::get(id).expect("mission").milestones[0].status,
			MilestoneStatus::Split { .. }
		));
		Ok(())
	}

	#[benchmark]
	fn cancel_mission(
		c: Linear<1, { T::MaxContributors::get() * 2 }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		// Before work: up to a full roster and a full pending list.
		let max = T::MaxContributors::get();
		let owner = member::<T>("owner", 0);
		let id = mission::<T>(&owner, m, T::MaxUriLen::get());
		let accepted = c.min(max);
		recruit::<T>(&owner, id, &vec![Perbill::from_parts(1000); accepted as usize]);
		pending::<T>(id, c - accepted);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(LiveMissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn force_cancel_mission(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) -> Result<(), BenchmarkError> {
		// After the review period: every milestone delivered and left unreviewed, so each is
		// paid before the mission ends; a full pending list.
		let (_, id, _) = delivered::<T>(c, m, Missions::<T>::max_pending());
		let deadline = LiveMissions::<T>::get(id).expect("mission").deadline;
		frame_system::Pallet::<T>::set_block_number(
			deadline.saturating_add(T::ReviewPeriod::get()).saturating_add(1u32.into()),
		);
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, id);

		assert!(LiveMissions::<T>::get(id).is_none());
		Ok(())
	}

	#[benchmark]
	fn abandon(c: Linear<2, { T::MaxContributors::get() }>) {
		let (_, id, roster) = active::<T>(c, T::MaxMilestones::get(), 0);
		let who = roster[0].clone();

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), id);

		assert_eq!(LiveMissions::<T>::get(id).expect("mission").roster.len() as u32, c - 1);
	}

	#[benchmark]
	fn close_expired(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		// Every milestone delivered and left unreviewed: each is paid to the
		// roster; a full pending list.
		let (_, id, _) = delivered::<T>(c, m, Missions::<T>::max_pending());
		let deadline = LiveMissions::<T>::get(id).expect("mission").deadline;
		frame_system::Pallet::<T>::set_block_number(
			deadline.saturating_add(T::ReviewPeriod::get()).saturating_add(1u32.into()),
		);
		let caller = member::<T>("closer", 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);

		assert!(LiveMissions::<T>::get(id).is_none());
	}

	#[benchmark]
	fn increase_budget(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		let (owner, id, _) = active::<T>(c, m, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, m - 1, unit::<T>());

		assert!(crate::Amendments::<T>::contains_key(id));
	}

	#[benchmark]
	fn add_milestone(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() - 1 }>,
	) {
		let (owner, id, _) = active::<T>(c, m, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, H256::repeat_byte(9), unit::<T>());

		assert!(crate::Amendments::<T>::contains_key(id));
	}

	#[benchmark]
	fn extend_deadline(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() }>,
	) {
		let (owner, id, _) = active::<T>(c, m, 0);
		let later = LiveMissions::<T>::get(id).expect("mission").deadline + 10u32.into();

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id, later);

		assert!(crate::Amendments::<T>::contains_key(id));
	}

	#[benchmark]
	fn agree_amendment(
		c: Linear<1, { T::MaxContributors::get() }>,
		m: Linear<1, { T::MaxMilestones::get() - 1 }>,
	) {
		// The last agreement: every milestone topped up, one added, the deadline moved.
		let (owner, id, roster) = active::<T>(c, m, 0);
		let o = || RawOrigin::Signed(owner.clone()).into();
		for i in 0..m {
			Missions::<T>::increase_budget(o(), id, i, unit::<T>()).expect("topped up");
		}
		Missions::<T>::add_milestone(o(), id, H256::repeat_byte(9), unit::<T>()).expect("added");
		let later = LiveMissions::<T>::get(id).expect("mission").deadline + 10u32.into();
		Missions::<T>::extend_deadline(o(), id, later).expect("extended");
		let hash = crate::Amendments::<T>::get(id).expect("pending").terms_hash;
		for who in &roster[1..] {
			Missions::<T>::agree_amendment(RawOrigin::Signed(who.clone()).into(), id, hash)
				.expect("agreed");
		}

		#[extrinsic_call]
		_(RawOrigin::Signed(roster[0].clone()), id, hash);

		assert!(!crate::Amendments::<T>::contains_key(id));
		assert_eq!(LiveMissions::<T>::get(id).expect("mission").deadline, later);
	}

	#[benchmark]
	fn withdraw_amendment() {
		let (owner, id, _) = active::<T>(T::MaxContributors::get(), T::MaxMilestones::get(), 0);
		Missions::<T>::increase_budget(RawOrigin::Signed(owner.clone()).into(), id, 0, unit::<T>())
			.expect("topped up");

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), id);

		assert!(!crate::Amendments::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_minimum_budget() -> Result<(), BenchmarkError> {
		let issuer = member::<T>("issuer", 0);
		let asset = T::BenchmarkHelper::issue_asset(&issuer, unit::<T>())
			.ok_or(BenchmarkError::Weightless)?;
		let origin =
			T::AssetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let minimum = unit::<T>();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset.clone(), Some(minimum));

		assert_eq!(crate::MinimumBudgets::<T>::get(&asset), Some(minimum));
		Ok(())
	}

	#[benchmark]
	fn claim() -> Result<(), BenchmarkError> {
		use frame_support::traits::fungibles::MutateHold;
		// A payment kept in an asset for a recipient with no account in it yet.
		let owner = member::<T>("owner", 0);
		let asset = asset_of::<T>(&owner);
		let amount = unit::<T>();
		T::Assets::hold(asset.clone(), &HoldReason::MissionEscrow.into(), &owner, amount)?;
		let who = member::<T>("recipient", 0);
		crate::Claimable::<T>::insert(&who, (asset.clone(), owner.clone()), amount);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), asset.clone(), owner.clone());

		assert!(crate::Claimable::<T>::get(&who, (asset, owner)).is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(
		Missions,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
