//! Unit tests, by concern, and the helpers they share: `lifecycle` (missions
//! run through their phases), `errors` (every error, nothing changed),
//! `origins` (who may call what), `views_and_weights`, `properties` (random
//! call sequences against the invariants) and `adversary` (what an owner, a
//! contributor or an outsider could try).

use crate::{
	mock::{Missions, *},
	*,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, tokens::fungible::NativeOrWithId},
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill, Saturating};

const OWNER: AccountId = 1;
const DEADLINE: u64 = 100;
/// The most a committer agrees to bond when the amount is not what a test is about.
const ANY_BOND: Balance = Balance::MAX;

fn hash(b: u8) -> H256 {
	H256::repeat_byte(b)
}

fn spec(amount: Balance) -> MilestoneSpec<Balance> {
	MilestoneSpec { description_hash: hash(0xd0), amount }
}

fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::from(reason), &who)
}

/// A call's result without its post-dispatch information.
fn plain(
	result: frame_support::dispatch::DispatchResultWithPostInfo,
) -> sp_runtime::DispatchResult {
	result.map(|_| ()).map_err(|e| e.error)
}

fn pct(p: u32) -> Perbill {
	Perbill::from_percent(p)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn has_event(e: Event<Test>) -> bool {
	System::events().iter().any(|r| r.event == RuntimeEvent::Missions(e.clone()))
}

fn create_with(
	owner: AccountId,
	amounts: &[Balance],
	options: MissionOptions<Balance>,
) -> MissionId {
	create_in_with(owner, NATIVE, amounts, options)
}

/// A mission of `owner`'s paid in `asset`.
fn create_in_with(
	owner: AccountId,
	asset: AssetKind,
	amounts: &[Balance],
	options: MissionOptions<Balance>,
) -> MissionId {
	let id = NextMissionId::<Test>::get();
	assert_ok!(Missions::create_mission(
		RuntimeOrigin::signed(owner),
		b"Peer website".to_vec(),
		hash(0xc0),
		Some(b"ipfs://mission".to_vec()),
		asset,
		amounts.iter().map(|a| spec(*a)).collect(),
		DEADLINE,
		options,
	));
	id
}

fn create(amounts: &[Balance]) -> MissionId {
	create_with(OWNER, amounts, Default::default())
}

fn recruit(id: MissionId, roster: &[(AccountId, u32)]) {
	for (who, p) in roster {
		assert_ok!(Missions::commit(
			RuntimeOrigin::signed(*who),
			id,
			pct(*p),
			hash(0xe0),
			ANY_BOND
		));
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, *who));
	}
}

fn terms_of(id: MissionId) -> H256 {
	match LiveMissions::<Test>::get(id).unwrap().status {
		MissionStatus::Agreeing { terms_hash } | MissionStatus::Active { terms_hash } => terms_hash,
		MissionStatus::Recruiting => panic!("no terms"),
	}
}

fn propose(id: MissionId) -> H256 {
	assert_ok!(Missions::propose_terms(RuntimeOrigin::signed(OWNER), id));
	terms_of(id)
}

/// A mission of `amounts`, active with `roster`.
fn active(amounts: &[Balance], roster: &[(AccountId, u32)]) -> MissionId {
	let id = create(amounts);
	recruit(id, roster);
	let terms = propose(id);
	for (who, _) in roster {
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(*who), id, terms));
	}
	assert!(matches!(LiveMissions::<Test>::get(id).unwrap().status, MissionStatus::Active { .. }));
	id
}

fn deliver(id: MissionId, who: AccountId, milestone: u32) {
	assert_ok!(Missions::submit_deliverable(
		RuntimeOrigin::signed(who),
		id,
		milestone,
		hash(0xaa),
		None
	));
}

fn status(id: MissionId, milestone: usize) -> MilestoneStatus<Balance, u64> {
	LiveMissions::<Test>::get(id).unwrap().milestones[milestone].status.clone()
}

/// A mission of `amounts`, active with 2 (75 %) and 3 (25 %): 2 delivered
/// the first milestone, the owner rejected it and 3 disputed.
fn disputed(amounts: &[Balance]) -> MissionId {
	let id = active(amounts, &[(2, 75), (3, 25)]);
	deliver(id, 2, 0);
	assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
	assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(3), id, 0));
	assert_eq!(status(id, 0), MilestoneStatus::Disputed { reason_hash: hash(5), at: 1 });
	id
}

mod adversary;
mod amendments;
mod assets;
mod errors;
mod lifecycle;
mod origins;
mod properties;
mod views_and_weights;
