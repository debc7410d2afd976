//! Every call's effect, every error with nothing changed, and the deposits.

use crate::{mock::*, Error, Event, HoldReason, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::OpaquePeerId;
use sp_runtime::DispatchError;

fn peer(b: u8) -> OpaquePeerId {
	OpaquePeerId(vec![b])
}

fn bounded(b: u8) -> PeerIdOf<Test> {
	PeerIdOf::<Test>::try_from(vec![b]).unwrap()
}

fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&RuntimeHoldReason::from(HoldReason::NodeDeposit), &who)
}

fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn has_event(e: Event<Test>) -> bool {
	System::events().iter().any(|r| r.event == RuntimeEvent::Nodes(e.clone()))
}

#[test]
fn genesis_nodes_are_well_known_and_see_each_other() {
	build_and_execute(|| {
		assert!(WellKnownNodes::<Test>::get().contains(&bounded(1)));
		assert_eq!(Owners::<Test>::get(bounded(1)).unwrap().who, 1);
		assert_ok!(Nodes::add_well_known_node(RuntimeOrigin::root(), peer(2), 2));
		assert_eq!(Nodes::authorized_nodes(&peer(1)), vec![peer(2)]);
		assert_eq!(Nodes::authorized_nodes(&peer(2)), vec![peer(1)]);
		// A node nobody authorized sees nobody.
		assert!(Nodes::authorized_nodes(&peer(9)).is_empty());
	});
}

#[test]
fn the_council_adds_removes_swaps_and_resets() {
	build_and_execute(|| {
		assert_ok!(Nodes::add_well_known_node(RuntimeOrigin::root(), peer(2), 2));
		assert!(has_event(Event::NodeAdded { peer_id: bounded(2), who: 2 }));
		assert_ok!(Nodes::add_connections(signed(2), peer(2), vec![peer(7)]));
		assert_eq!(held(2), CONNECTION_DEPOSIT);
		// Swapped: the owner and connections move to the new node.
		assert_ok!(Nodes::swap_well_known_node(RuntimeOrigin::root(), peer(2), peer(3)));
		assert_eq!(Owners::<Test>::get(bounded(3)).unwrap().who, 2);
		assert!(AdditionalConnections::<Test>::get(bounded(3)).contains(&bounded(7)));
		assert!(Owners::<Test>::get(bounded(2)).is_none());
		// Removed: owner and connections gone, deposit back.
		assert_ok!(Nodes::remove_well_known_node(RuntimeOrigin::root(), peer(3)));
		assert!(Owners::<Test>::get(bounded(3)).is_none());
		assert_eq!(held(2), 0);
		assert_eq!(Balances::free_balance(2), ENDOWMENT);
		// Reset: node 1 leaves (its owner entry too), 4 and 5 join.
		assert_ok!(Nodes::reset_well_known_nodes(
			RuntimeOrigin::root(),
			vec![(peer(4), 3), (peer(5), 4)]
		));
		assert_eq!(
			WellKnownNodes::<Test>::get().into_iter().collect::<Vec<_>>(),
			vec![bounded(4), bounded(5)]
		);
		assert!(Owners::<Test>::get(bounded(1)).is_none());
		assert!(has_event(Event::NodesReset { count: 2 }));
	});
}

#[test]
fn council_calls_fail_by_name_and_change_nothing() {
	build_and_execute(|| {
		for who in [1, 6] {
			assert_noop!(
				Nodes::add_well_known_node(signed(who), peer(2), 2),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Nodes::remove_well_known_node(signed(who), peer(1)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Nodes::swap_well_known_node(signed(who), peer(1), peer(2)),
				DispatchError::BadOrigin
			);
			assert_noop!(
				Nodes::reset_well_known_nodes(signed(who), vec![]),
				DispatchError::BadOrigin
			);
		}
		let root = RuntimeOrigin::root;
		assert_noop!(Nodes::add_well_known_node(root(), peer(1), 2), Error::<Test>::AlreadyJoined);
		let long = OpaquePeerId(vec![0; MAX_PEER_ID as usize + 1]);
		assert_noop!(
			Nodes::add_well_known_node(root(), long.clone(), 2),
			Error::<Test>::PeerIdTooLong
		);
		assert_noop!(Nodes::remove_well_known_node(root(), peer(2)), Error::<Test>::NotExist);
		assert_noop!(
			Nodes::swap_well_known_node(root(), peer(2), peer(3)),
			Error::<Test>::NotExist
		);
		for b in 2..=MAX_NODES as u8 {
			assert_ok!(Nodes::add_well_known_node(root(), peer(b), 2));
		}
		assert_noop!(Nodes::add_well_known_node(root(), peer(9), 2), Error::<Test>::TooManyNodes);
		assert_noop!(
			Nodes::swap_well_known_node(root(), peer(1), peer(2)),
			Error::<Test>::AlreadyJoined
		);
		let too_many = (10..=10 + MAX_NODES as u8).map(|b| (peer(b), 2)).collect();
		assert_noop!(Nodes::reset_well_known_nodes(root(), too_many), Error::<Test>::TooManyNodes);
		assert_noop!(
			Nodes::reset_well_known_nodes(root(), vec![(long, 2)]),
			Error::<Test>::PeerIdTooLong
		);
	});
}

#[test]
fn members_claim_for_a_deposit_and_get_it_back() {
	build_and_execute(|| {
		assert_ok!(Nodes::claim_node(signed(2), peer(9)));
		assert!(has_event(Event::NodeClaimed {
			peer_id: bounded(9),
			who: 2,
			deposit: NODE_DEPOSIT
		}));
		assert_eq!(held(2), NODE_DEPOSIT);
		// A claim alone authorizes nobody.
		assert!(Nodes::authorized_nodes(&peer(9)).is_empty());
		assert!(!WellKnownNodes::<Test>::get().contains(&bounded(9)));
		assert_ok!(Nodes::add_connections(signed(2), peer(9), vec![peer(7), peer(8), peer(9)]));
		// The node itself is skipped: two connections, two deposits.
		assert_eq!(held(2), NODE_DEPOSIT + 2 * CONNECTION_DEPOSIT);
		assert_eq!(Nodes::authorized_nodes(&peer(9)), vec![peer(7), peer(8)]);
		assert_ok!(Nodes::remove_connections(signed(2), peer(9), vec![peer(7)]));
		assert_eq!(held(2), NODE_DEPOSIT + CONNECTION_DEPOSIT);
		assert_ok!(Nodes::remove_claim(signed(2), peer(9)));
		assert!(has_event(Event::ClaimRemoved { peer_id: bounded(9), who: 2 }));
		assert_eq!(held(2), 0);
		assert_eq!(Balances::free_balance(2), ENDOWMENT);
		assert!(AdditionalConnections::<Test>::get(bounded(9)).is_empty());
	});
}

/// Anyone could once fill storage with claims for a fee: now only members
/// claim, each claim holds a deposit, and every list is bounded.
#[test]
fn outsiders_cannot_fill_storage() {
	build_and_execute(|| {
		assert_noop!(Nodes::claim_node(signed(6), peer(9)), Error::<Test>::NotAMember);
		assert_ok!(Balances::transfer_allow_death(signed(3), 9, ENDOWMENT - 10));
		assert_noop!(Nodes::claim_node(signed(3), peer(9)), Error::<Test>::InsufficientBalance);
		assert_ok!(Nodes::claim_node(signed(2), peer(9)));
		assert_noop!(Nodes::claim_node(signed(4), peer(9)), Error::<Test>::AlreadyClaimed);
		assert_noop!(Nodes::claim_node(signed(4), peer(1)), Error::<Test>::AlreadyClaimed);
		let four = (20..24).map(peer).collect::<Vec<_>>();
		assert_noop!(
			Nodes::add_connections(signed(2), peer(9), four),
			Error::<Test>::TooManyConnections
		);
		assert_ok!(Nodes::add_connections(signed(2), peer(9), vec![peer(20), peer(21)]));
		assert_noop!(
			Nodes::add_connections(signed(2), peer(9), vec![peer(22), peer(23)]),
			Error::<Test>::TooManyConnections
		);
		let long = OpaquePeerId(vec![0; MAX_PEER_ID as usize + 1]);
		assert_noop!(
			Nodes::add_connections(signed(2), peer(9), vec![long.clone()]),
			Error::<Test>::PeerIdTooLong
		);
		assert_noop!(Nodes::claim_node(signed(2), long), Error::<Test>::PeerIdTooLong);
	});
}

#[test]
fn only_the_owner_manages_a_node() {
	build_and_execute(|| {
		assert_ok!(Nodes::claim_node(signed(2), peer(9)));
		assert_noop!(Nodes::remove_claim(signed(3), peer(9)), Error::<Test>::NotOwner);
		assert_noop!(Nodes::transfer_node(signed(3), peer(9), 3), Error::<Test>::NotOwner);
		assert_noop!(
			Nodes::add_connections(signed(3), peer(9), vec![peer(7)]),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Nodes::remove_connections(signed(3), peer(9), vec![peer(7)]),
			Error::<Test>::NotOwner
		);
		assert_noop!(Nodes::remove_claim(signed(2), peer(8)), Error::<Test>::NotClaimed);
		assert_noop!(Nodes::transfer_node(signed(2), peer(8), 3), Error::<Test>::NotClaimed);
		// A well-known node's claim is the council's to remove.
		assert_noop!(Nodes::remove_claim(signed(1), peer(1)), Error::<Test>::PermissionDenied);
	});
}

#[test]
fn a_transfer_moves_the_deposits_with_the_node() {
	build_and_execute(|| {
		assert_ok!(Nodes::claim_node(signed(2), peer(9)));
		assert_ok!(Nodes::add_connections(signed(2), peer(9), vec![peer(7)]));
		assert_ok!(Nodes::transfer_node(signed(2), peer(9), 6));
		assert!(has_event(Event::NodeTransferred { peer_id: bounded(9), target: 6 }));
		assert_eq!(held(2), 0);
		assert_eq!(held(6), NODE_DEPOSIT + CONNECTION_DEPOSIT);
		assert_eq!(Balances::free_balance(2), ENDOWMENT - NODE_DEPOSIT - CONNECTION_DEPOSIT);
		assert_ok!(Nodes::remove_claim(signed(6), peer(9)));
		assert_eq!(Balances::free_balance(6), ENDOWMENT + NODE_DEPOSIT + CONNECTION_DEPOSIT);
	});
}

/// The council making a claimed node well-known undoes the claim: the
/// claimant's deposits come back.
#[test]
fn a_claimed_node_made_well_known_returns_the_deposits() {
	build_and_execute(|| {
		assert_ok!(Nodes::claim_node(signed(2), peer(9)));
		assert_ok!(Nodes::add_connections(signed(2), peer(9), vec![peer(7)]));
		assert_ok!(Nodes::add_well_known_node(RuntimeOrigin::root(), peer(9), 3));
		assert_eq!(held(2), 0);
		assert_eq!(Owners::<Test>::get(bounded(9)).unwrap(), NodeOwner { who: 3, deposit: 0 });
		assert!(AdditionalConnections::<Test>::get(bounded(9)).is_empty());
	});
}
