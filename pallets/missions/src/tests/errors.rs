//! Every error a call can meet, each with the state left unchanged
//! (`assert_noop!`).

use super::*;

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
				NATIVE,
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
		// Block 1: the nearest deadline is 1 + MIN_WORKING_TIME.
		assert_noop!(
			make(OWNER, t(), None, vec![100], MIN_WORKING_TIME),
			Error::<Test>::DeadlineTooSoon
		);
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
			Missions::commit(RuntimeOrigin::signed(who), id, pct(p), hash(2), ANY_BOND)
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
			assert_ok!(Missions::commit(
				RuntimeOrigin::signed(who),
				id,
				pct(10),
				hash(2),
				ANY_BOND
			));
		}
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(7), id, pct(10), hash(2), ANY_BOND),
			Error::<Test>::TooManyCommitments
		);
		for who in 2..=6 {
			assert_ok!(Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, who));
		}
		assert_ok!(Missions::commit(RuntimeOrigin::signed(7), id, pct(10), hash(2), ANY_BOND));
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
			assert_ok!(Missions::commit(RuntimeOrigin::signed(2), *id, pct(10), hash(2), ANY_BOND));
		}
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(2), fifth, pct(10), hash(2), ANY_BOND),
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
		assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(30), hash(2), ANY_BOND));
		assert_ok!(Missions::commit(RuntimeOrigin::signed(4), id, pct(30), hash(2), ANY_BOND));
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
fn propose_without_time_to_work_fails() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 100)]);
		// One block short of the minimum working time.
		run_to_block(DEADLINE - MIN_WORKING_TIME + 1);
		assert_noop!(
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::TooLateToStart
		);
		assert!(!Missions::pending_actions(&OWNER)
			.contains(&PendingAction::ProposeTerms { mission: id }));
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
			Missions::propose_terms(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::NotRecruiting
		);
		assert_noop!(
			Missions::withdraw_commitment(RuntimeOrigin::signed(2), id),
			Error::<Test>::MissionAlreadyActive
		);
		assert_noop!(
			Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 2),
			Error::<Test>::MissionAlreadyActive
		);
		assert_noop!(
			Missions::accept_commitment(RuntimeOrigin::signed(OWNER), id, 2),
			Error::<Test>::MissionAlreadyActive
		);
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(4), id, pct(1), hash(2), ANY_BOND),
			Error::<Test>::MissionAlreadyActive
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
