//! The score formula, the counters and the per-owner cap.

use crate::{mock::*, *};
use pallet_missions::{OnSettled, ReputationOf, Settlement};

/// An owner the tests do not otherwise care about.
const OWNER: u64 = 100;

fn settle(who: u64, outcome: Settlement<u64>) {
	settle_from(OWNER, who, outcome);
}

fn settle_from(owner: u64, who: u64, outcome: Settlement<u64>) {
	<Reputation as OnSettled<u64, u64>>::on_settled(0, &owner, &who, outcome);
}

fn paid(amount: u64, first_try: bool) -> Settlement<u64> {
	Settlement::MilestonePaid { milestone: 0, amount, first_try, native: true }
}

#[test]
fn earnings_in_other_assets_count_as_work_but_not_as_peer_earned() {
	build_and_execute(|| {
		settle(1, paid(300, true));
		let in_usd = Settlement::MilestonePaid {
			milestone: 1,
			amount: 5_000_000,
			first_try: true,
			native: false,
		};
		settle(1, in_usd);
		let r = Reputations::<Test>::get(1);
		assert_eq!((r.milestones_paid, r.total_earned), (2, 300));
		assert_eq!(Reputation::score_of(&1), 15 + 15);
	});
}

#[test]
fn outcomes_move_points_and_counters() {
	build_and_execute(|| {
		settle(1, paid(300, true));
		settle(1, paid(200, false));
		settle(1, Settlement::MissionCompleted { earned: 100 });
		assert_eq!(Reputation::score_of(&1), 15 + 10 + 20);
		let r = Reputations::<Test>::get(1);
		assert_eq!((r.milestones_paid, r.approved_first_try, r.missions_completed), (2, 1, 1));
		assert_eq!(r.total_earned, 500);
		settle(1, Settlement::MilestoneRejected { milestone: 1 });
		settle(1, Settlement::DisputeWon { milestone: 1, amount: 50 });
		assert_eq!(Reputation::score_of(&1), 45 - 2 + 5);
		settle(1, Settlement::DisputeLost { milestone: 2 });
		assert_eq!(Reputation::score_of(&1), 48 - 10);
		assert_eq!(<Reputation as ReputationOf<u64>>::reputation_of(&1), 38);
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::Reputation(Event::ReputationChanged {
				who: 1,
				mission: 0,
				score: 38
			})));
	});
}

#[test]
fn forfeits_weigh_heavily_and_points_never_go_negative() {
	build_and_execute(|| {
		settle(2, paid(10, true));
		settle(2, Settlement::BondForfeited { amount: 7 });
		assert_eq!(Reputation::score_of(&2), 0);
		let r = Reputations::<Test>::get(2);
		assert_eq!((r.bonds_forfeited, r.total_forfeited, r.points), (1, 7, 0));
		settle(3, Settlement::MissionExpired { delivered: true });
		settle(3, Settlement::MissionExpired { delivered: false });
		assert_eq!(Reputations::<Test>::get(3).expired_idle, 1);
		assert_eq!(Reputation::score_of(&3), 0);
	});
}

#[test]
fn recent_work_weighs_more_than_old_work() {
	build_and_execute(|| {
		// Old and new work of the same kind: the old has decayed.
		settle(1, Settlement::MissionCompleted { earned: 100 });
		System::set_block_number(201);
		assert_eq!(Reputation::score_of(&1), 5); // 20 halved twice
		settle(2, Settlement::MissionCompleted { earned: 100 });
		assert_eq!(Reputation::score_of(&2), 20);
		// Half a half-life takes a quarter off.
		System::set_block_number(251);
		assert_eq!(Reputation::score_of(&2), 15);
		// Decay is folded in when the next outcome arrives.
		settle(1, paid(1, false));
		let r = Reputations::<Test>::get(1);
		assert_eq!(r.updated, 251);
		assert_eq!(r.points, 20 * POINT / 4 * 3 / 4 + 10 * POINT);
	});
}

#[test]
fn decay_is_monotonic_and_ends_at_zero() {
	build_and_execute(|| {
		let mut last = u64::MAX;
		for elapsed in 0..1_000u64 {
			let now = Reputation::decay(1_000_000, elapsed);
			assert!(now <= last);
			last = now;
		}
		assert_eq!(Reputation::decay(1_000_000, 100), 500_000);
		assert_eq!(Reputation::decay(u64::MAX, 100 * 64), 0);
	});
}

#[test]
fn nothing_earned_counts_for_nothing() {
	build_and_execute(|| {
		// Zero parts (a 1-ppb share of a small milestone), a completion that
		// paid nothing and a verdict that paid nothing move no points and no
		// counters: a sock-puppet roster cannot farm a score with them.
		for _ in 0..100 {
			settle(4, paid(0, true));
			settle(4, Settlement::MissionCompleted { earned: 0 });
			settle(4, Settlement::DisputeWon { milestone: 0, amount: 0 });
		}
		settle(4, Settlement::MissionExpired { delivered: true });
		assert_eq!(Reputation::score_of(&4), 0);
		// Nothing is stored for them, and nothing is announced.
		assert!(!Reputations::<Test>::contains_key(4));
		assert_eq!(PointsFromOwner::<Test>::iter_prefix(4).count(), 0);
		assert!(System::events().is_empty());
		// The same outcomes with value do count.
		settle(4, paid(1, true));
		settle(4, Settlement::MissionCompleted { earned: 1 });
		assert_eq!(Reputation::score_of(&4), 15 + 20);
	});
}

/// A member paying its own puppets lifts each no further than the per-owner
/// cap; going beyond takes work paid for by other owners. Losses are not capped.
#[test]
fn points_from_one_owner_are_capped() {
	build_and_execute(|| {
		let cap = MaxPointsPerOwner::get();
		// Forty completed missions from the same owner: 35 points each, capped.
		for _ in 0..40 {
			settle_from(7, 4, paid(1, true));
			settle_from(7, 4, Settlement::MissionCompleted { earned: 1 });
		}
		assert_eq!(Reputation::score_of(&4), cap);
		// The counters still say what happened.
		assert_eq!(Reputations::<Test>::get(4).missions_completed, 40);
		// Another owner's mission counts in full.
		settle_from(8, 4, Settlement::MissionCompleted { earned: 1 });
		assert_eq!(Reputation::score_of(&4), cap + 20);
		// A loss below the cap counts in full.
		settle_from(7, 4, Settlement::BondForfeited { amount: 1 });
		assert_eq!(Reputation::score_of(&4), cap + 20 - 50);
		// As the points from owner 7 decay, there is room again.
		System::set_block_number(101);
		let before = Reputation::score_of(&4);
		settle_from(7, 4, Settlement::MissionCompleted { earned: 1 });
		assert_eq!(Reputation::score_of(&4), before + 20);
	});
}

/// Second round, 5. An owner with a puppet on its rosters rejecting an
/// honest member again and again takes at most `MaxPointsPerOwner` from it;
/// what other owners' missions gave it stays.
#[test]
fn one_owner_cannot_erase_a_members_reputation() {
	build_and_execute(|| {
		let cap = MaxPointsPerOwner::get();
		for owner in [7, 8, 9] {
			for _ in 0..40 {
				settle_from(owner, 4, paid(1, true));
				settle_from(owner, 4, Settlement::MissionCompleted { earned: 1 });
			}
		}
		assert_eq!(Reputation::score_of(&4), 3 * cap);
		// A hostile owner rejects 4's work a thousand times, and upholds none
		// of its disputes: 2 and 10 points each, capped.
		for _ in 0..1_000 {
			settle_from(66_666, 4, Settlement::MilestoneRejected { milestone: 0 });
			settle_from(66_666, 4, Settlement::DisputeLost { milestone: 0 });
		}
		assert_eq!(Reputation::score_of(&4), 2 * cap);
		assert_eq!(Reputations::<Test>::get(4).rejections, 1_000);
		assert_eq!(PointsTakenByOwner::<Test>::get(4, 66_666), Some((cap as u64 * POINT, 1)));
	});
}

/// Second round, 8. An account outside the consortium gets no record: it
/// paid no deposit for the storage.
#[test]
fn outsiders_keep_no_record() {
	build_and_execute(|| {
		settle(OUTSIDER, paid(100, true));
		settle(OUTSIDER, Settlement::BondForfeited { amount: 1 });
		assert!(!Reputations::<Test>::contains_key(OUTSIDER));
		assert_eq!(PointsFromOwner::<Test>::iter().count(), 0);
		assert_eq!(Reputation::score_of(&OUTSIDER), 0);
		assert!(System::events().is_empty());
	});
}

/// `try_state` is not vacuous: each broken rule is caught.
#[test]
fn the_invariants_catch_a_broken_store() {
	let broken: [(&str, fn()); 7] = [
		("a record that counts nothing", || {
			Reputations::<Test>::insert(1, Record::default());
		}),
		("a record from the future", || {
			Reputations::<Test>::insert(
				1,
				Record { milestones_paid: 1, updated: 9, ..Default::default() },
			);
		}),
		("first-try approvals beyond the paid", || {
			Reputations::<Test>::insert(
				1,
				Record { milestones_paid: 1, approved_first_try: 2, ..Default::default() },
			);
		}),
		("points above the per-owner cap", || {
			settle(1, paid(1, true));
			let cap = MaxPointsPerOwner::get() as u64 * POINT;
			PointsFromOwner::<Test>::insert(1, OWNER, (cap + 1, 1));
		}),
		("points from an owner without a record", || {
			PointsFromOwner::<Test>::insert(5, OWNER, (POINT, 1));
		}),
		("points taken above the per-owner cap", || {
			let cap = MaxPointsPerOwner::get() as u64 * POINT;
			PointsTakenByOwner::<Test>::insert(2, OWNER, (cap + 1, 1));
		}),
		("points taken from an account without a record", || {
			PointsTakenByOwner::<Test>::insert(5, OWNER, (POINT, 1));
		}),
	];
	for (what, breaks) in broken {
		new_test_ext().execute_with(|| {
			settle(2, paid(1, true));
			assert_eq!(Reputation::do_try_state(), Ok(()));
			breaks();
			assert!(Reputation::do_try_state().is_err(), "{what} went unnoticed");
		});
	}
}
