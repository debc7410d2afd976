//! Every call's success and every error, sessions, offences and leavers.

use crate::{
	mock::*, Error, Event, MinimumValidators, SessionLength, SessionStart, SetChanged, Validators,
};
use frame_support::{assert_noop, assert_ok, traits::EstimateNextSessionRotation, weights::Weight};
use frame_system::RawOrigin;
use pallet_session::{SessionManager, ShouldEndSession};
use sp_runtime::{DispatchError, Perbill, Permill};
use sp_staking::offence::{OffenceDetails, OnOffenceHandler};

fn set() -> Vec<AccountId> {
	Validators::<Test>::get().into_inner()
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

fn root() -> RuntimeOrigin {
	RawOrigin::Root.into()
}

fn next_session() -> Option<Vec<AccountId>> {
	<ValidatorSet as SessionManager<AccountId>>::new_session(1)
}

#[test]
fn genesis_gives_the_first_set_to_session() {
	build_and_execute(|| {
		assert_eq!(set(), vec![1, 2, 3]);
		assert_eq!(SessionLength::<Test>::get(), 10);
		assert_eq!(
			<ValidatorSet as SessionManager<AccountId>>::new_session_genesis(0),
			Some(vec![1, 2, 3])
		);
		// Nothing changed since genesis: the planned session keeps the set.
		assert_eq!(next_session(), None);
	});
}

#[test]
fn add_validator_joins_at_the_next_session_only_once() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert_eq!(last_event(), Event::ValidatorAdded { who: 4 }.into());
		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert!(SetChanged::<Test>::get());
		assert_eq!(next_session(), Some(vec![1, 2, 3, 4]));
		assert!(!SetChanged::<Test>::get());
		assert_eq!(next_session(), None);
	});
}

#[test]
fn add_validator_errors_change_nothing() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::add_validator(root(), 11), Error::<Test>::NotAMember);
		assert_noop!(ValidatorSet::add_validator(root(), 9), Error::<Test>::NoSessionKeys);
		assert_noop!(ValidatorSet::add_validator(root(), 2), Error::<Test>::AlreadyValidator);
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_eq!(set().len() as u32, <Test as crate::Config>::MaxValidators::get());
		assert_noop!(ValidatorSet::add_validator(root(), 6), Error::<Test>::TooManyValidators);
	});
}

#[test]
fn remove_validator_leaves_at_the_next_session() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		assert_eq!(last_event(), Event::ValidatorRemoved { who: 2 }.into());
		assert_eq!(set(), vec![1, 3]);
		assert_eq!(next_session(), Some(vec![1, 3]));
	});
}

#[test]
fn remove_validator_errors_change_nothing() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::remove_validator(root(), 7), Error::<Test>::NotValidator);
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_noop!(ValidatorSet::remove_validator(root(), 2), Error::<Test>::TooFewValidators);
	});
}

/// Runs this pallet's block hook from the next block to `n`; returns the
/// weight each block was charged.
fn run_to(n: u64) -> Vec<(u64, Weight)> {
	use frame_support::traits::Hooks;
	let mut charged = Vec::new();
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		charged.push((next, <ValidatorSet as Hooks<u64>>::on_initialize(next)));
	}
	charged
}

#[test]
fn this_pallet_rotates_sessions_and_charges_the_measured_weight() {
	use crate::WeightInfo;
	use frame_support::traits::Get;
	build_and_execute(|| {
		<ValidatorSet as SessionManager<AccountId>>::start_session(0);
		// The session pallet never ends a session by itself.
		assert!((0..100).all(|n| !ValidatorSet::should_end_session(n)));
		let charged = run_to(25);
		// Sessions of 10 blocks from block 1: rotated at 11 and 21, charged a
		// rotation there and two reads elsewhere.
		assert_eq!(rotations(), 2);
		assert_eq!(SessionStart::<Test>::get(), 21);
		let rotation = <() as WeightInfo>::rotate_session(MaxValidators::get());
		let check = <<Test as frame_system::Config>::DbWeight as Get<
			frame_support::weights::RuntimeDbWeight,
		>>::get()
		.reads(2);
		for (n, w) in charged {
			assert_eq!(w, if n == 11 || n == 21 { rotation } else { check }, "block {n}");
		}
	});
}

#[test]
fn sessions_last_the_governed_length() {
	build_and_execute(|| {
		<ValidatorSet as SessionManager<AccountId>>::start_session(0);
		assert_eq!(SessionStart::<Test>::get(), 1);
		assert_eq!(ValidatorSet::average_session_length(), 10);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(4).0, Some(11));
		assert_eq!(
			ValidatorSet::estimate_current_session_progress(6).0,
			Some(Permill::from_percent(50))
		);
		assert_eq!(ValidatorSet::estimate_current_session_progress(40).0, Some(Permill::one()));
		run_to(10);
		assert_eq!(rotations(), 0);
		run_to(11);
		assert_eq!(rotations(), 1);
		assert_eq!(ValidatorSet::estimate_next_session_rotation(12).0, Some(21));

		// A new length counts from the current session's start (block 11).
		assert_ok!(ValidatorSet::set_session_length(root(), 5));
		assert_eq!(last_event(), Event::SessionLengthSet { length: 5 }.into());
		run_to(15);
		assert_eq!(rotations(), 1);
		run_to(16);
		assert_eq!(rotations(), 2);
	});
}

#[test]
fn set_session_length_errors_change_nothing() {
	build_and_execute(|| {
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 20),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::set_session_length(root(), 4), Error::<Test>::SessionTooShort);
	});
}

fn offence(who: AccountId) -> OffenceDetails<AccountId, (AccountId, ())> {
	OffenceDetails { offender: (who, ()), reporters: vec![9] }
}

#[test]
fn an_offender_leaves_the_set_within_the_minimum() {
	build_and_execute(|| {
		let _ = <ValidatorSet as OnOffenceHandler<AccountId, (AccountId, ()), _>>::on_offence(
			&[offence(3)],
			&[Perbill::zero()],
			4,
		);
		assert_eq!(
			last_event(),
			Event::OffenceReported { who: 3, session: 4, removed: true }.into()
		);
		assert_eq!(set(), vec![1, 2]);
		// At the minimum the offender stays (the chain must go on); the council decides.
		let _ = <ValidatorSet as OnOffenceHandler<AccountId, (AccountId, ()), _>>::on_offence(
			&[offence(2)],
			&[Perbill::zero()],
			4,
		);
		assert_eq!(
			last_event(),
			Event::OffenceReported { who: 2, session: 4, removed: false }.into()
		);
		assert_eq!(set(), vec![1, 2]);
		assert_eq!(next_session(), Some(vec![1, 2]));
	});
}

#[test]
fn a_validator_leaving_the_consortium_leaves_the_set() {
	build_and_execute(|| {
		set_members(vec![1, 2]);
		let _ = ValidatorSet::member_left(&3);
		assert_eq!(last_event(), Event::ValidatorLeftConsortium { who: 3, removed: true }.into());
		assert_eq!(set(), vec![1, 2]);
		let _ = ValidatorSet::member_left(&2);
		assert_eq!(last_event(), Event::ValidatorLeftConsortium { who: 2, removed: false }.into());
		// A member who is not a validator: nothing happens.
		let events = System::events().len();
		let _ = ValidatorSet::member_left(&7);
		assert_eq!(System::events().len(), events);
	});
}

fn has_keys(who: AccountId) -> bool {
	<Keyed as crate::SessionKeys<AccountId>>::has_keys(&who)
}

#[test]
fn a_validator_cannot_purge_its_keys_to_drop_out_of_the_set() {
	build_and_execute(|| {
		// Validator 3 would leave the session below the minimum at the next
		// rotation by dropping its keys: refused, keys and set unchanged.
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(3)),
			Error::<Test>::StillValidator
		);
		assert!(has_keys(3));
		assert_eq!(set(), vec![1, 2, 3]);
		// A newly added one is in the set at once, so it is refused too.
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(4)),
			Error::<Test>::StillValidator
		);
		assert!(has_keys(4));
	});
}

#[test]
fn a_removed_validator_purges_its_keys() {
	build_and_execute(|| {
		assert_ok!(ValidatorSet::add_validator(root(), 4));
		assert_ok!(ValidatorSet::remove_validator(root(), 4));
		assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(4)));
		assert_eq!(last_event(), Event::KeysPurged { who: 4 }.into());
		assert!(!has_keys(4));
		// A member who was never a validator may purge too.
		assert_ok!(ValidatorSet::purge_keys(RuntimeOrigin::signed(5)));
		assert!(!has_keys(5));
	});
}

#[test]
fn purge_keys_errors_change_nothing() {
	build_and_execute(|| {
		assert_noop!(ValidatorSet::purge_keys(RawOrigin::Root.into()), DispatchError::BadOrigin);
		// Account 9 has no keys.
		assert_noop!(
			ValidatorSet::purge_keys(RuntimeOrigin::signed(9)),
			Error::<Test>::NoSessionKeys
		);
	});
}

/// The minimum is the genesis' and moves only by `MinimumOrigin`, within 1 and
/// the set's size; lowered, the set may shrink to it, and no further.
#[test]
fn the_minimum_moves_only_by_its_origin_and_within_the_set() {
	build_and_execute(|| {
		assert_eq!(MinimumValidators::<Test>::get(), 2);
		assert_noop!(
			ValidatorSet::set_min_validators(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
		for out_of_range in [0, 4] {
			assert_noop!(
				ValidatorSet::set_min_validators(root(), out_of_range),
				Error::<Test>::MinimumOutOfRange
			);
		}
		// Raised to the whole set: nobody can be removed, by vote or by leaving.
		assert_ok!(ValidatorSet::set_min_validators(root(), 3));
		assert_eq!(last_event(), RuntimeEvent::ValidatorSet(Event::MinimumSet { min: 3 }));
		assert_noop!(ValidatorSet::remove_validator(root(), 3), Error::<Test>::TooFewValidators);
		ValidatorSet::member_left(&3);
		assert_eq!(set(), vec![1, 2, 3]);
		// Lowered to one: the set shrinks to it, and no further.
		assert_ok!(ValidatorSet::set_min_validators(root(), 1));
		assert_ok!(ValidatorSet::remove_validator(root(), 3));
		assert_ok!(ValidatorSet::remove_validator(root(), 2));
		assert_noop!(ValidatorSet::remove_validator(root(), 1), Error::<Test>::TooFewValidators);
		assert_eq!(set(), vec![1]);
	});
}

/// `try_state` sees a set below its minimum.
#[test]
fn the_invariants_catch_a_set_below_its_minimum() {
	new_test_ext().execute_with(|| {
		assert_eq!(ValidatorSet::do_try_state(), Ok(()));
		MinimumValidators::<Test>::put(4);
		assert!(ValidatorSet::do_try_state().is_err());
	});
}
