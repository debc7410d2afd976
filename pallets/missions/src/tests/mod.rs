//! Unit tests: the happy path, every error, the origin matrix, the rules for
//! ending missions, and random call sequences checked against the invariants.

use crate::{
	mock::{Missions, *},
	Missions as MissionsStore, *,
};
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::fungible::InspectHold,
};
use sp_core::H256;
use sp_runtime::{DispatchError, Perbill, Saturating};

const OWNER: AccountId = 1;
const DEADLINE: u64 = 100;

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
	let id = NextMissionId::<Test>::get();
	assert_ok!(Missions::create_mission(
		RuntimeOrigin::signed(owner),
		b"Peer website".to_vec(),
		hash(0xc0),
		Some(b"ipfs://mission".to_vec()),
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
		assert_ok!(Missions::commit(RuntimeOrigin::signed(*who), id, pct(*p), hash(0xe0)));
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, *who));
	}
}

fn terms_of(id: MissionId) -> H256 {
	match MissionsStore::<Test>::get(id).unwrap().status {
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
	assert!(matches!(MissionsStore::<Test>::get(id).unwrap().status, MissionStatus::Active { .. }));
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
	MissionsStore::<Test>::get(id).unwrap().milestones[milestone].status.clone()
}

mod adversary;

// ----- The happy path -----

#[test]
fn three_contributors_three_milestones_paid_to_the_unit() {
	ExtBuilder::default().build_and_execute(|| {
		// 1 posts 1000 + 2000 + 3001: the last milestone leaves a unit of dust.
		let id = create(&[1000, 2000, 3001]);
		assert_eq!(free(OWNER), ENDOWMENT - 6001 - DEPOSIT);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 6001);
		assert_eq!(held(HoldReason::MissionDeposit, OWNER), DEPOSIT);
		assert!(has_event(Event::MissionCreated {
			mission: id,
			owner: OWNER,
			budget: 6001,
			deadline: DEADLINE
		}));

		recruit(id, &[(2, 50), (3, 30), (4, 20)]);
		for who in [2, 3, 4] {
			assert_eq!(free(who), ENDOWMENT - MIN_BOND);
			assert_eq!(held(HoldReason::CommitmentBond, who), MIN_BOND);
		}
		let terms = propose(id);
		assert_eq!(terms, Missions::terms_hash(id, &MissionsStore::<Test>::get(id).unwrap()));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(3), id, terms));
		assert_eq!(
			MissionsStore::<Test>::get(id).unwrap().status,
			MissionStatus::Agreeing { terms_hash: terms }
		);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(4), id, terms));
		assert_eq!(
			last_event(),
			RuntimeEvent::Missions(Event::MissionActivated { mission: id, terms_hash: terms })
		);

		// Milestone 0: 1000 = 500 + 300 + 200.
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert_eq!(free(2), ENDOWMENT - MIN_BOND + 500);
		assert_eq!(free(3), ENDOWMENT - MIN_BOND + 300);
		assert_eq!(free(4), ENDOWMENT - MIN_BOND + 200);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 5001);
		assert!(has_event(Event::RewardPaid { mission: id, milestone: 0, who: 3, amount: 300 }));

		// Milestone 1, delivered by 3: 2000 = 1000 + 600 + 400.
		deliver(id, 3, 1);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1));
		assert_eq!(free(2), ENDOWMENT - MIN_BOND + 1500);
		assert_eq!(free(3), ENDOWMENT - MIN_BOND + 900);
		assert_eq!(free(4), ENDOWMENT - MIN_BOND + 600);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 3001);

		// Milestone 2: 3001 = 1500 + 900 + 600 + 1 of dust to the first on the roster.
		deliver(id, 4, 2);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 2));
		assert!(has_event(Event::RewardPaid { mission: id, milestone: 2, who: 2, amount: 1501 }));
		assert!(has_event(Event::MissionCompleted { mission: id }));

		// Completed: bonds and deposit back, escrow empty, records gone.
		assert_eq!(free(OWNER), ENDOWMENT - 6001);
		assert_eq!(free(2), ENDOWMENT + 3001);
		assert_eq!(free(3), ENDOWMENT + 1800);
		assert_eq!(free(4), ENDOWMENT + 1200);
		for who in [OWNER, 2, 3, 4] {
			assert_eq!(Balances::total_balance_on_hold(&who), 0);
		}
		assert!(MissionsStore::<Test>::get(id).is_none());
		assert_eq!(Commitments::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Deliverables::<Test>::iter_prefix(id).count(), 0);
		assert!(OwnedMissions::<Test>::get(OWNER).is_empty());
		assert!(CommittedMissions::<Test>::get(2).is_empty());

		// Reputation heard of every payout and of the completion.
		let log = settled();
		assert!(log.contains(&(
			id,
			2,
			Settlement::MilestonePaid { milestone: 2, amount: 1501, first_try: true }
		)));
		assert_eq!(
			log.iter().filter(|(_, _, s)| matches!(s, Settlement::MissionCompleted { .. })).count(),
			3
		);
	});
}

// ----- Every error, with nothing changed -----

#[test]
fn create_mission_errors() {
	ExtBuilder::default().balance(5, 50).build_and_execute(|| {
		let make = |who: AccountId,
		            title: Vec<u8>,
		            uri: Option<Vec<u8>>,
		            amounts: Vec<Balance>,
		            deadline: u64| {
			Missions::create_mission(
				RuntimeOrigin::signed(who),
				title,
				hash(1),
				uri,
				amounts.into_iter().map(spec).collect(),
				deadline,
				Default::default(),
			)
		};
		let t = || b"t".to_vec();
		assert_noop!(make(OUTSIDER, t(), None, vec![100], 50), Error::<Test>::NotAMember);
		assert_noop!(
			make(OWNER, vec![0; MAX_TITLE as usize + 1], None, vec![100], 50),
			Error::<Test>::TitleTooLong
		);
		assert_noop!(
			make(OWNER, t(), Some(vec![0; MAX_URI as usize + 1]), vec![100], 50),
			Error::<Test>::UriTooLong
		);
		assert_noop!(make(OWNER, t(), None, vec![], 50), Error::<Test>::NoMilestones);
		assert_noop!(
			make(OWNER, t(), None, vec![100; MAX_MILESTONES as usize + 1], 50),
			Error::<Test>::TooManyMilestones
		);
		assert_noop!(make(OWNER, t(), None, vec![100, 0], 50), Error::<Test>::ZeroMilestoneAmount);
		assert_noop!(make(OWNER, t(), None, vec![MIN_BUDGET - 1], 50), Error::<Test>::BudgetTooLow);
		assert_noop!(
			make(OWNER, t(), None, vec![u64::MAX / 2 + 1, u64::MAX / 2 + 1], 50),
			Error::<Test>::Overflow
		);
		assert_noop!(make(OWNER, t(), None, vec![100], 1), Error::<Test>::DeadlineInPast);
		assert_noop!(
			make(OWNER, t(), None, vec![100], 1 + MAX_DURATION + 1),
			Error::<Test>::DeadlineTooFar
		);
		// Account 5 has 50: not enough for a budget of 100.
		assert_noop!(make(5, t(), None, vec![100], 50), Error::<Test>::InsufficientBalance);
		// Budget fits but not budget plus deposit.
		assert_noop!(
			make(OWNER, t(), None, vec![ENDOWMENT - 5], 50),
			Error::<Test>::InsufficientBalance
		);
		for _ in 0..MAX_MISSIONS {
			assert_ok!(make(OWNER, t(), None, vec![100], 50));
		}
		assert_noop!(make(OWNER, t(), None, vec![100], 50), Error::<Test>::TooManyMissions);
	});
}

#[test]
fn commit_errors() {
	ExtBuilder::default().balance(5, 3).build_and_execute(|| {
		let id = create(&[1000]);
		let commit = |who: AccountId, id: MissionId, p: u32| {
			Missions::commit(RuntimeOrigin::signed(who), id, pct(p), hash(2))
		};
		assert_noop!(commit(2, 99, 10), Error::<Test>::MissionNotFound);
		assert_noop!(commit(OWNER, id, 10), Error::<Test>::OwnerCannotCommit);
		assert_noop!(commit(OUTSIDER, id, 10), Error::<Test>::NotAMember);
		assert_noop!(commit(2, id, 0), Error::<Test>::ZeroShare);
		assert_noop!(commit(5, id, 10), Error::<Test>::InsufficientBalance);
		assert_ok!(commit(2, id, 60));
		assert_noop!(commit(2, id, 10), Error::<Test>::AlreadyCommitted);
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert_noop!(commit(3, id, 41), Error::<Test>::SharesExceedWhole);

		// A mission asking for reputation.
		let high =
			create_with(OWNER, &[1000], MissionOptions { min_reputation: 7, ..Default::default() });
		assert_noop!(commit(3, high, 10), Error::<Test>::ReputationTooLow);
		set_reputation(3, 7);
		assert_ok!(commit(3, high, 10));
	});
}

#[test]
fn commitment_bounds() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_with(
			OWNER,
			&[1000],
			MissionOptions { open_to_non_members: true, ..Default::default() },
		);
		// Five pending: a sixth waits for room.
		for who in 2..=6 {
			assert_ok!(Missions::commit(RuntimeOrigin::signed(who), id, pct(10), hash(2)));
		}
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(7), id, pct(10), hash(2)),
			Error::<Test>::TooManyCommitments
		);
		for who in 2..=6 {
			assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, who));
		}
		assert_ok!(Missions::commit(RuntimeOrigin::signed(7), id, pct(10), hash(2)));
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 7),
			Error::<Test>::TooManyContributors
		);
	});
}

#[test]
fn too_many_missions_for_a_contributor() {
	ExtBuilder::default().build_and_execute(|| {
		let mut ids = vec![];
		for owner in [1, 3] {
			for _ in 0..2 {
				ids.push(create_with(owner, &[100], Default::default()));
			}
		}
		let fifth = create_with(4, &[100], Default::default());
		for id in &ids {
			assert_ok!(Missions::commit(RuntimeOrigin::signed(2), *id, pct(10), hash(2)));
		}
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(2), fifth, pct(10), hash(2)),
			Error::<Test>::TooManyMissions
		);
	});
}

#[test]
fn recruiting_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(2), id, 3),
			Error::<Test>::NotMissionOwner
		);
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 3),
			Error::<Test>::CommitmentNotFound
		);
		assert_noop!(
			Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 3),
			Error::<Test>::CommitmentNotFound
		);
		assert_noop!(
			Missions::withdraw_commitment(RuntimeOrigin::signed(3), id),
			Error::<Test>::CommitmentNotFound
		);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::NoContributors
		);
		recruit(id, &[(2, 60)]);
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2),
			Error::<Test>::AlreadyAccepted
		);
		// Two pending commitments that fit alone but not together.
		assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(30), hash(2)));
		assert_ok!(Missions::commit(RuntimeOrigin::signed(4), id, pct(30), hash(2)));
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 3));
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 4),
			Error::<Test>::SharesExceedWhole
		);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::SharesIncomplete
		);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(2), id),
			Error::<Test>::NotMissionOwner
		);
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), id, hash(3)),
			Error::<Test>::NotAgreeing
		);
		assert_noop!(
			Missions::abandon(RuntimeOrigin::signed(2), id),
			Error::<Test>::MissionNotActive
		);
		assert_noop!(
			Missions::submit_deliverable(RuntimeOrigin::signed(2), id, 0, hash(4), None),
			Error::<Test>::MissionNotActive
		);
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0),
			Error::<Test>::MissionNotActive
		);
		assert_noop!(
			Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)),
			Error::<Test>::MissionNotActive
		);
		assert_noop!(
			Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0),
			Error::<Test>::MissionNotActive
		);
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(9), id),
			Error::<Test>::NotExpired
		);
		assert_noop!(
			Missions::cancel_mission(RuntimeOrigin::signed(2), id),
			Error::<Test>::NotMissionOwner
		);
	});
}

#[test]
fn agreeing_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 60), (3, 40)]);
		let terms = propose(id);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), id, hash(9)),
			Error::<Test>::TermsMismatch
		);
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(4), id, terms),
			Error::<Test>::NotAContributor
		);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), id, terms),
			Error::<Test>::AlreadySigned
		);
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), 42, terms),
			Error::<Test>::MissionNotFound
		);
	});
}

#[test]
fn propose_after_deadline_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 100)]);
		run_to_block(DEADLINE + 1);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::DeadlinePassed
		);
	});
}

#[test]
fn active_mission_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[500, 500], &[(2, 50), (3, 50)]);
		let submit = |who: AccountId, m: u32, uri: Option<Vec<u8>>| {
			Missions::submit_deliverable(RuntimeOrigin::signed(who), id, m, hash(4), uri)
		};
		assert_noop!(submit(4, 0, None), Error::<Test>::NotAContributor);
		assert_noop!(submit(2, 2, None), Error::<Test>::MilestoneNotFound);
		assert_noop!(submit(2, 0, Some(vec![1; MAX_URI as usize + 1])), Error::<Test>::UriTooLong);
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0),
			Error::<Test>::MilestoneNotSubmitted
		);
		assert_noop!(
			Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)),
			Error::<Test>::MilestoneNotSubmitted
		);
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 7),
			Error::<Test>::MilestoneNotFound
		);
		assert_ok!(submit(2, 0, Some(b"ipfs://d".to_vec())));
		assert_noop!(submit(3, 0, None), Error::<Test>::MilestoneAwaitingReview);
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(2), id, 0),
			Error::<Test>::NotMissionOwner
		);
		assert_noop!(
			Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0),
			Error::<Test>::MilestoneNotRejected
		);
		assert_noop!(
			Missions::resolve_dispute(RuntimeOrigin::root(), id, 0, Verdict::Approve),
			Error::<Test>::MilestoneNotDisputed
		);
		assert_noop!(
			Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::MissionAlreadyActive
		);
		assert_noop!(
			Missions::withdraw_commitment(RuntimeOrigin::signed(2), id),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 2),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(4), id, pct(1), hash(2)),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::abandon(RuntimeOrigin::signed(4), id),
			Error::<Test>::NotAContributor
		);

		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0),
			Error::<Test>::MilestoneAlreadyPaid
		);
		assert_noop!(submit(2, 0, None), Error::<Test>::MilestoneAlreadyPaid);

		// Milestone 1: rejected, disputed, frozen.
		assert_ok!(submit(3, 1, None));
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 1, hash(5)));
		assert_noop!(
			Missions::dispute_milestone(RuntimeOrigin::signed(4), id, 1),
			Error::<Test>::NotAContributor
		);
		assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(3), id, 1));
		assert_noop!(submit(2, 1, None), Error::<Test>::MilestoneDisputed);
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1),
			Error::<Test>::MilestoneDisputed
		);
		run_to_block(DEADLINE + 1);
		assert_noop!(submit(2, 1, None), Error::<Test>::DeadlinePassed);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(9), id),
			Error::<Test>::DisputeOpen
		);
	});
}

#[test]
fn empty_roster_cannot_be_paid() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[500, 500], &[(2, 100)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(2), id));
		assert_noop!(
			Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0),
			Error::<Test>::NoContributors
		);
	});
}

#[test]
fn unknown_missions_are_named() {
	ExtBuilder::default().build_and_execute(|| {
		let o = || RuntimeOrigin::signed(OWNER);
		assert_noop!(Missions::propose_terms(o(), 5), Error::<Test>::MissionNotFound);
		assert_noop!(Missions::approve_milestone(o(), 5, 0), Error::<Test>::MissionNotFound);
		assert_noop!(Missions::cancel_mission(o(), 5), Error::<Test>::MissionNotFound);
		assert_noop!(Missions::close_expired(o(), 5), Error::<Test>::MissionNotFound);
		assert_noop!(Missions::abandon(o(), 5), Error::<Test>::MissionNotFound);
		assert_noop!(
			Missions::force_cancel_mission(RuntimeOrigin::root(), 5),
			Error::<Test>::MissionNotFound
		);
		assert_noop!(
			Missions::resolve_dispute(RuntimeOrigin::root(), 5, 0, Verdict::Approve),
			Error::<Test>::MissionNotFound
		);
	});
}

// ----- Origins -----

/// Every call from every kind of origin: none, an outsider, a member, the
/// owner, a contributor and root. `Ok` where the origin may call it (the
/// call may still fail for its state), the error otherwise.
#[test]
fn origin_matrix() {
	use frame_support::dispatch::RawOrigin;
	use sp_runtime::traits::Dispatchable;
	const MEMBER: AccountId = 4;
	const CONTRIBUTOR: AccountId = 2;
	let calls: Vec<(&str, RuntimeCall)> = vec![
		(
			"create_mission",
			RuntimeCall::Missions(Call::create_mission {
				title: b"t".to_vec(),
				content_hash: hash(1),
				uri: None,
				milestones: vec![spec(100)],
				deadline: 50,
				options: Default::default(),
			}),
		),
		(
			"commit",
			RuntimeCall::Missions(Call::commit { mission: 0, share: pct(10), role_hash: hash(2) }),
		),
		("withdraw_commitment", RuntimeCall::Missions(Call::withdraw_commitment { mission: 0 })),
		(
			"accept_commitment",
			RuntimeCall::Missions(Call::accept_commitment { mission: 0, who: 3 }),
		),
		(
			"reject_commitment",
			RuntimeCall::Missions(Call::reject_commitment { mission: 0, who: 3 }),
		),
		("propose_terms", RuntimeCall::Missions(Call::propose_terms { mission: 0 })),
		("sign_terms", RuntimeCall::Missions(Call::sign_terms { mission: 0, terms_hash: hash(3) })),
		(
			"submit_deliverable",
			RuntimeCall::Missions(Call::submit_deliverable {
				mission: 0,
				milestone: 0,
				content_hash: hash(4),
				uri: None,
			}),
		),
		(
			"approve_milestone",
			RuntimeCall::Missions(Call::approve_milestone { mission: 0, milestone: 0 }),
		),
		(
			"reject_milestone",
			RuntimeCall::Missions(Call::reject_milestone {
				mission: 0,
				milestone: 0,
				reason_hash: hash(5),
			}),
		),
		(
			"dispute_milestone",
			RuntimeCall::Missions(Call::dispute_milestone { mission: 0, milestone: 0 }),
		),
		(
			"resolve_dispute",
			RuntimeCall::Missions(Call::resolve_dispute {
				mission: 0,
				milestone: 0,
				verdict: Verdict::Approve,
			}),
		),
		("cancel_mission", RuntimeCall::Missions(Call::cancel_mission { mission: 0 })),
		("force_cancel_mission", RuntimeCall::Missions(Call::force_cancel_mission { mission: 0 })),
		("abandon", RuntimeCall::Missions(Call::abandon { mission: 0 })),
		("close_expired", RuntimeCall::Missions(Call::close_expired { mission: 0 })),
	];
	let bad = DispatchError::BadOrigin;
	let e = |err: Error<Test>| -> DispatchError { err.into() };
	// (call, none, outsider, member, owner, contributor, root): the error each
	// origin meets, on a recruiting mission 0 with 2 on the roster (60%) and 3 pending.
	let expected: Vec<[Result<(), DispatchError>; 6]> = vec![
		[Err(bad), Err(e(Error::NotAMember)), Ok(()), Ok(()), Ok(()), Err(bad)],
		[
			Err(bad),
			Err(e(Error::NotAMember)),
			Ok(()),
			Err(e(Error::OwnerCannotCommit)),
			Err(e(Error::AlreadyCommitted)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::CommitmentNotFound)),
			Err(e(Error::CommitmentNotFound)),
			Err(e(Error::CommitmentNotFound)),
			Ok(()),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Ok(()),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Ok(()),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::SharesIncomplete)),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotAgreeing)),
			Err(e(Error::NotAgreeing)),
			Err(e(Error::NotAgreeing)),
			Err(e(Error::NotAgreeing)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(bad),
		],
		[Err(bad), Err(bad), Err(bad), Err(bad), Err(bad), Err(e(Error::MilestoneNotDisputed))],
		[
			Err(bad),
			Err(e(Error::NotMissionOwner)),
			Err(e(Error::NotMissionOwner)),
			Ok(()),
			Err(e(Error::NotMissionOwner)),
			Err(bad),
		],
		[Err(bad), Err(bad), Err(bad), Err(bad), Err(bad), Ok(())],
		[
			Err(bad),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(e(Error::MissionNotActive)),
			Err(bad),
		],
		[
			Err(bad),
			Err(e(Error::NotExpired)),
			Err(e(Error::NotExpired)),
			Err(e(Error::NotExpired)),
			Err(e(Error::NotExpired)),
			Err(bad),
		],
	];
	assert_eq!(calls.len(), expected.len());
	for ((name, call), row) in calls.into_iter().zip(expected) {
		let origins: [RuntimeOrigin; 6] = [
			RawOrigin::None.into(),
			RawOrigin::Signed(OUTSIDER).into(),
			RawOrigin::Signed(MEMBER).into(),
			RawOrigin::Signed(OWNER).into(),
			RawOrigin::Signed(CONTRIBUTOR).into(),
			RawOrigin::Root.into(),
		];
		for (origin, want) in origins.into_iter().zip(row) {
			ExtBuilder::default().build_and_execute(|| {
				let id = create(&[1000]);
				recruit(id, &[(CONTRIBUTOR, 60)]);
				assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(10), hash(2)));
				let who = format!("{name} from {:?}", origin.caller);
				let got = call.clone().dispatch(origin).map(|_| ()).map_err(|e| e.error);
				assert_eq!(got, want, "{who}");
			});
		}
	}
}

// ----- Recruiting and agreeing -----

#[test]
fn roster_changes_void_signatures() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 60), (3, 40)]);
		let terms = propose(id);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		// 3 withdraws: the roster changed, so 2's signature is void.
		assert_ok!(Missions::withdraw_commitment(RuntimeOrigin::signed(3), id));
		assert!(has_event(Event::TermsVoided { mission: id }));
		assert_eq!(MissionsStore::<Test>::get(id).unwrap().status, MissionStatus::Recruiting);
		assert!(!Commitments::<Test>::get(id, 2).unwrap().signed);
		assert_eq!(free(3), ENDOWMENT);
		// 4 joins with the same share: new terms, a new hash.
		recruit(id, &[(4, 40)]);
		let new_terms = propose(id);
		assert_ne!(terms, new_terms);
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), id, terms),
			Error::<Test>::TermsMismatch
		);
		// The owner turns 4 down: void again, bond back.
		assert_ok!(Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 4));
		assert_eq!(MissionsStore::<Test>::get(id).unwrap().status, MissionStatus::Recruiting);
		assert_eq!(free(4), ENDOWMENT);
	});
}

#[test]
fn owner_cancels_before_work_and_everything_comes_back() {
	ExtBuilder::default().build_and_execute(|| {
		let id =
			create_with(OWNER, &[1000, 500], MissionOptions { min_bond: 50, ..Default::default() });
		recruit(id, &[(2, 60)]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(10), hash(2)));
		assert_eq!(free(3), ENDOWMENT - 50);
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id));
		for who in [OWNER, 2, 3] {
			assert_eq!(free(who), ENDOWMENT);
		}
		assert!(has_event(Event::MissionCancelled { mission: id, by_force: false }));
		assert!(MissionsStore::<Test>::get(id).is_none());
	});
}

// ----- Reviews and disputes -----

#[test]
fn resubmission_bumps_the_version() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		assert_eq!(
			status(id, 0),
			MilestoneStatus::Rejected { reason_hash: hash(5), at: 1, upheld: false }
		);
		deliver(id, 2, 0);
		assert_eq!(Deliverables::<Test>::get(id, 0).unwrap().version, 2);
		assert!(has_event(Event::DeliverableSubmitted {
			mission: id,
			milestone: 0,
			who: 2,
			content_hash: hash(0xaa),
			version: 2
		}));
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert!(settled().contains(&(
			id,
			2,
			Settlement::MilestonePaid { milestone: 0, amount: 1000, first_try: false }
		)));
		assert!(settled().contains(&(id, 2, Settlement::MilestoneRejected { milestone: 0 })));
	});
}

fn disputed(amounts: &[Balance]) -> MissionId {
	let id = active(amounts, &[(2, 75), (3, 25)]);
	deliver(id, 2, 0);
	assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
	assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(3), id, 0));
	assert_eq!(status(id, 0), MilestoneStatus::Disputed { reason_hash: hash(5), at: 1 });
	id
}

#[test]
fn dispute_approved_pays_in_full() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[1000, 100]);
		assert_ok!(Missions::resolve_dispute(RuntimeOrigin::root(), id, 0, Verdict::Approve));
		assert_eq!(free(2), ENDOWMENT - MIN_BOND + 750);
		assert_eq!(free(3), ENDOWMENT - MIN_BOND + 250);
		assert_eq!(status(id, 0), MilestoneStatus::Paid);
		assert!(settled().contains(&(id, 3, Settlement::DisputeWon { milestone: 0, amount: 250 })));
	});
}

#[test]
fn dispute_upheld_allows_resubmission() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[1000]);
		assert_ok!(Missions::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			0,
			Verdict::UpholdRejection
		));
		assert_eq!(
			status(id, 0),
			MilestoneStatus::Rejected { reason_hash: hash(5), at: 1, upheld: true }
		);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 1000);
		assert!(settled().contains(&(id, 2, Settlement::DisputeLost { milestone: 0 })));
		deliver(id, 3, 0);
	});
}

#[test]
fn dispute_split_pays_part_and_refunds_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[1000]);
		assert_ok!(Missions::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			0,
			Verdict::Split(pct(40))
		));
		// 400 paid: 300 and 100; 600 back to the owner; the mission is complete.
		assert_eq!(free(2), ENDOWMENT + 300);
		assert_eq!(free(3), ENDOWMENT + 100);
		assert_eq!(free(OWNER), ENDOWMENT - 400);
		assert!(has_event(Event::Refunded { mission: id, owner: OWNER, amount: 600 }));
		assert!(has_event(Event::MissionCompleted { mission: id }));
	});
}

// ----- Ending early and expiry -----

#[test]
fn force_cancel_refunds_unpaid_budget_and_bonds() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000, 2000], &[(2, 50), (3, 50)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert_ok!(Missions::force_cancel_mission(RuntimeOrigin::root(), id));
		assert_eq!(free(OWNER), ENDOWMENT - 1000);
		assert_eq!(free(2), ENDOWMENT + 500);
		assert_eq!(free(3), ENDOWMENT + 500);
		assert!(has_event(Event::MissionCancelled { mission: id, by_force: true }));
	});
}

#[test]
fn abandon_forfeits_the_bond_into_the_budget_and_spreads_the_share() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_with(
			OWNER,
			&[1000, 2000],
			MissionOptions { min_bond: 90, ..Default::default() },
		);
		recruit(id, &[(2, 50), (3, 30), (4, 20)]);
		let terms = propose(id);
		for who in [2, 3, 4] {
			assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(who), id, terms));
		}
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(2), id));
		assert_eq!(free(2), ENDOWMENT - 90);
		assert_eq!(Balances::total_balance_on_hold(&2), 0);
		let m = MissionsStore::<Test>::get(id).unwrap();
		// The last milestone grew by the bond; 3 and 4 now hold 60% and 40%.
		assert_eq!(m.milestones[1].amount, 2090);
		assert_eq!(m.budget, 3090);
		assert_eq!(m.roster.to_vec(), vec![(3, pct(60)), (4, pct(40))]);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 3090);
		assert!(settled().contains(&(id, 2, Settlement::BondForfeited { amount: 90 })));
		deliver(id, 3, 1);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1));
		assert_eq!(free(3), ENDOWMENT - 90 + 1254);
		assert_eq!(free(4), ENDOWMENT - 90 + 836);
	});
}

#[test]
fn expiry_pays_unreviewed_work_refunds_the_rest_and_settles_bonds() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000, 2000, 400], &[(2, 50), (3, 50)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		// Milestone 1 submitted but never reviewed; milestone 2 never delivered.
		deliver(id, 2, 1);
		run_to_block(DEADLINE + REVIEW_PERIOD);
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(9), id),
			Error::<Test>::NotExpired
		);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		// 2 delivered: bond back. 3 delivered nothing: its bond goes to the owner.
		assert_eq!(free(2), ENDOWMENT + 1500);
		assert_eq!(free(3), ENDOWMENT + 1500 - MIN_BOND);
		assert_eq!(free(OWNER), ENDOWMENT - 3000 + MIN_BOND);
		assert!(has_event(Event::BondForfeited {
			mission: id,
			who: 3,
			to: OWNER,
			amount: MIN_BOND
		}));
		assert!(has_event(Event::Refunded { mission: id, owner: OWNER, amount: 400 }));
		assert!(has_event(Event::MissionExpired { mission: id }));
		assert!(settled().contains(&(id, 3, Settlement::MissionExpired { delivered: false })));
		assert!(MissionsStore::<Test>::get(id).is_none());
	});
}

#[test]
fn a_mission_never_started_expires_with_bonds_back() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 50)]);
		run_to_block(DEADLINE);
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(9), id),
			Error::<Test>::NotExpired
		);
		run_to_block(DEADLINE + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!(free(OWNER), ENDOWMENT);
		assert_eq!(free(2), ENDOWMENT);
	});
}

// ----- Views -----

#[test]
fn views_show_what_the_chain_holds_and_what_waits() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000, 500]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(100), hash(2)));
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::DecideCommitment { mission: id, who: 2 }]
		);
		assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::ProposeTerms { mission: id }]
		);
		let terms = propose(id);
		assert_eq!(
			Missions::pending_actions(&2),
			vec![PendingAction::SignTerms { mission: id, terms_hash: terms }]
		);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_eq!(
			Missions::pending_actions(&2),
			vec![
				PendingAction::Deliver { mission: id, milestone: 0 },
				PendingAction::Deliver { mission: id, milestone: 1 }
			]
		);
		deliver(id, 2, 1);
		assert_eq!(
			Missions::pending_actions(&OWNER),
			vec![PendingAction::Review { mission: id, milestone: 1 }]
		);
		assert_eq!(
			Missions::missions_of(&OWNER),
			AccountMissions { owned: vec![id], committed: vec![] }
		);
		assert_eq!(
			Missions::missions_of(&2),
			AccountMissions { owned: vec![], committed: vec![id] }
		);

		let view = Missions::mission_view(id).unwrap();
		assert_eq!(view.owner, OWNER);
		assert_eq!(view.title, b"Peer website".to_vec());
		assert_eq!(view.budget, 1500);
		assert_eq!(view.escrowed, 1500);
		assert_eq!(view.status, MissionStatus::Active { terms_hash: terms });
		assert_eq!(view.milestones[1].status, MilestoneStatus::Submitted);
		assert_eq!(view.milestones[1].deliverable, Some((2, hash(0xaa), 1, 1)));
		assert_eq!(view.commitments.len(), 1);
		assert!(Missions::mission_view(id + 1).is_none());
	});
}

#[test]
fn weights_grow_with_their_arguments() {
	// The call's declared weight must depend on the milestone count and URI length.
	let small = Call::<Test>::create_mission {
		title: vec![],
		content_hash: hash(1),
		uri: None,
		milestones: vec![spec(100)],
		deadline: 10,
		options: Default::default(),
	}
	.get_dispatch_info()
	.call_weight;
	let large = Call::<Test>::create_mission {
		title: vec![],
		content_hash: hash(1),
		uri: Some(vec![0; MAX_URI as usize]),
		milestones: vec![spec(100); MAX_MILESTONES as usize],
		deadline: 10,
		options: Default::default(),
	}
	.get_dispatch_info()
	.call_weight;
	assert!(large.ref_time() >= small.ref_time());
}

#[test]
fn calls_are_charged_for_the_roster_they_met_and_refunded_the_rest() {
	use crate::weights::WeightInfo as _;
	type W = ();
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[100, 200]);
		recruit(id, &[(2, 60)]);
		// A commitment never accepted: one pending bond at completion.
		assert_ok!(Missions::commit(RuntimeOrigin::signed(4), id, pct(1), hash(0xe0)));
		recruit(id, &[(3, 40)]);
		let terms = propose(id);

		let signed = Missions::sign_terms(RuntimeOrigin::signed(2), id, terms).unwrap();
		assert_eq!(signed.actual_weight, Some(W::sign_terms(2)));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(3), id, terms));
		deliver(id, 2, 0);
		deliver(id, 3, 1);

		// Not the last milestone: the approval only.
		let declared = Call::<Test>::approve_milestone { mission: id, milestone: 0 }
			.get_dispatch_info()
			.call_weight;
		let first = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0).unwrap();
		assert_eq!(first.actual_weight, Some(W::approve_milestone(2, 2)));
		assert_eq!(declared, Missions::approve_milestone_max_weight());
		assert!(declared.all_gte(W::approve_milestone(MAX_CONTRIBUTORS, MAX_MILESTONES)));
		assert!(declared.all_gte(W::approve_last_milestone(
			MAX_CONTRIBUTORS,
			MAX_CONTRIBUTORS - 1,
			MAX_MILESTONES
		)));

		// The last, which completes the mission: two contributors, one
		// pending commitment, two milestones.
		let last = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1).unwrap();
		assert_eq!(last.actual_weight, Some(W::approve_last_milestone(2, 1, 2)));
		assert!(MissionsStore::<Test>::get(id).is_none());
		assert!(last.actual_weight.unwrap().all_lte(declared));
	});
}

#[test]
fn a_failed_call_is_charged_what_it_declared() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[100]);
		let err = Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0).unwrap_err();
		assert_eq!(err.error, Error::<Test>::MissionNotActive.into());
		assert_eq!(err.post_info.actual_weight, None);
	});
}

// ----- Random call sequences -----

mod property {
	use super::*;
	use proptest::prelude::*;

	/// A call to make. `pick` chooses among the accounts the call makes sense
	/// for (the owner, a pending committer, a roster member) when `valid`, and
	/// is a random account otherwise, so that sequences reach every phase.
	#[derive(Debug, Clone)]
	enum Op {
		Create {
			owner: u64,
			amounts: Vec<u64>,
			open: bool,
			bond: u64,
		},
		Commit {
			mission: u32,
			pick: usize,
			valid: bool,
			share: u32,
		},
		Withdraw {
			mission: u32,
			pick: usize,
			valid: bool,
		},
		Accept {
			mission: u32,
			pick: usize,
			valid: bool,
		},
		Reject {
			mission: u32,
			pick: usize,
			valid: bool,
		},
		Propose {
			mission: u32,
			valid: bool,
		},
		Sign {
			mission: u32,
			pick: usize,
			valid: bool,
		},
		Deliver {
			mission: u32,
			milestone: u32,
			pick: usize,
			valid: bool,
		},
		Approve {
			mission: u32,
			milestone: u32,
			valid: bool,
		},
		RejectMilestone {
			mission: u32,
			milestone: u32,
			valid: bool,
		},
		Dispute {
			mission: u32,
			milestone: u32,
			pick: usize,
			valid: bool,
		},
		Resolve {
			mission: u32,
			milestone: u32,
			verdict: u8,
			part: u32,
		},
		Cancel {
			mission: u32,
			valid: bool,
		},
		ForceCancel {
			mission: u32,
		},
		Abandon {
			mission: u32,
			pick: usize,
			valid: bool,
		},
		Close {
			mission: u32,
		},
		Advance {
			blocks: u64,
		},
		/// Several members commit with equal shares that add up to the whole,
		/// and the owner accepts them all (each call checked on its own; the
		/// op itself always succeeds).
		Staff {
			mission: u32,
			size: u32,
		},
		/// Every contributor on the roster signs the current terms.
		SignAll {
			mission: u32,
		},
	}

	fn op() -> impl Strategy<Value = Op> {
		// Mostly the oldest live mission, so that one gets far.
		let mission = prop_oneof![7 => Just(0u32), 3 => 1u32..4];
		let milestone = 0u32..3;
		let pick = 0usize..8;
		let valid = prop::bool::weighted(0.85);
		prop_oneof![
			18 => (1u64..=6, prop::collection::vec(100u64..2_000, 1..4), any::<bool>(), 0u64..50)
				.prop_map(|(owner, amounts, open, bond)| Op::Create { owner, amounts, open, bond }),
			18 => (mission.clone(), pick.clone(), valid.clone(), prop::sample::select(vec![25u32, 50, 50, 50, 100]))
				.prop_map(|(mission, pick, valid, share)| Op::Commit { mission, pick, valid, share }),
			3 => (mission.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, pick, valid)| Op::Withdraw { mission, pick, valid }),
			18 => (mission.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, pick, valid)| Op::Accept { mission, pick, valid }),
			3 => (mission.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, pick, valid)| Op::Reject { mission, pick, valid }),
			15 => (mission.clone(), valid.clone()).prop_map(|(mission, valid)| Op::Propose { mission, valid }),
			24 => (mission.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, pick, valid)| Op::Sign { mission, pick, valid }),
			24 => (mission.clone(), milestone.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, milestone, pick, valid)| Op::Deliver { mission, milestone, pick, valid }),
			18 => (mission.clone(), milestone.clone(), valid.clone())
				.prop_map(|(mission, milestone, valid)| Op::Approve { mission, milestone, valid }),
			15 => (mission.clone(), milestone.clone(), valid.clone())
				.prop_map(|(mission, milestone, valid)| Op::RejectMilestone { mission, milestone, valid }),
			20 => (mission.clone(), milestone.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, milestone, pick, valid)| Op::Dispute { mission, milestone, pick, valid }),
			20 => (mission.clone(), milestone.clone(), 0u8..3, 0u32..=100)
				.prop_map(|(mission, milestone, verdict, part)| Op::Resolve { mission, milestone, verdict, part }),
			1 => (mission.clone(), valid.clone()).prop_map(|(mission, valid)| Op::Cancel { mission, valid }),
			1 => mission.clone().prop_map(|mission| Op::ForceCancel { mission }),
			3 => (mission.clone(), pick.clone(), valid.clone())
				.prop_map(|(mission, pick, valid)| Op::Abandon { mission, pick, valid }),
			6 => mission.clone().prop_map(|mission| Op::Close { mission }),
			6 => (1u64..20).prop_map(|blocks| Op::Advance { blocks }),
			12 => (mission.clone(), 1u32..=4).prop_map(|(mission, size)| Op::Staff { mission, size }),
			12 => mission.clone().prop_map(|mission| Op::SignAll { mission }),
		]
	}

	/// The `n`th live mission (in id order), or `n` itself when none is live.
	fn live(n: u32) -> u32 {
		let mut ids: Vec<u32> = MissionsStore::<Test>::iter_keys().collect();
		ids.sort();
		if ids.is_empty() {
			n
		} else {
			ids[n as usize % ids.len()]
		}
	}

	/// A member who is not the owner of `mission` and has no commitment to it,
	/// or a random account.
	fn newcomer(mission: u32, pick: usize, valid: bool) -> u64 {
		let owner = MissionsStore::<Test>::get(mission).map(|m| m.owner);
		let candidates: Vec<u64> = (1..=5)
			.filter(|a| Some(*a) != owner && !Commitments::<Test>::contains_key(mission, a))
			.collect();
		if valid && !candidates.is_empty() {
			candidates[pick % candidates.len()]
		} else {
			1 + (pick as u64 % 8)
		}
	}

	/// When `valid`, the first milestone of `mission` whose status `wanted`
	/// accepts (if any); otherwise `index`.
	fn milestone_where(
		mission: u32,
		index: u32,
		valid: bool,
		wanted: impl Fn(&MilestoneStatus<Balance, u64>) -> bool,
	) -> u32 {
		MissionsStore::<Test>::get(mission)
			.filter(|_| valid)
			.and_then(|m| m.milestones.iter().position(|x| wanted(&x.status)))
			.map_or(index, |i| i as u32)
	}

	/// The owner of `mission`, or a random account.
	fn owner(mission: u32, pick: usize, valid: bool) -> u64 {
		match MissionsStore::<Test>::get(mission) {
			Some(m) if valid => m.owner,
			_ => 1 + (pick as u64 % 8),
		}
	}

	/// The `pick`th commitment of `mission` with `status`, or a random account.
	fn committer(mission: u32, pick: usize, valid: bool, status: Option<CommitmentStatus>) -> u64 {
		let candidates: Vec<u64> = Commitments::<Test>::iter_prefix(mission)
			.filter(|(_, c)| status.as_ref().map_or(true, |s| c.status == *s))
			.map(|(who, _)| who)
			.collect();
		if valid && !candidates.is_empty() {
			candidates[pick % candidates.len()]
		} else {
			1 + (pick as u64 % 8)
		}
	}

	/// Points the op's mission at a live one.
	fn with_live_mission(mut op: Op) -> Op {
		match &mut op {
			Op::Commit { mission, .. }
			| Op::Withdraw { mission, .. }
			| Op::Accept { mission, .. }
			| Op::Reject { mission, .. }
			| Op::Propose { mission, .. }
			| Op::Sign { mission, .. }
			| Op::Deliver { mission, .. }
			| Op::Approve { mission, .. }
			| Op::RejectMilestone { mission, .. }
			| Op::Dispute { mission, .. }
			| Op::Resolve { mission, .. }
			| Op::Cancel { mission, .. }
			| Op::ForceCancel { mission }
			| Op::Abandon { mission, .. }
			| Op::Close { mission }
			| Op::Staff { mission, .. }
			| Op::SignAll { mission } => *mission = live(*mission),
			Op::Create { .. } | Op::Advance { .. } => {}
		}
		op
	}

	fn apply(op: &Op) -> sp_runtime::DispatchResult {
		let s = RuntimeOrigin::signed;
		let op = &with_live_mission(op.clone());
		let accepted = Some(CommitmentStatus::Accepted);
		let pending = Some(CommitmentStatus::Pending);
		match op.clone() {
			Op::Create { owner, amounts, open, bond } => Missions::create_mission(
				s(owner),
				b"p".to_vec(),
				hash(1),
				None,
				amounts.into_iter().map(spec).collect(),
				System::block_number() + 40,
				MissionOptions { open_to_non_members: open, min_bond: bond, min_reputation: 0 },
			),
			Op::Commit { mission, pick, valid, share } => {
				// Valid commitments ask for no more than what is left, so that
				// rosters often add up to the whole.
				let left = MissionsStore::<Test>::get(mission)
					.map_or(Perbill::one(), |m| Perbill::one().saturating_sub(m.accepted_shares()));
				let share =
					if valid && !left.is_zero() { pct(share).min(left) } else { pct(share) };
				Missions::commit(s(newcomer(mission, pick, valid)), mission, share, hash(2))
			}
			Op::Withdraw { mission, pick, valid } => plain(Missions::withdraw_commitment(
				s(committer(mission, pick, valid, None)),
				mission,
			)),
			Op::Accept { mission, pick, valid } => {
				let left = MissionsStore::<Test>::get(mission)
					.map_or(Perbill::one(), |m| Perbill::one().saturating_sub(m.accepted_shares()));
				let fits: Vec<u64> = Commitments::<Test>::iter_prefix(mission)
					.filter(|(_, c)| c.status == CommitmentStatus::Pending && c.share <= left)
					.map(|(who, _)| who)
					.collect();
				let who = if valid && !fits.is_empty() {
					fits[pick % fits.len()]
				} else {
					committer(mission, pick, valid, pending)
				};
				plain(Missions::accept_commitment(s(owner(mission, pick, valid)), mission, who))
			}
			Op::Reject { mission, pick, valid } => plain(Missions::reject_commitment(
				s(owner(mission, pick, valid)),
				mission,
				committer(mission, pick, valid, None),
			)),
			Op::Propose { mission, valid } => {
				Missions::propose_terms(s(owner(mission, 3, valid)), mission)
			}
			Op::Sign { mission, pick, valid } => {
				let terms = MissionsStore::<Test>::get(mission)
					.and_then(|m| match m.status {
						MissionStatus::Agreeing { terms_hash } => Some(terms_hash),
						_ => None,
					})
					.filter(|_| valid)
					.unwrap_or(hash(9));
				plain(Missions::sign_terms(
					s(committer(mission, pick, valid, accepted)),
					mission,
					terms,
				))
			}
			Op::Deliver { mission, milestone, pick, valid } => Missions::submit_deliverable(
				s(committer(mission, pick, valid, accepted)),
				mission,
				milestone_where(mission, milestone, valid, |st| {
					matches!(st, MilestoneStatus::Open | MilestoneStatus::Rejected { .. })
				}),
				hash(3),
				None,
			),
			Op::Approve { mission, milestone, valid } => plain(Missions::approve_milestone(
				s(owner(mission, 0, valid)),
				mission,
				milestone_where(mission, milestone, valid, |st| *st == MilestoneStatus::Submitted),
			)),
			Op::RejectMilestone { mission, milestone, valid } => plain(Missions::reject_milestone(
				s(owner(mission, 0, valid)),
				mission,
				milestone_where(mission, milestone, valid, |st| *st == MilestoneStatus::Submitted),
				hash(4),
			)),
			Op::Dispute { mission, milestone, pick, valid } => Missions::dispute_milestone(
				s(committer(mission, pick, valid, accepted)),
				mission,
				milestone_where(mission, milestone, valid, |st| {
					matches!(st, MilestoneStatus::Rejected { .. })
				}),
			),
			Op::Resolve { mission, milestone, verdict, part } => {
				let verdict = match verdict {
					0 => Verdict::Approve,
					1 => Verdict::UpholdRejection,
					_ => Verdict::Split(pct(part)),
				};
				let milestone = milestone_where(mission, milestone, true, |st| {
					matches!(st, MilestoneStatus::Disputed { .. })
				});
				plain(Missions::resolve_dispute(RuntimeOrigin::root(), mission, milestone, verdict))
			}
			Op::Cancel { mission, valid } => {
				Missions::cancel_mission(s(owner(mission, 5, valid)), mission)
			}
			Op::ForceCancel { mission } => {
				Missions::force_cancel_mission(RuntimeOrigin::root(), mission)
			}
			Op::Abandon { mission, pick, valid } => {
				plain(Missions::abandon(s(committer(mission, pick, valid, accepted)), mission))
			}
			Op::Close { mission } => Missions::close_expired(s(9), mission),
			Op::Advance { blocks } => {
				run_to_block(System::block_number() + blocks);
				Ok(())
			}
			Op::Staff { mission, size } => {
				let Some(m) = MissionsStore::<Test>::get(mission) else { return Ok(()) };
				let mut shares = vec![Perbill::from_rational(1, size); size as usize];
				let rest = Perbill::one().saturating_sub(
					shares.iter().fold(Perbill::zero(), |a, b| a.saturating_add(*b)),
				);
				shares[0] = shares[0].saturating_add(rest);
				for (i, share) in shares.into_iter().enumerate() {
					let who = newcomer(mission, i, true);
					let _ = checked(|| Missions::commit(s(who), mission, share, hash(2)));
					let _ =
						checked(|| plain(Missions::accept_commitment(s(m.owner), mission, who)));
				}
				Ok(())
			}
			Op::SignAll { mission } => {
				let Some(m) = MissionsStore::<Test>::get(mission) else { return Ok(()) };
				let MissionStatus::Agreeing { terms_hash } = m.status else { return Ok(()) };
				for (who, _) in m.roster {
					let _ = checked(|| plain(Missions::sign_terms(s(who), mission, terms_hash)));
				}
				Ok(())
			}
		}
	}

	/// Runs one call; if it fails, checks that it changed nothing.
	fn checked(call: impl FnOnce() -> sp_runtime::DispatchResult) -> sp_runtime::DispatchResult {
		let before = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let result = call();
		if result.is_err() {
			let after = sp_io::storage::root(sp_runtime::StateVersion::V1);
			assert_eq!(before, after, "a call failed with {result:?} but changed state");
		}
		result
	}

	/// What happens to a milestone in a driven lifecycle.
	#[derive(Debug, Clone)]
	enum Fate {
		Approve,
		RejectResubmitApprove,
		Dispute { verdict: u8, part: u32 },
		AbandonFirst,
		LeaveOpen,
		LeaveUnreviewed,
	}

	fn fate() -> impl Strategy<Value = Fate> {
		prop_oneof![
			3 => Just(Fate::Approve),
			1 => Just(Fate::RejectResubmitApprove),
			2 => (0u8..3, 0u32..=100).prop_map(|(verdict, part)| Fate::Dispute { verdict, part }),
			1 => Just(Fate::AbandonFirst),
			1 => Just(Fate::LeaveOpen),
			1 => Just(Fate::LeaveUnreviewed),
		]
	}

	/// Checks every payout of the last call: the parts add up to what the
	/// milestone paid, and each is its share of it, rounded down, but for the
	/// first on the roster, who also gets the remainder (less than one unit
	/// per contributor).
	fn check_payouts(roster: &[(AccountId, Perbill)]) {
		let events: Vec<Event<Test>> = System::events()
			.into_iter()
			.filter_map(|r| match r.event {
				RuntimeEvent::Missions(e) => Some(e),
				_ => None,
			})
			.collect();
		for e in &events {
			let Event::MilestoneApproved { milestone, amount, .. } = e else { continue };
			let parts: Vec<(AccountId, Balance)> = events
				.iter()
				.filter_map(|x| match x {
					Event::RewardPaid { milestone: m, who, amount, .. } if m == milestone => {
						Some((*who, *amount))
					}
					_ => None,
				})
				.collect();
			assert_eq!(parts.iter().map(|(_, a)| a).sum::<Balance>(), *amount);
			for (i, (who, part)) in parts.iter().enumerate() {
				let share = roster.iter().find(|(a, _)| a == who).expect("paid a roster member").1;
				let fair = share.mul_floor(*amount);
				if i == 0 {
					assert!(*part >= fair && *part - fair < roster.len() as Balance);
				} else {
					assert_eq!(*part, fair);
				}
			}
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

		/// A mission driven through its whole life with random shares, amounts,
		/// bonds and milestone outcomes: every call succeeds, every payout is
		/// exact, the invariants and the issuance hold after each step, and at
		/// the end nothing is held and no record is left.
		#[test]
		fn random_lifecycles_settle_exactly(
			weights in prop::collection::vec(1u32..100, 1..=5),
			amounts in prop::collection::vec(100u64..2_400, 1..=4),
			bond in 0u64..200,
			fates in prop::collection::vec(fate(), 4),
		) {
			ExtBuilder::default().build_and_execute(|| {
				let issuance = Balances::total_issuance();
				let id = create_with(
					OWNER,
					&amounts,
					MissionOptions { min_bond: bond, open_to_non_members: true, ..Default::default() },
				);
				let total: u32 = weights.iter().sum();
				let mut shares: Vec<Perbill> =
					weights.iter().map(|w| Perbill::from_rational(*w, total)).collect();
				let sum = shares.iter().fold(Perbill::zero(), |a, b| a.saturating_add(*b));
				shares[0] = shares[0].saturating_add(Perbill::one().saturating_sub(sum));
				let members: Vec<AccountId> = (2..2 + weights.len() as u64).collect();
				for (who, share) in members.iter().zip(&shares) {
					assert_ok!(Missions::commit(RuntimeOrigin::signed(*who), id, *share, hash(2)));
					assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, *who));
					check_invariants(issuance);
				}
				let terms = propose(id);
				for who in &members {
					assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(*who), id, terms));
				}
				check_invariants(issuance);

				for (index, fate) in fates.iter().take(amounts.len()).enumerate() {
					let index = index as u32;
					let Some(m) = MissionsStore::<Test>::get(id) else { break };
					let roster: Vec<(AccountId, Perbill)> = m.roster.to_vec();
					let Some(&(worker, _)) = roster.first() else { break };
					System::reset_events();
					match fate {
						Fate::Approve => {
							deliver(id, worker, index);
							assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, index));
						},
						Fate::RejectResubmitApprove => {
							deliver(id, worker, index);
							assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, index, hash(5)));
							deliver(id, worker, index);
							assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, index));
						},
						Fate::Dispute { verdict, part } => {
							deliver(id, worker, index);
							assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, index, hash(5)));
							assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(worker), id, index));
							let verdict = match verdict {
								0 => Verdict::Approve,
								1 => Verdict::UpholdRejection,
								_ => Verdict::Split(pct(*part)),
							};
							assert_ok!(Missions::resolve_dispute(RuntimeOrigin::root(), id, index, verdict));
						},
						Fate::AbandonFirst => {
							assert_ok!(Missions::abandon(RuntimeOrigin::signed(worker), id));
						},
						Fate::LeaveOpen => {},
						Fate::LeaveUnreviewed => deliver(id, worker, index),
					}
					check_payouts(&roster);
					check_invariants(issuance);
				}
				if MissionsStore::<Test>::get(id).is_some() {
					run_to_block(DEADLINE + REVIEW_PERIOD + 1);
					let roster = MissionsStore::<Test>::get(id).unwrap().roster.to_vec();
					System::reset_events();
					assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
					check_payouts(&roster);
				}
				check_invariants(issuance);
				assert!(MissionsStore::<Test>::get(id).is_none());
				for who in 1..=10 {
					assert_eq!(Balances::total_balance_on_hold(&who), 0);
				}
			});
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

		/// Any sequence of calls keeps the invariants and the total issuance;
		/// a failing call changes nothing.
		#[test]
		fn random_sequences_keep_the_invariants(ops in prop::collection::vec(op(), 1..120)) {
			ExtBuilder::default().build_and_execute(|| {
				let issuance = Balances::total_issuance();
				for op in &ops {
					let _ = checked(|| apply(op));
					check_invariants(issuance);
				}
			});
		}
	}
}

#[test]
fn a_member_who_leaves_abandons_and_withdraws() {
	ExtBuilder::default().build_and_execute(|| {
		let running = active(&[1000], &[(2, 50), (3, 50)]);
		let recruiting = create(&[500]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), recruiting, pct(10), hash(2)));
		// 2 also has a pending commitment to a third mission that went active.
		let third = create(&[300]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), third, pct(10), hash(2)));
		recruit(third, &[(4, 100)]);
		let t = propose(third);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(4), third, t));

		Missions::member_left(&2);
		// Active mission: abandoned, bond forfeited into its budget.
		let m = MissionsStore::<Test>::get(running).unwrap();
		assert_eq!(m.roster.to_vec(), vec![(3, pct(100))]);
		assert_eq!(m.budget, 1000 + MIN_BOND);
		// Recruiting mission and the pending commitment: withdrawn, bonds back.
		assert!(Commitments::<Test>::get(recruiting, 2).is_none());
		assert!(Commitments::<Test>::get(third, 2).is_none());
		assert_eq!(MissionsStore::<Test>::get(third).unwrap().pending, 0);
		assert_eq!(free(2), ENDOWMENT - MIN_BOND);
		assert!(CommittedMissions::<Test>::get(2).is_empty());
	});
}

/// The mission board recomputes the terms hash in TypeScript from what its
/// page shows; both implementations are checked against one fixture, so they
/// cannot drift apart.
#[test]
fn terms_hash_matches_the_boards_fixture() {
	let fixture: serde_json::Value =
		serde_json::from_str(include_str!("../../../../app/src/lib/terms.fixture.json"))
			.expect("the fixture is JSON");
	let h256 =
		|v: &serde_json::Value| v.as_str().expect("a hex string").parse::<H256>().expect("hex");
	let cases = fixture["cases"].as_array().expect("cases");
	assert_eq!(cases.len(), 2);
	for case in cases {
		let milestones: Vec<(H256, u128)> = case["milestones"]
			.as_array()
			.unwrap()
			.iter()
			.map(|m| (h256(&m["description_hash"]), m["amount"].as_str().unwrap().parse().unwrap()))
			.collect();
		let roster: Vec<(sp_core::crypto::AccountId32, Perbill)> = case["roster"]
			.as_array()
			.unwrap()
			.iter()
			.map(|r| {
				let share = r["share"].as_u64().unwrap() as u32;
				(h256(&r["account"]).0.into(), Perbill::from_parts(share))
			})
			.collect();
		let hash = terms_hash_of(
			case["mission"].as_u64().unwrap() as u32,
			&milestones,
			&roster,
			case["deadline"].as_u64().unwrap() as u32,
		);
		assert_eq!(hash, h256(&case["terms_hash"]), "terms hash of mission {}", case["mission"]);
	}
}
