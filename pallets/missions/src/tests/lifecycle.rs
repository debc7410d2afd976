//! Missions run through their phases: the happy path paid to the unit,
//! recruiting and agreeing, reviews and disputes, ending early and expiry,
//! and a member leaving the consortium.

use super::*;

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
			asset: NATIVE,
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
		assert_eq!(terms, Missions::terms_hash(id, &LiveMissions::<Test>::get(id).unwrap()));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(2), id, terms));
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(3), id, terms));
		assert_eq!(
			LiveMissions::<Test>::get(id).unwrap().status,
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
		assert!(has_event(Event::RewardPaid {
			mission: id,
			asset: NATIVE,
			milestone: 0,
			who: 3,
			amount: 300
		}));

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
		assert!(has_event(Event::RewardPaid {
			mission: id,
			asset: NATIVE,
			milestone: 2,
			who: 2,
			amount: 1501
		}));
		assert!(has_event(Event::MissionCompleted { mission: id }));

		// Completed: bonds and deposit back, escrow empty, records gone.
		assert_eq!(free(OWNER), ENDOWMENT - 6001);
		assert_eq!(free(2), ENDOWMENT + 3001);
		assert_eq!(free(3), ENDOWMENT + 1800);
		assert_eq!(free(4), ENDOWMENT + 1200);
		for who in [OWNER, 2, 3, 4] {
			assert_eq!(Balances::total_balance_on_hold(&who), 0);
		}
		assert!(LiveMissions::<Test>::get(id).is_none());
		assert_eq!(Commitments::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Deliverables::<Test>::iter_prefix(id).count(), 0);
		assert!(OwnedMissions::<Test>::get(OWNER).is_empty());
		assert!(CommittedMissions::<Test>::get(2).is_empty());

		// Reputation heard of every payout and of the completion.
		let log = settled();
		assert!(log.contains(&(
			id,
			2,
			Settlement::MilestonePaid { milestone: 2, amount: 1501, first_try: true, native: true }
		)));
		assert_eq!(
			log.iter().filter(|(_, _, s)| matches!(s, Settlement::MissionCompleted { .. })).count(),
			3
		);
	});
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
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().status, MissionStatus::Recruiting);
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
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().status, MissionStatus::Recruiting);
		assert_eq!(free(4), ENDOWMENT);
	});
}

#[test]
fn owner_cancels_before_work_and_everything_comes_back() {
	ExtBuilder::default().build_and_execute(|| {
		let id =
			create_with(OWNER, &[1000, 500], MissionOptions { min_bond: 50, ..Default::default() });
		recruit(id, &[(2, 60)]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(3), id, pct(10), hash(2), ANY_BOND));
		assert_eq!(free(3), ENDOWMENT - 50);
		assert_ok!(Missions::cancel_mission(RuntimeOrigin::signed(OWNER), id));
		for who in [OWNER, 2, 3] {
			assert_eq!(free(who), ENDOWMENT);
		}
		assert!(has_event(Event::MissionCancelled { mission: id, by_force: false }));
		assert!(LiveMissions::<Test>::get(id).is_none());
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
			Settlement::MilestonePaid {
				milestone: 0,
				amount: 1000,
				first_try: false,
				native: true
			}
		)));
		assert!(settled().contains(&(id, 2, Settlement::MilestoneRejected { milestone: 0 })));
	});
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
		assert!(has_event(Event::Refunded {
			mission: id,
			asset: NATIVE,
			owner: OWNER,
			amount: 600
		}));
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
		let m = LiveMissions::<Test>::get(id).unwrap();
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
		assert!(has_event(Event::Refunded {
			mission: id,
			asset: NATIVE,
			owner: OWNER,
			amount: 400
		}));
		assert!(has_event(Event::MissionExpired { mission: id }));
		assert!(settled().contains(&(id, 3, Settlement::MissionExpired { delivered: false })));
		assert!(LiveMissions::<Test>::get(id).is_none());
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

#[test]
fn a_member_who_leaves_abandons_and_withdraws() {
	ExtBuilder::default().build_and_execute(|| {
		let running = active(&[1000], &[(2, 50), (3, 50)]);
		let recruiting = create(&[500]);
		assert_ok!(Missions::commit(
			RuntimeOrigin::signed(2),
			recruiting,
			pct(10),
			hash(2),
			ANY_BOND
		));
		// 2 also has a pending commitment to a third mission that went active.
		let third = create(&[300]);
		assert_ok!(Missions::commit(RuntimeOrigin::signed(2), third, pct(10), hash(2), ANY_BOND));
		recruit(third, &[(4, 100)]);
		let t = propose(third);
		assert_ok!(Missions::sign_terms(RuntimeOrigin::signed(4), third, t));

		Missions::member_left(&2);
		// Active mission: abandoned, bond forfeited into its budget.
		let m = LiveMissions::<Test>::get(running).unwrap();
		assert_eq!(m.roster.to_vec(), vec![(3, pct(100))]);
		assert_eq!(m.budget, 1000 + MIN_BOND);
		// Recruiting mission and the pending commitment: withdrawn, bonds back.
		assert!(Commitments::<Test>::get(recruiting, 2).is_none());
		assert!(Commitments::<Test>::get(third, 2).is_none());
		assert_eq!(LiveMissions::<Test>::get(third).unwrap().pending, 0);
		assert_eq!(free(2), ENDOWMENT - MIN_BOND);
		assert!(CommittedMissions::<Test>::get(2).is_empty());
	});
}
