//! Budgets that grow and deadlines moved by consent: before work a change
//! applies at once (terms out are voided); once work has started the signed
//! terms stand until every contributor on the roster agreed to the amended
//! ones; no one's bond is judged against a deadline it did not agree to.

use super::*;
use frame_support::traits::fungibles::InspectHold as _;

fn top_up(id: MissionId, milestone: u32, amount: Balance) -> sp_runtime::DispatchResult {
	Missions::increase_budget(RuntimeOrigin::signed(OWNER), id, milestone, amount)
}

fn extend(id: MissionId, deadline: u64) -> sp_runtime::DispatchResult {
	Missions::extend_deadline(RuntimeOrigin::signed(OWNER), id, deadline)
}

fn pending_hash(id: MissionId) -> H256 {
	Amendments::<Test>::get(id).expect("an amendment is pending").terms_hash
}

fn agree(who: AccountId, id: MissionId) -> sp_runtime::DispatchResult {
	Missions::agree_amendment(RuntimeOrigin::signed(who), id, pending_hash(id))
}

#[test]
fn before_work_a_top_up_applies_at_once_and_voids_terms_out() {
	ExtBuilder::default().build_and_execute(|| {
		let id = create(&[500, 300]);
		recruit(id, &[(2, 100)]);
		let old_terms = propose(id);
		assert_ok!(top_up(id, 1, 200));
		assert!(has_event(Event::BudgetIncreased {
			mission: id,
			milestone: 1,
			asset: NATIVE,
			amount: 200
		}));
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.budget, m.milestones[1].amount), (1_000, 500));
		assert_eq!(m.status, MissionStatus::Recruiting, "the terms out were voided");
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 1_000);
		assert!(Amendments::<Test>::get(id).is_none());
		// The new terms carry the new amount.
		assert_ne!(propose(id), old_terms);
		// A milestone added and a later deadline, at once too.
		assert_ok!(Missions::add_milestone(RuntimeOrigin::signed(OWNER), id, hash(7), 50));
		assert_ok!(extend(id, DEADLINE + 50));
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.milestones.len(), m.budget, m.deadline), (3, 1_050, DEADLINE + 50));
	});
}

#[test]
fn at_work_the_signed_terms_stand_until_everyone_agrees() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000, 1_000], &[(2, 50), (3, 50)]);
		let signed = terms_of(id);
		assert_ok!(top_up(id, 1, 400));
		assert_ok!(Missions::add_milestone(RuntimeOrigin::signed(OWNER), id, hash(7), 600));
		// Held at once, but not yet the mission's: the signed terms stand.
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 3_000);
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.budget, m.milestones.len(), terms_of(id)), (2_000, 2, signed));
		let amended = pending_hash(id);
		assert!(has_event(Event::AmendmentProposed { mission: id, terms_hash: amended }));
		// Work goes on under the signed terms: milestone 0 pays what was signed.
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().paid, 1_000);
		// It asks each contributor, and binds with the last agreement.
		assert!(Missions::pending_actions(&2)
			.contains(&PendingAction::AgreeAmendment { mission: id, terms_hash: amended }));
		assert_noop!(
			Missions::agree_amendment(RuntimeOrigin::signed(2), id, hash(1)),
			Error::<Test>::TermsMismatch
		);
		assert_ok!(agree(2, id));
		assert_noop!(agree(2, id), Error::<Test>::AlreadySigned);
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().budget, 2_000);
		assert_ok!(agree(3, id));
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.budget, m.milestones[1].amount, m.milestones[2].amount), (3_000, 1_400, 600));
		assert_eq!(terms_of(id), Missions::terms_hash(id, &m));
		assert!(has_event(Event::AmendmentApplied {
			mission: id,
			terms_hash: terms_of(id),
			deadline: DEADLINE,
			budget: 3_000
		}));
		assert!(Amendments::<Test>::get(id).is_none());
	});
}

/// A contributor who never agreed keeps the deadline it signed: the
/// extension lapses at that deadline, and the mission is closed against it.
#[test]
fn a_deadline_no_one_agreed_to_never_judges_a_bond() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000], &[(2, 50), (3, 50)]);
		assert_ok!(extend(id, DEADLINE + 200));
		assert_ok!(agree(2, id));
		// 3 does not agree; the deadline passes: the amendment lapsed.
		run_to_block(DEADLINE + 1);
		assert_noop!(agree(3, id), Error::<Test>::AmendmentLapsed);
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().deadline, DEADLINE);
		assert_noop!(
			Missions::submit_deliverable(RuntimeOrigin::signed(2), id, 0, hash(1), None),
			Error::<Test>::DeadlinePassed
		);
		// Closed against the signed deadline; the amendment's escrow (none here) goes back.
		run_to_block(DEADLINE + REVIEW_PERIOD + 1);
		assert_ok!(Missions::close_expired(RuntimeOrigin::signed(9), id));
		assert!(Amendments::<Test>::get(id).is_none());
	});
}

#[test]
fn with_nobody_on_the_roster_a_change_applies_at_once() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000], &[(2, 100)]);
		assert_ok!(top_up(id, 0, 100));
		assert!(Amendments::<Test>::get(id).is_some());
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(2), id));
		// Nobody to agree: the pending top-up and the new deadline bind now.
		assert_ok!(extend(id, DEADLINE + 10));
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!(m.deadline, DEADLINE + 10);
		assert_eq!(m.milestones[0].amount, 1_000 + 100 + MIN_BOND, "top-up and the abandoned bond");
		assert!(Amendments::<Test>::get(id).is_none());
	});
}

#[test]
fn a_roster_change_voids_the_agreements_so_far() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000], &[(2, 40), (3, 30), (4, 30)]);
		assert_ok!(top_up(id, 0, 300));
		let before = pending_hash(id);
		assert_ok!(agree(2, id));
		assert_ok!(Missions::abandon(RuntimeOrigin::signed(4), id));
		let a = Amendments::<Test>::get(id).unwrap();
		assert!(a.agreed.is_empty());
		assert_ne!(a.terms_hash, before, "the terms name the roster");
		assert_noop!(
			Missions::agree_amendment(RuntimeOrigin::signed(3), id, before),
			Error::<Test>::TermsMismatch
		);
		assert_ok!(agree(2, id));
		assert_ok!(agree(3, id));
		assert_eq!(LiveMissions::<Test>::get(id).unwrap().budget, 1_000 + 300 + MIN_BOND);
	});
}

#[test]
fn a_top_up_of_a_milestone_settled_meanwhile_goes_back_to_the_owner() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000, 1_000], &[(2, 100)]);
		assert_ok!(top_up(id, 0, 250));
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		let free_before = free(OWNER);
		assert_ok!(agree(2, id));
		assert_eq!(free(OWNER), free_before + 250);
		let m = LiveMissions::<Test>::get(id).unwrap();
		assert_eq!((m.budget, m.milestones[0].amount), (2_000, 1_000));
	});
}

#[test]
fn a_withdrawn_or_ended_amendment_gives_back_what_it_held() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000], &[(2, 100)]);
		let free_before = free(OWNER);
		assert_ok!(top_up(id, 0, 300));
		assert_eq!(free(OWNER), free_before - 300);
		assert_ok!(Missions::withdraw_amendment(RuntimeOrigin::signed(OWNER), id));
		assert!(has_event(Event::AmendmentDropped { mission: id }));
		assert_eq!(free(OWNER), free_before);
		// Pending when the mission completes: back too.
		assert_ok!(top_up(id, 0, 300));
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(RuntimeOrigin::signed(OWNER), id, 0));
		assert!(!LiveMissions::<Test>::contains_key(id));
		assert!(Amendments::<Test>::get(id).is_none());
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 0);
	});
}

#[test]
fn a_top_up_is_held_in_the_missions_asset() {
	ExtBuilder::default().build_and_execute(|| {
		let usd = NativeOrWithId::WithId(USD);
		let id = create_in_with(OWNER, usd.clone(), &[1_000_000], Default::default());
		assert_ok!(top_up(id, 0, 500_000));
		let held_usd =
			MissionAssets::balance_on_hold(usd.clone(), &HoldReason::MissionEscrow.into(), &OWNER);
		assert_eq!(held_usd, 1_500_000);
		assert_eq!(held(HoldReason::MissionEscrow, OWNER), 0, "nothing in PEER");
		assert!(has_event(Event::BudgetIncreased {
			mission: id,
			milestone: 0,
			asset: usd,
			amount: 500_000
		}));
	});
}

#[test]
fn amendment_errors() {
	ExtBuilder::default().build_and_execute(|| {
		let id = active(&[1_000, 1_000], &[(2, 100)]);
		let s = RuntimeOrigin::signed;
		assert_noop!(Missions::increase_budget(s(2), id, 0, 10), Error::<Test>::NotMissionOwner);
		assert_noop!(top_up(id, 0, 0), Error::<Test>::ZeroMilestoneAmount);
		assert_noop!(top_up(id, 5, 10), Error::<Test>::MilestoneNotFound);
		assert_noop!(top_up(id, 0, ENDOWMENT * 10), Error::<Test>::InsufficientBalance);
		assert_noop!(top_up(77, 0, 10), Error::<Test>::MissionNotFound);
		assert_noop!(
			Missions::add_milestone(s(OWNER), id, hash(1), 0),
			Error::<Test>::ZeroMilestoneAmount
		);
		assert_noop!(extend(id, DEADLINE), Error::<Test>::DeadlineNotLater);
		assert_noop!(extend(id, 1 + MAX_DURATION + 1), Error::<Test>::DeadlineTooFar);
		assert_noop!(Missions::agree_amendment(s(2), id, hash(1)), Error::<Test>::NoAmendment);
		assert_noop!(Missions::withdraw_amendment(s(OWNER), id), Error::<Test>::NoAmendment);
		assert_ok!(extend(id, DEADLINE + 5));
		assert_noop!(extend(id, DEADLINE + 5), Error::<Test>::DeadlineNotLater);
		assert_noop!(agree(3, id), Error::<Test>::NotAContributor);
		assert_noop!(Missions::withdraw_amendment(s(2), id), Error::<Test>::NotMissionOwner);
		// Settled milestones take no top-up; nothing after the deadline.
		deliver(id, 2, 0);
		assert_ok!(Missions::approve_milestone(s(OWNER), id, 0));
		assert_noop!(top_up(id, 0, 10), Error::<Test>::MilestoneAlreadyPaid);
		for _ in 0..(MAX_MILESTONES - 2) {
			assert_ok!(Missions::add_milestone(s(OWNER), id, hash(1), 1));
		}
		assert_noop!(
			Missions::add_milestone(s(OWNER), id, hash(1), 1),
			Error::<Test>::TooManyMilestones
		);
		run_to_block(DEADLINE + 1);
		assert_noop!(top_up(id, 1, 10), Error::<Test>::DeadlinePassed);
	});
}
