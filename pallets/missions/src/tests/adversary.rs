//! What an owner, a contributor or an outsider could do to keep money they
//! did not earn, lock someone else's, or farm reputation — each scenario
//! played out, with the safe outcome the rules now give.

use super::*;

/// (1) An owner who stayed silent through the review period cannot reject
/// afterwards (and so cannot reject and close in one batch): silence is
/// consent, and the unreviewed deliverable is paid.
#[test]
fn silence_through_the_review_period_is_consent() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_noop!(
			Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)),
			Error::<Test>::ReviewPeriodOver
		);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(OWNER), id));
		assert_eq!(free(2), ENDOWMENT + 1000);
		assert_eq!(free(OWNER), ENDOWMENT - 1000);
	});
}

/// (1) A rejection in the last block of the review period still leaves the
/// roster the whole dispute period: closing waits for it.
#[test]
fn a_late_rejection_leaves_the_roster_its_dispute_period() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		let last = DEADLINE + REVIEW_PERIOD;
		run_to_block(last);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		assert_eq!(
			status(id, 0),
			MilestoneStatus::Rejected { reason_hash: hash(5), at: last, upheld: false }
		);
		assert!(Missions::pending_actions(&2)
			.contains(&PendingAction::Dispute { mission: id, milestone: 0 }));
		for n in [last + 1, last + DISPUTE_PERIOD] {
			run_to_block(n);
			assert_noop!(
				Missions::close_expired(RuntimeOrigin::signed(OWNER), id),
				Error::<Test>::DisputePeriodRunning
			);
		}
		// Within the period the contributor disputes; governance decides.
		assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0));
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::DisputeOpen
		);
		assert_ok!(Missions::resolve_dispute(RuntimeOrigin::root(), id, 0, Verdict::Approve));
		assert_eq!(free(2), ENDOWMENT + 1000);
	});
}

/// (1) A rejection nobody disputes in time stands: the mission closes with
/// the milestone refunded to the owner.
#[test]
fn an_undisputed_rejection_stands_after_its_period() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!(free(OWNER), ENDOWMENT);
		// 2 delivered: its bond comes back.
		assert_eq!(free(2), ENDOWMENT);
	});
}

/// (2) One milestone, two contributors, an owner who never reviews: when the
/// mission is closed every milestone is settled, so it completes and every
/// bond comes back — the owner gains nothing by silence.
#[test]
fn silence_never_confiscates_a_teammates_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 50), (3, 50)]);
		deliver(id, 2, 0);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!(free(2), ENDOWMENT + 500);
		assert_eq!(free(3), ENDOWMENT + 500);
		assert_eq!(free(OWNER), ENDOWMENT - 1000);
		assert!(has_event(Event::MissionCompleted { mission: id }));
		assert!(!System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Missions(Event::BondForfeited { .. } | Event::MissionExpired { .. })
		)));
		let log = settled();
		assert!(log.contains(&(id, 3, Settlement::MissionCompleted { earned: 500 })));
		assert!(!log.iter().any(|(_, _, s)| matches!(
			s,
			Settlement::BondForfeited { .. } | Settlement::MissionExpired { .. }
		)));
	});
}

/// (4) Terms cannot be signed once less than `MinWorkingTime` is left before
/// the deadline (the mission would be active with no time to deliver and
/// every bond forfeit), and nobody is asked to.
#[test]
fn terms_cannot_be_signed_after_the_deadline() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 100)]);
		let terms = propose(id);
		assert!(Missions::pending_actions(&2)
			.contains(&PendingAction::SignTerms { mission: id, terms_hash: terms }));
		run_to_block(DEADLINE + 1);
		assert!(Missions::pending_actions(&2).is_empty());
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(2), id, terms),
			Error::<Test>::TooLateToStart
		);
		// The mission simply expires, every bond back.
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!(free(2), ENDOWMENT);
		assert_eq!(free(OWNER), ENDOWMENT);
	});
}

/// (5) A commitment the owner never decided is not locked until the mission
/// ends: once work starts without it, its holder is told and may withdraw.
#[test]
fn a_pending_commitment_leaves_once_work_starts() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(50), hash(0xe0), ANY_BOND));
		recruit(id, &[(2, 100)]);
		let terms = propose(id);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_eq!(held(HoldReason::CommitmentBond, 3), MIN_BOND);
		assert_eq!(Missions::pending_actions(&3), vec![PendingAction::Withdraw { mission: id }]);
		assert_ok!(Missions::withdraw_commitment(RuntimeOrigin::signed(3), id));
		assert_eq!(free(3), ENDOWMENT);
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().pending, 0);
		assert!(CommittedMissions::<Test>::get(3).is_empty());
		// An accepted contributor still cannot walk away that way.
		assert_noop!(
			Missions::withdraw_commitment(RuntimeOrigin::signed(2), id),
			Error::<Test>::MissionAlreadyActive
		);
	});
}

/// (6) A verdict that pays nothing (`Split(0)`) is a lost dispute, not a won
/// one; zero parts are reported as zero.
#[test]
fn a_verdict_that_pays_nothing_is_a_lost_dispute() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[1000]);
		assert_ok!(Missions::resolve_dispute(RuntimeOrigin::root(), id, 0, Verdict::Split(pct(0))));
		let log = settled();
		for who in [2, 3] {
			assert!(log.contains(&(id, who, Settlement::DisputeLost { milestone: 0 })));
			assert!(log.contains(&(id, who, Settlement::MissionCompleted { earned: 0 })));
		}
		assert!(!log.iter().any(|(_, _, s)| matches!(s, Settlement::DisputeWon { .. })));
		assert_eq!(free(OWNER), ENDOWMENT);
	});
}

/// (7) A rejection governance upheld cannot be disputed again (and again,
/// forever blocking the close); it needs no dispute period either.
#[test]
fn an_upheld_rejection_cannot_be_disputed_again() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[1000]);
		assert_ok!(Missions::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			0,
			Verdict::UpholdRejection
		));
		assert_noop!(
			Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0),
			Error::<Test>::RejectionUpheld
		);
		assert!(!Missions::pending_actions(&2)
			.iter()
			.any(|a| matches!(a, PendingAction::Dispute { .. })));
		// A new deliverable is a new review: its rejection may be disputed.
		deliver(id, 2, 0);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(6)));
		assert_ok!(Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0));
		assert_ok!(Missions::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			0,
			Verdict::UpholdRejection
		));
		// Upheld: closing does not wait for a dispute period.
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
	});
}

/// (8) Filling the pending list with commitments to be turned down is not
/// free: each one turned down pays the chain's minimum bond (burned), and
/// recommitting pays it again. Withdrawing oneself stays free, and so does
/// turning down an accepted commitment.
#[test]
fn filling_the_pending_list_costs_a_fee_each_time() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_with(
			OWNER,
			&[1000],
			MissionOptions { open_to_non_members: true, min_bond: 50, ..Default::default() },
		);
		for who in 6..6 + MAX_CONTRIBUTORS as u64 {
			assert_ok!(Missions::commit(
				RuntimeOrigin::signed(who),
				id,
				Perbill::from_parts(1),
				hash(0),
				ANY_BOND
			));
		}
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(2), id, pct(100), hash(0), ANY_BOND),
			Error::<Test>::TooManyCommitments
		);
		for who in 6..6 + MAX_CONTRIBUTORS as u64 {
			assert_ok!(Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, who));
			assert!(has_event(Event::CommitmentRejected { mission: id, who, fee: MIN_BOND }));
			assert_eq!(free(who), ENDOWMENT - MIN_BOND);
		}
		assert_eq!(burned_fees(), MIN_BOND * MAX_CONTRIBUTORS as u64);
		// Again: another fee.
		assert_ok!(Missions::commit(
			RuntimeOrigin::signed(6),
			id,
			Perbill::from_parts(1),
			hash(0),
			ANY_BOND
		));
		assert_ok!(Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 6));
		assert_eq!(free(6), ENDOWMENT - 2 * MIN_BOND);
		// Withdrawing is free; an accepted commitment turned down pays nothing.
		assert_ok!(Missions::commit(RuntimeOrigin::signed(7), id, pct(10), hash(0), ANY_BOND));
		assert_ok!(Missions::withdraw_commitment(RuntimeOrigin::signed(7), id));
		assert_eq!(free(7), ENDOWMENT - MIN_BOND);
		recruit(id, &[(2, 100)]);
		assert_ok!(Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert!(has_event(Event::CommitmentRejected { mission: id, who: 2, fee: 0 }));
		assert_eq!(free(2), ENDOWMENT);
	});
}

/// (9) Once every contributor has left an active mission, the owner cancels
/// it instead of waiting for the deadline and the review period.
#[test]
fn an_empty_roster_does_not_lock_the_escrow() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(2), id));
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id));
		// The owner gets the budget back with the forfeited bond.
		assert_eq!(free(OWNER), ENDOWMENT + MIN_BOND);
		assert!(LiveMissions::<Test>::get(id).is_none());
	});
}

/// (9) With someone still on the roster, only governance may cancel.
#[test]
fn an_owner_cannot_cancel_a_mission_with_a_roster_at_work() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 50), (3, 50)]);
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(2), id));
		assert_noop!(
			Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id),
			Error::<Test>::MissionAlreadyActive
		);
	});
}

/// (11) The review period is fixed when a mission is posted: a later vote
/// cannot shorten (or stretch) the review of running missions.
#[test]
fn the_review_period_is_fixed_at_creation() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		ReviewPeriod::set(&0);
		// A mission posted now gets the new period.
		let late = create(&[1000]);
		assert_eq!(LiveMissions::<Test>::get(late).unwrap().review_period, 0);
		run_to_block(DEADLINE + 1);
		assert_noop!(
			Missions::close_expired(RuntimeOrigin::signed(9), id),
			Error::<Test>::NotExpired
		);
		// The owner may still review within the period the mission began with.
		run_to_block(DEADLINE + REVIEW_PERIOD);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
	});
}

/// (13) A contributor whose free balance is empty cannot block a payout with
/// a part below the existential deposit: the part goes to the owner and
/// everyone else is paid.
#[test]
fn a_dust_part_cannot_freeze_a_payout() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[100, 100], &[(2, 99), (3, 1)]);
		// 3 empties its free balance; its bond keeps the account alive. (An
		// account with a second provider reference can do so, as validators
		// could whose genesis session keys leaked one.)
		System::inc_providers(&3);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(3), 9, free(3)));
		assert_eq!(free(3), 0);
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert!(has_event(Event::RewardUnpayable {
			mission: id,
			asset: NATIVE,
			milestone: 0,
			who: 3,
			amount: 1
		}));
		assert_eq!(free(2), ENDOWMENT - MIN_BOND + 99);
		assert_eq!(status(id, 0), MilestoneStatus::Split { paid: 99, refunded: 1 });
		// Governance's force-cancel and the bonds are not blocked either.
		assert_ok!(Missions::force_cancel_mission(RuntimeOrigin::root(), id));
		assert_eq!(free(3), MIN_BOND);
		assert_eq!(free(OWNER), ENDOWMENT - 99);
	});
}

/// (13) An owner with an empty free balance cannot block a verdict with a
/// refund below the existential deposit: the refund is deferred and paid
/// with the deposit when the mission's records go.
#[test]
fn a_dust_refund_cannot_freeze_a_verdict() {
	ExtBuilder::default().build_and_execute(|| {
		let id = disputed(&[100, 100]);
		System::inc_providers(&OWNER);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(OWNER), 9, free(OWNER)));
		assert_ok!(Missions::resolve_dispute(
			RuntimeOrigin::root(),
			id,
			0,
			Verdict::Split(pct(99))
		));
		assert!(has_event(Event::RefundDeferred {
			mission: id,
			asset: NATIVE,
			owner: OWNER,
			amount: 1
		}));
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().owed, 1);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 101);
		deliver(id, 2, 1);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 1));
		// Completed: the deposit and then the owed refund came back.
		assert_eq!(free(OWNER), DEPOSIT + 1);
		assert_eq!(Balances::total_balance_on_hold(&OWNER), 0);
	});
}

/// (13) Whatever a vote sets, bonds and deposits are never below the
/// existential deposit, so releasing them can never fail.
#[test]
fn bonds_and_deposits_never_go_below_the_existential_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		MinimumBond::set(&0);
		MissionDeposit::set(&0);
		let id = create(&[1000]);
		assert_eq!(held(HoldReason::MissionDeposit, OWNER), EXISTENTIAL_DEPOSIT);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(100), hash(0), ANY_BOND));
		assert_eq!(held(HoldReason::CommitmentBond, 2), EXISTENTIAL_DEPOSIT);
		System::inc_providers(&2);
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(2), 9, free(2)));
		assert_ok!(Missions::withdraw_commitment(RuntimeOrigin::signed(2), id));
		assert_eq!(free(2), EXISTENTIAL_DEPOSIT);
	});
}

/// Second round, 3. An owner cannot start work at the last moment: a mission
/// is not posted with less than `MinWorkingTime` before its deadline, terms
/// cannot be proposed or signed closer to it, and nobody is prompted to sign
/// terms that can no longer take effect.
#[test]
fn work_starts_only_with_time_to_do_it() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 50), (3, 50)]);
		let terms = propose(id);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		// The last signature comes one block too late.
		run_to_block(DEADLINE - MIN_WORKING_TIME + 1);
		assert!(!Missions::pending_actions(&3)
			.iter()
			.any(|a| matches!(a, PendingAction::SignTerms { .. })));
		assert_noop!(
			Missions::sign_terms(RuntimeOrigin::signed(3), id, terms),
			Error::<Test>::TooLateToStart
		);
		// Never active, so no bond can be forfeited: closing returns them all.
		run_to_block(DEADLINE + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!((free(2), free(3), free(OWNER)), (ENDOWMENT, ENDOWMENT, ENDOWMENT));
	});
}

/// Second round, 3. Signing exactly `MinWorkingTime` before the deadline
/// still starts the work.
#[test]
fn the_minimum_working_time_is_inclusive() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[1000]);
		recruit(id, &[(2, 100)]);
		let terms = propose(id);
		run_to_block(DEADLINE - MIN_WORKING_TIME);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert!(Missions::is_active(&LiveMissions::<Test>::get(id).unwrap()));
	});
}

/// Second round, 4. One milestone, two contributors: 2 submits, so 3 cannot;
/// the owner rejects and nobody disputes. The rejected work was delivered
/// for the roster: no bond is forfeited, the owner gets only its unspent
/// budget back, and only the submitter's record shows the rejection.
#[test]
fn a_rejection_costs_no_teammate_its_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 50), (3, 50)]);
		deliver(id, 2, 0);
		assert_noop!(
			Missions::submit_deliverable(RuntimeOrigin::signed(3), id, 0, hash(0xbb), None),
			Error::<Test>::MilestoneAwaitingReview
		);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!((free(2), free(3), free(OWNER)), (ENDOWMENT, ENDOWMENT, ENDOWMENT));
		assert!(!System::events()
			.iter()
			.any(|r| matches!(r.event, RuntimeEvent::Missions(Event::BondForfeited { .. }))));
		let log = settled();
		assert_eq!(
			log.iter()
				.filter(|(_, _, s)| matches!(s, Settlement::MilestoneRejected { .. }))
				.map(|(_, who, _)| *who)
				.collect::<Vec<_>>(),
			vec![2]
		);
		assert!(log.contains(&(id, 3, Settlement::MissionExpired { delivered: true })));
	});
}

/// Second round, 4. Where a milestone never got a deliverable the roster did
/// not deliver: the contributor who submitted nothing still loses its bond.
#[test]
fn an_undelivered_milestone_still_forfeits_the_idle_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[500, 500], &[(2, 50), (3, 50)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert_eq!(free(2), ENDOWMENT);
		assert_eq!(free(3), ENDOWMENT - MIN_BOND);
		assert_eq!(free(OWNER), ENDOWMENT + MIN_BOND);
	});
}

/// Second round, 6. The fee for a turned-down commitment is the one in force
/// when it committed: a vote raising `MinimumBond` afterwards cannot let the
/// owner burn the committer's whole bond.
#[test]
fn the_turn_down_fee_is_fixed_when_committing() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_with(OWNER, &[1000], MissionOptions { min_bond: 50, ..Default::default() });
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(10), hash(2), 50));
		MinimumBond::set(&50);
		assert_ok!(Missions::reject_commitment(RuntimeOrigin::signed(OWNER), id, 2));
		assert!(has_event(Event::CommitmentRejected { mission: id, who: 2, fee: MIN_BOND }));
		assert_eq!(free(2), ENDOWMENT - MIN_BOND);
	});
}

/// Second round, 6. A rejection may be disputed only within the dispute
/// period the pallet documents.
#[test]
fn a_rejection_is_disputed_within_its_period_or_not_at_all() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1000], &[(2, 100)]);
		deliver(id, 2, 0);
		assert_ok!(Missions::reject_milestone(RuntimeOrigin::signed(OWNER), id, 0, hash(5)));
		run_to_block(1 + DISPUTE_PERIOD + 1);
		assert!(!Missions::pending_actions(&2)
			.contains(&PendingAction::Dispute { mission: id, milestone: 0 }));
		assert_noop!(
			Missions::dispute_milestone(RuntimeOrigin::signed(2), id, 0),
			Error::<Test>::DisputePeriodOver
		);
		// The roster may still resubmit before the deadline.
		deliver(id, 2, 0);
	});
}

/// Second round, 9. Governance cancelling an active mission after the review
/// period pays what silence already approved before refunding the owner:
/// cancelling is no way around "silence is consent".
#[test]
fn force_cancel_pays_what_silence_approved() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[400, 600], &[(2, 100)]);
		deliver(id, 2, 0);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::force_cancel_mission(RuntimeOrigin::root(), id));
		assert_eq!(free(2), ENDOWMENT + 400);
		assert_eq!(free(OWNER), ENDOWMENT - 400);
		assert!(has_event(Event::MissionCancelled { mission: id, by_force: true }));
		assert!(LiveMissions::<Test>::get(id).is_none());
	});
}

/// Second round, 9. Within the review period the owner may still reject, so
/// a cancellation then refunds the unreviewed milestone; if silence already
/// approved every milestone, the mission completes instead.
#[test]
fn force_cancel_within_review_refunds_and_after_it_may_complete() {
	ExtBuilder::default().build_and_execute(|| {
		let within = active(&[1000], &[(2, 100)]);
		deliver(within, 2, 0);
		assert_ok!(Missions::force_cancel_mission(RuntimeOrigin::root(), within));
		assert_eq!((free(2), free(OWNER)), (ENDOWMENT, ENDOWMENT));

		let after = active(&[1000], &[(3, 100)]);
		deliver(after, 3, 0);
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::force_cancel_mission(RuntimeOrigin::root(), after));
		assert_eq!(free(3), ENDOWMENT + 1000);
		assert!(has_event(Event::MissionCompleted { mission: after }));
	});
}

/// Second round, 11. The committer's signature binds the bond: a mission
/// whose bond is above what the client showed is refused, nothing held.
#[test]
fn a_commitment_never_holds_more_than_its_signer_agreed() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create_with(OWNER, &[1000], MissionOptions { min_bond: 50, ..Default::default() });
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(2), id, pct(10), hash(2), 49),
			Error::<Test>::BondAboveMaximum
		);
		// A vote raising the chain's minimum between reading and signing.
		MinimumBond::set(&60);
		assert_noop!(
			Missions::commit(RuntimeOrigin::signed(2), id, pct(10), hash(2), 50),
			Error::<Test>::BondAboveMaximum
		);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), id, pct(10), hash(2), 60));
		assert_eq!(held(HoldReason::CommitmentBond, 2), 60);
	});
}
