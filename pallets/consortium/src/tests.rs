//! Unit tests of joining, leaving, removal and Root by vote.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::{traits::BadOrigin, DispatchError, DispatchResult};

fn apply(who: AccountId) -> DispatchResult {
	Consortium::apply(
		RuntimeOrigin::signed(who),
		b"Gamma SA".to_vec(),
		MemberKind::Organization,
		None,
	)
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ApplicationDeposit.into(), &who)
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

#[test]
fn genesis_members_are_sorted_and_handed_to_the_council() {
	build_and_execute(|| {
		assert_eq!(Consortium::members(), vec![1, 2]);
		assert_eq!(council(), vec![1, 2]);
		assert_eq!(Members::<Test>::get(1).unwrap().name.to_vec(), b"Alpha GmbH".to_vec());
		use frame_support::traits::Contains;
		assert!(Consortium::contains(&1));
		assert!(!Consortium::contains(&3));
	});
}

#[test]
fn an_applicant_is_admitted_and_gets_its_deposit_back() {
	build_and_execute(|| {
		assert_ok!(Consortium::apply(
			RuntimeOrigin::signed(3),
			b"Carol".to_vec(),
			MemberKind::Individual,
			Some(H256::repeat_byte(1))
		));
		assert_eq!(held(3), DEPOSIT);
		assert_eq!(Balances::free_balance(3), ENDOWMENT - DEPOSIT);
		assert_eq!(
			last_event(),
			RuntimeEvent::Consortium(Event::Applied {
				who: 3,
				kind: MemberKind::Individual,
				deposit: DEPOSIT
			})
		);
		assert_ok!(Consortium::admit(RuntimeOrigin::root(), 3));
		assert_eq!(held(3), 0);
		assert_eq!(Balances::free_balance(3), ENDOWMENT);
		assert_eq!(Consortium::members(), vec![1, 2, 3]);
		assert_eq!(council(), vec![1, 2, 3]);
		let record = Members::<Test>::get(3).unwrap();
		assert_eq!(record.kind, MemberKind::Individual);
		assert_eq!(record.charter, Some(H256::repeat_byte(1)));
		assert_eq!(record.joined, 1);
		assert!(Applications::<Test>::get(3).is_none());
		assert_eq!(last_event(), RuntimeEvent::Consortium(Event::Admitted { who: 3 }));
	});
}

#[test]
fn a_rejected_applicant_loses_its_deposit() {
	build_and_execute(|| {
		let issuance = Balances::total_issuance();
		assert_ok!(apply(3));
		assert_ok!(Consortium::reject_application(RuntimeOrigin::root(), 3));
		assert_eq!(Balances::free_balance(3), ENDOWMENT - DEPOSIT);
		assert_eq!(held(3), 0);
		assert_eq!(Balances::total_issuance(), issuance - DEPOSIT);
		assert!(!Members::<Test>::contains_key(3));
		assert_eq!(
			last_event(),
			RuntimeEvent::Consortium(Event::ApplicationRejected { who: 3, burned: DEPOSIT })
		);
	});
}

#[test]
fn an_applicant_may_withdraw() {
	build_and_execute(|| {
		assert_ok!(apply(3));
		assert_ok!(Consortium::withdraw_application(RuntimeOrigin::signed(3)));
		assert_eq!(Balances::free_balance(3), ENDOWMENT);
		assert_noop!(
			Consortium::withdraw_application(RuntimeOrigin::signed(3)),
			Error::<Test>::NotApplicant
		);
	});
}

#[test]
fn application_errors() {
	build_and_execute(|| {
		assert_noop!(apply(1), Error::<Test>::AlreadyMember);
		assert_noop!(
			Consortium::apply(
				RuntimeOrigin::signed(3),
				vec![b'x'; 17],
				MemberKind::Individual,
				None
			),
			Error::<Test>::NameTooLong
		);
		assert_noop!(apply(10), Error::<Test>::InsufficientBalance);
		assert_ok!(apply(3));
		assert_noop!(apply(3), Error::<Test>::AlreadyApplied);
		assert_ok!(apply(4));
		assert_ok!(apply(5));
		assert_noop!(apply(6), Error::<Test>::TooManyApplications);
		assert_noop!(Consortium::admit(RuntimeOrigin::root(), 7), Error::<Test>::NotApplicant);
		assert_noop!(
			Consortium::reject_application(RuntimeOrigin::root(), 7),
			Error::<Test>::NotApplicant
		);
		assert_ok!(Consortium::admit(RuntimeOrigin::root(), 3));
		assert_ok!(Consortium::admit(RuntimeOrigin::root(), 4));
		assert_ok!(Consortium::admit(RuntimeOrigin::root(), 5));
		assert_ok!(apply(6));
		assert_noop!(Consortium::admit(RuntimeOrigin::root(), 6), Error::<Test>::TooManyMembers);
	});
}

#[test]
fn origins_are_checked() {
	build_and_execute(|| {
		assert_ok!(apply(3));
		for who in [1, 3, 4] {
			assert_noop!(Consortium::admit(RuntimeOrigin::signed(who), 3), BadOrigin);
			assert_noop!(Consortium::reject_application(RuntimeOrigin::signed(who), 3), BadOrigin);
			assert_noop!(Consortium::remove_member(RuntimeOrigin::signed(who), 2), BadOrigin);
		}
		assert_noop!(
			Consortium::apply(RuntimeOrigin::none(), vec![], MemberKind::Individual, None),
			BadOrigin
		);
		assert_noop!(Consortium::give_notice(RuntimeOrigin::root()), BadOrigin);
		assert_noop!(Consortium::retire(RuntimeOrigin::none()), BadOrigin);
		let remark = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		assert_noop!(
			Consortium::dispatch_as_root(RuntimeOrigin::signed(1), remark.clone()),
			BadOrigin
		);
		assert_noop!(Consortium::dispatch_as_root(RuntimeOrigin::root(), remark), BadOrigin);
	});
}

#[test]
fn a_member_leaves_after_its_notice() {
	build_and_execute(|| {
		assert_noop!(Consortium::retire(RuntimeOrigin::signed(2)), Error::<Test>::NoticeNotGiven);
		assert_noop!(Consortium::give_notice(RuntimeOrigin::signed(3)), Error::<Test>::NotAMember);
		assert_ok!(Consortium::give_notice(RuntimeOrigin::signed(2)));
		assert_eq!(
			last_event(),
			RuntimeEvent::Consortium(Event::NoticeGiven { who: 2, leaves_at: 1 + NOTICE })
		);
		assert_noop!(
			Consortium::give_notice(RuntimeOrigin::signed(2)),
			Error::<Test>::NoticeAlreadyGiven
		);
		System::set_block_number(NOTICE);
		assert_noop!(Consortium::retire(RuntimeOrigin::signed(2)), Error::<Test>::NoticeRunning);
		System::set_block_number(1 + NOTICE);
		assert_ok!(Consortium::retire(RuntimeOrigin::signed(2)));
		assert_eq!(Consortium::members(), vec![1]);
		assert_eq!(council(), vec![1]);
		assert_eq!(left(), vec![2]);
		assert_eq!(last_event(), RuntimeEvent::Consortium(Event::Retired { who: 2 }));
		// The last member cannot leave.
		assert_ok!(Consortium::give_notice(RuntimeOrigin::signed(1)));
		System::set_block_number(1 + 2 * NOTICE);
		assert_noop!(Consortium::retire(RuntimeOrigin::signed(1)), Error::<Test>::TooFewMembers);
		assert_noop!(Consortium::retire(RuntimeOrigin::signed(2)), Error::<Test>::NotAMember);
	});
}

#[test]
fn the_council_removes_a_member() {
	build_and_execute(|| {
		assert_noop!(
			Consortium::remove_member(RuntimeOrigin::root(), 3),
			Error::<Test>::NotAMember
		);
		assert_ok!(Consortium::remove_member(RuntimeOrigin::root(), 1));
		assert_eq!(Consortium::members(), vec![2]);
		assert_eq!(council(), vec![2]);
		assert_eq!(left(), vec![1]);
		assert_noop!(
			Consortium::remove_member(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewMembers
		);
	});
}

#[test]
fn a_supermajority_dispatches_as_root() {
	build_and_execute(|| {
		// A call only Root may make: moving someone else's money.
		let before = Balances::free_balance(5);
		let call = Box::new(RuntimeCall::Balances(pallet_balances::Call::force_transfer {
			source: 1,
			dest: 5,
			value: 7,
		}));
		assert_ok!(Consortium::dispatch_as_root(RuntimeOrigin::signed(SUPERMAJORITY), call));
		assert_eq!(Balances::free_balance(5), before + 7);
		assert_eq!(
			last_event(),
			RuntimeEvent::Consortium(Event::DispatchedAsRoot { result: Ok(()) })
		);
		// A failing inner call is reported, not hidden.
		let call = Box::new(RuntimeCall::Consortium(Call::admit { who: 8 }));
		assert_ok!(Consortium::dispatch_as_root(RuntimeOrigin::signed(SUPERMAJORITY), call));
		assert_eq!(
			last_event(),
			RuntimeEvent::Consortium(Event::DispatchedAsRoot {
				result: Err(DispatchError::from(Error::<Test>::NotApplicant))
			})
		);
	});
}
