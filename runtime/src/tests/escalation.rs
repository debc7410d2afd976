//! No faction below three quarters of the council reaches Root.
//!
//! Acting as Root takes three quarters of the council. A faction holding at
//! least two thirds but less than three quarters could once remove an
//! opponent, or admit an account it controls, by a two-thirds motion, and so
//! hold three quarters of the smaller (or larger) council. These tests play
//! every sequence of such motions, up to a depth, and check that no Root-only
//! outcome is ever reached by motions that fewer than three quarters of the
//! council as it stood voted for. The same goes for who produces blocks: a
//! faction that could make itself the only validator, or the only well-known
//! node, could censor every later motion (the one undoing it included), so
//! the validator set and the nodes take three quarters too.

use crate::{
	configs::governance::CouncilCollective,
	tests::{council_motion, genesis_of},
	Balances, Consortium, Runtime, RuntimeCall, RuntimeOrigin, System, UNIT,
};
use codec::Encode;
use frame_support::{assert_ok, traits::fungible::Mutate};
use sp_keyring::Sr25519Keyring;

type AccountId = crate::AccountId;

/// The storage key a Root-only call writes: if it is ever set, Root was reached.
const MARKER: &[u8] = b":peer:test:root-reached";

fn account(k: Sr25519Keyring) -> AccountId {
	k.to_account_id()
}

/// A fresh account the faction controls (funded, not a member).
fn puppet(i: u8) -> AccountId {
	AccountId::from([0xf0 ^ i; 32])
}

fn council() -> Vec<AccountId> {
	pallet_collective::Members::<Runtime, CouncilCollective>::get()
}

/// The faction's motion (`council_motion`): `ayes[0]` proposes `call` with
/// the threshold `ayes.len()` (two at least), `ayes` vote for it and every
/// other council member against. Returns the call's result if it was executed.
fn motion(call: RuntimeCall, ayes: &[AccountId]) -> Option<Result<(), sp_runtime::DispatchError>> {
	let nays: Vec<AccountId> = council().into_iter().filter(|a| !ayes.contains(a)).collect();
	council_motion(ayes[0].clone(), call, (ayes.len() as u32).max(2), ayes, &nays).executed
}

fn root_call() -> RuntimeCall {
	RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
		call: Box::new(RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(MARKER.to_vec(), b"yes".to_vec())],
		})),
	})
}

fn root_reached() -> bool {
	sp_io::storage::get(MARKER).is_some()
}

/// What a faction may try.
#[derive(Clone, Copy, Debug)]
enum Move {
	/// A fresh account it controls applies, and the faction votes it in.
	AdmitPuppet,
	/// The faction votes to remove the `n`th member outside it.
	RemoveOpponent(usize),
	/// The faction votes to act as Root.
	ActAsRoot,
	/// The faction votes one of its own into the validator set (with keys), and
	/// every validator outside it out.
	TakeValidators,
	/// The faction votes a node of its own in as well-known, and every other out.
	TakeNodes,
}

/// The validators and the well-known nodes: what a faction must not change.
fn block_producers() -> (Vec<AccountId>, Vec<Vec<u8>>) {
	(
		pallet_validator_set::Validators::<Runtime>::get().into_inner(),
		pallet_authorized_nodes::WellKnownNodes::<Runtime>::get()
			.into_iter()
			.map(|n| n.into_inner())
			.collect(),
	)
}

/// Plays `moves` for `faction` and returns whether Root was reached, with
/// the faction's share of the council at that moment.
fn play(faction: &mut Vec<AccountId>, moves: &[Move], next_puppet: &mut u8) -> bool {
	for m in moves {
		let ayes: Vec<AccountId> = council().into_iter().filter(|a| faction.contains(a)).collect();
		match *m {
			Move::AdmitPuppet => {
				let p = puppet(*next_puppet);
				*next_puppet += 1;
				Balances::mint_into(&p, 1_000 * UNIT).expect("funded");
				assert_ok!(Consortium::apply(
					RuntimeOrigin::signed(p.clone()),
					b"puppet".to_vec(),
					pallet_consortium::MemberKind::Individual,
					None
				));
				let admit =
					RuntimeCall::Consortium(pallet_consortium::Call::admit { who: p.clone() });
				motion(admit, &ayes);
				if pallet_consortium::Members::<Runtime>::contains_key(&p) {
					faction.push(p);
				}
			}
			Move::RemoveOpponent(n) => {
				let opponents: Vec<AccountId> =
					council().into_iter().filter(|a| !faction.contains(a)).collect();
				let Some(who) = opponents.get(n).cloned() else { continue };
				motion(
					RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who }),
					&ayes,
				);
			}
			Move::ActAsRoot => {
				motion(root_call(), &ayes);
			}
			Move::TakeValidators => {
				let set = pallet_validator_set::Validators::<Runtime>::get();
				let Some(ours) = ayes.iter().find(|a| !set.contains(a)).cloned() else { continue };
				if !pallet_session::NextKeys::<Runtime>::contains_key(&ours) {
					let keys = crate::opaque::SessionKeys::generate(&ours.encode(), None);
					assert_ok!(crate::Session::set_keys(
						RuntimeOrigin::signed(ours.clone()),
						keys.keys,
						keys.proof.encode()
					));
				}
				let add = pallet_validator_set::Call::add_validator { who: ours.clone() };
				motion(RuntimeCall::ValidatorSet(add), &ayes);
				for who in pallet_validator_set::Validators::<Runtime>::get() {
					if !faction.contains(&who) {
						let remove = pallet_validator_set::Call::remove_validator { who };
						motion(RuntimeCall::ValidatorSet(remove), &ayes);
					}
				}
			}
			Move::TakeNodes => {
				let ours = sp_core::OpaquePeerId::new(vec![0xfa; 38]);
				let add = pallet_authorized_nodes::Call::add_well_known_node {
					node: ours.clone(),
					owner: ayes[0].clone().into(),
				};
				motion(RuntimeCall::NodeAuthorization(add), &ayes);
				for node in pallet_authorized_nodes::WellKnownNodes::<Runtime>::get() {
					if node.as_slice() != ours.0.as_slice() {
						let remove = pallet_authorized_nodes::Call::remove_well_known_node {
							node: sp_core::OpaquePeerId::new(node.into_inner()),
						};
						motion(RuntimeCall::NodeAuthorization(remove), &ayes);
					}
				}
			}
		}
		if root_reached() {
			return true;
		}
	}
	false
}

/// Every sequence of `depth` moves from `moves`.
fn sequences(moves: &[Move], depth: usize) -> Vec<Vec<Move>> {
	let mut all: Vec<Vec<Move>> = vec![vec![]];
	for _ in 0..depth {
		all = all
			.into_iter()
			.flat_map(|s| {
				moves.iter().map(move |m| {
					let mut next = s.clone();
					next.push(*m);
					next
				})
			})
			.collect();
	}
	all
}

/// The development council (Alice, Bob, Charlie), grown by unanimous
/// admissions of `more`; with a keystore, for session keys.
fn council_of(more: &[Sr25519Keyring]) -> sp_io::TestExternalities {
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	let mut ext = genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext.execute_with(|| {
		System::set_block_number(1);
		for k in more {
			assert_ok!(Consortium::apply(
				RuntimeOrigin::signed(account(*k)),
				b"member".to_vec(),
				pallet_consortium::MemberKind::Organization,
				None
			));
			let all = council();
			let admit =
				RuntimeCall::Consortium(pallet_consortium::Call::admit { who: account(*k) });
			assert_eq!(motion(admit, &all), Some(Ok(())));
		}
	});
	ext
}

/// Plays every sequence of `depth` moves by `faction` on the council grown
/// by `more`, asserting Root is never reached.
fn faction_never_reaches_root(
	more: &[Sr25519Keyring],
	faction: &[Sr25519Keyring],
	depth: usize,
) -> usize {
	let moves = [
		Move::AdmitPuppet,
		Move::RemoveOpponent(0),
		Move::RemoveOpponent(1),
		Move::ActAsRoot,
		Move::TakeValidators,
		Move::TakeNodes,
	];
	let all = sequences(&moves, depth);
	for seq in &all {
		council_of(more).execute_with(|| {
			let size = council().len() as u32;
			let mut members: Vec<AccountId> = faction.iter().map(|k| account(*k)).collect();
			// The faction holds at least two thirds, below three quarters.
			let share = members.len() as u32;
			assert!(share * 3 >= size * 2 && share * 4 < size * 3, "{share} of {size}");
			let mut next_puppet = 0;
			let producers = block_producers();
			assert!(
				!play(&mut members, seq, &mut next_puppet),
				"a faction of {share} of {size} reached Root by {seq:?}"
			);
			// The electorate is as it was: only the faction's motions ran.
			assert_eq!(council().len() as u32, size, "the faction changed who votes by {seq:?}");
			assert_eq!(
				block_producers(),
				producers,
				"the faction changed who produces blocks by {seq:?}"
			);
		});
	}
	all.len()
}

#[test]
fn two_of_three_never_reach_root() {
	use Sr25519Keyring::{Alice, Bob};
	let played = faction_never_reaches_root(&[], &[Alice, Bob], 4);
	assert_eq!(played, 6usize.pow(4));
}

#[test]
fn five_of_seven_never_reach_root() {
	use Sr25519Keyring::{Alice, Bob, Dave, Eve, Ferdie, One};
	let played =
		faction_never_reaches_root(&[Dave, Eve, Ferdie, One], &[Alice, Bob, Dave, Eve, Ferdie], 3);
	assert_eq!(played, 6usize.pow(3));
}

/// The check above can fail: the whole council does reach Root, and does
/// change who votes.
#[test]
fn three_quarters_do_reach_root_and_change_who_votes() {
	council_of(&[Sr25519Keyring::Dave]).execute_with(|| {
		let all = council();
		assert_eq!(all.len(), 4);
		// Three of four: three quarters.
		let three = &all[..3];
		motion(root_call(), three);
		assert!(root_reached());
		let who = all[3].clone();
		assert_eq!(
			motion(RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who }), three),
			Some(Ok(()))
		);
		assert_eq!(council().len(), 3);
	});
}

/// The council never shrinks below two: no single member holds Root alone.
#[test]
fn the_council_keeps_two_members() {
	council_of(&[]).execute_with(|| {
		assert_eq!(<Runtime as pallet_consortium::Config>::MinMembers::get(), 2);
		let all = council();
		let charlie = account(Sr25519Keyring::Charlie);
		assert_eq!(
			motion(
				RuntimeCall::Consortium(pallet_consortium::Call::remove_member {
					who: charlie.clone()
				}),
				&all
			),
			Some(Ok(()))
		);
		let all = council();
		let bob = account(Sr25519Keyring::Bob);
		assert_eq!(
			motion(
				RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who: bob }),
				&all
			),
			Some(Err(pallet_consortium::Error::<Runtime>::TooFewMembers.into()))
		);
		assert_eq!(council().len(), 2);
	});
}
