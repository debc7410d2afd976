//! Governance stories run through `RuntimeCall`s on the development genesis:
//! Alice, Bob and Charlie are the consortium and its council; Dave, Eve and
//! Ferdie are funded outsiders.

use crate::{
	configs::missions::dynamic_params::missions as params,
	tests::{council_motion, genesis_of, reported, Wrapper},
	Balances, Consortium, Council, Missions, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin,
	RuntimeParameters, System, UNIT, VERSION,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{Get, UnfilteredDispatchable},
};
use pallet_missions::{MilestoneSpec, MissionOptions, MissionStatus, Verdict};
use sp_core::{traits::ReadRuntimeVersionExt, H256};
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::{traits::Hash, DispatchError, Perbill};

fn who(k: Sr25519Keyring) -> crate::AccountId {
	k.to_account_id()
}

fn signed(k: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who(k))
}

/// A deadline that leaves the minimum working time from block 1.
const DEADLINE: crate::BlockNumber = 2 * crate::HOURS;

/// `k` posts a one-milestone mission paying `amount`, due at `deadline`.
fn post_mission(
	k: Sr25519Keyring,
	amount: u128,
	deadline: u32,
) -> Result<(), sp_runtime::DispatchError> {
	Missions::create_mission(
		signed(k),
		b"t".to_vec(),
		H256::zero(),
		None,
		crate::configs::AssetKind::Native,
		vec![MilestoneSpec { description_hash: H256::zero(), amount }],
		deadline,
		MissionOptions::default(),
	)
}

#[test]
fn an_applicant_is_admitted_by_a_council_vote() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		assert_ok!(Consortium::apply(signed(Dave), b"Dave Studio".to_vec(), pallet_consortium::MemberKind::Organization, None));
		let free = Balances::free_balance(who(Dave));
		let admit = RuntimeCall::Consortium(pallet_consortium::Call::admit { who: who(Dave) });
		// Two of three is not enough to change who votes: three quarters are.
		assert!(council_motion(Alice, admit.clone(), 2, &[Alice, Bob], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Err(DispatchError::BadOrigin)));
		assert!(council_motion(Alice, admit, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(pallet_consortium::Members::<Runtime>::contains_key(who(Dave)));
		assert!(pallet_collective::Members::<Runtime, crate::configs::governance::CouncilCollective>::get().contains(&who(Dave)));
		// The deposit came back.
		assert_eq!(Balances::free_balance(who(Dave)), free + 100 * UNIT);
		// Dave now votes and posts missions.
		assert_ok!(post_mission(Dave, 5 * UNIT, DEADLINE));
	});
}

#[test]
fn a_motion_below_its_threshold_changes_nothing() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		assert_ok!(Consortium::apply(
			signed(Dave),
			b"Dave".to_vec(),
			pallet_consortium::MemberKind::Individual,
			None
		));
		// Alice alone: the motion executes at once with 1 of 3, below 2/3.
		let admit = RuntimeCall::Consortium(pallet_consortium::Call::admit { who: who(Dave) });
		council_motion(Alice, admit.clone(), 1, &[Alice], &[]);
		assert_eq!(reported(Wrapper::Motion), Some(Err(DispatchError::BadOrigin)));
		assert!(!pallet_consortium::Members::<Runtime>::contains_key(who(Dave)));
		// Bob and Charlie vote no: the motion is disapproved, nothing runs.
		assert!(!council_motion(Alice, admit, 2, &[Alice], &[Bob, Charlie]).approved);
		assert!(!pallet_consortium::Members::<Runtime>::contains_key(who(Dave)));
		assert!(pallet_consortium::Applications::<Runtime>::contains_key(who(Dave)));
	});
}

#[test]
fn a_dispute_is_resolved_by_a_council_vote() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let amount = 10 * UNIT;
		assert_ok!(Missions::create_mission(
			signed(Alice),
			b"audit".to_vec(),
			H256::zero(),
			None,
			crate::configs::AssetKind::Native,
			vec![MilestoneSpec { description_hash: H256::zero(), amount }],
			DEADLINE,
			Default::default(),
		));
		for (k, p) in [(Bob, 60), (Charlie, 40)] {
			assert_ok!(Missions::commit(
				signed(k),
				0,
				Perbill::from_percent(p),
				H256::zero(),
				crate::Balance::MAX
			));
			assert_ok!(Missions::accept_commitment(signed(Alice), 0, who(k)));
		}
		assert_ok!(Missions::propose_terms(signed(Alice), 0));
		let MissionStatus::Agreeing { terms_hash } =
			pallet_missions::LiveMissions::<Runtime>::get(0).unwrap().status
		else {
			panic!("terms proposed")
		};
		for k in [Bob, Charlie] {
			assert_ok!(Missions::sign_terms(signed(k), 0, terms_hash));
		}
		assert_ok!(Missions::submit_deliverable(signed(Bob), 0, 0, H256::repeat_byte(1), None));
		assert_ok!(Missions::reject_milestone(signed(Alice), 0, 0, H256::repeat_byte(2)));
		assert_ok!(Missions::dispute_milestone(signed(Charlie), 0, 0));
		// A member alone cannot settle it.
		assert_noop!(
			Missions::resolve_dispute(signed(Bob), 0, 0, Verdict::Approve),
			DispatchError::BadOrigin
		);
		let (bob, charlie) =
			(Balances::free_balance(who(Bob)), Balances::free_balance(who(Charlie)));
		let resolve = RuntimeCall::Missions(pallet_missions::Call::resolve_dispute {
			mission: 0,
			milestone: 0,
			verdict: Verdict::Approve,
		});
		assert!(council_motion(Alice, resolve, 2, &[Alice, Bob], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		// Paid by share (the bonds came back too: the mission completed).
		let bond = params::MinimumBond::get();
		assert_eq!(Balances::free_balance(who(Bob)), bob + amount * 6 / 10 + bond);
		assert_eq!(Balances::free_balance(who(Charlie)), charlie + amount * 4 / 10 + bond);
		assert!(pallet_missions::LiveMissions::<Runtime>::get(0).is_none());
		// The rejection came first, when Charlie had no points to lose (never
		// below zero); then the won dispute, the payout and the completion.
		assert_eq!(crate::Reputation::score_of(&who(Charlie)), 5 + 10 + 20);
	});
}

#[test]
fn a_parameter_is_changed_by_a_council_vote() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		assert_eq!(params::MinimumBudget::get(), UNIT);
		let set = |value: u128| {
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Missions(params::Parameters::MinimumBudget(
					params::MinimumBudget,
					Some(value),
				)),
			})
		};
		// A member alone may not.
		assert_noop!(set(7 * UNIT).dispatch_bypass_filter(signed(Bob)), DispatchError::BadOrigin);
		assert!(council_motion(Alice, set(7 * UNIT), 2, &[Alice, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert_eq!(params::MinimumBudget::get(), 7 * UNIT);
		assert_noop!(
			post_mission(Alice, 5 * UNIT, DEADLINE),
			pallet_missions::Error::<Runtime>::BudgetTooLow
		);
	});
}

/// Reads any code as this runtime with the next `spec_version`.
struct NextVersion;
impl sp_core::traits::ReadRuntimeVersion for NextVersion {
	fn read_runtime_version(
		&self,
		_code: &[u8],
		_ext: &mut dyn sp_externalities::Externalities,
	) -> Result<Vec<u8>, String> {
		let mut v = VERSION;
		v.spec_version += 1;
		Ok(v.encode())
	}
}

#[test]
fn the_runtime_is_upgraded_only_through_the_supermajority_vote() {
	let mut ext = genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(ReadRuntimeVersionExt::new(NextVersion));
	ext.execute_with(|| {
		System::set_block_number(1);
		let new_code = b"\0asm the next Peer runtime".to_vec();
		let code_key = sp_core::storage::well_known_keys::CODE;
		let old_code = sp_io::storage::get(code_key);
		let upgrade = || {
			RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
				call: Box::new(RuntimeCall::System(frame_system::Call::set_code {
					code: new_code.clone(),
				})),
			})
		};
		// No one alone: not a member, not a signed member, not sudo's absence.
		assert_noop!(
			frame_system::Call::<Runtime>::set_code { code: new_code.clone() }
				.dispatch_bypass_filter(signed(Alice)),
			DispatchError::BadOrigin
		);
		// Two thirds is not enough for Root.
		assert!(council_motion(Alice, upgrade(), 2, &[Alice, Bob], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Err(DispatchError::BadOrigin)));
		assert_eq!(sp_io::storage::get(code_key), old_code);
		// Three quarters (all three) is.
		assert!(council_motion(Alice, upgrade(), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::Consortium(pallet_consortium::Event::DispatchedAsRoot { result: Ok(()) })
		)));
		let stored = sp_io::storage::get(code_key).expect("code stored");
		assert_eq!(stored.to_vec(), new_code);
		let version: sp_version::RuntimeVersion = codec::Decode::decode(
			&mut &sp_io::misc::runtime_version(&stored).expect("version readable")[..],
		)
		.unwrap();
		assert_eq!(version.spec_version, VERSION.spec_version + 1);
	});
}

/// The path GOVERNANCE.md and UPGRADES.md give: the motion names the code by its
/// hash (a few dozen bytes to read and vote on), and anyone then sends the code;
/// the chain checks the hash and the version. Setting the code directly
/// (`setCode` above) stays the fallback.
#[test]
fn the_runtime_is_upgraded_by_a_voted_hash_and_applied_by_anyone() {
	use sp_runtime::traits::Dispatchable;
	let mut ext = genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(ReadRuntimeVersionExt::new(NextVersion));
	ext.execute_with(|| {
		System::set_block_number(1);
		let new_code = b"\0asm the next Peer runtime".to_vec();
		let other_code = b"\0asm some other runtime".to_vec();
		let hash = <Runtime as frame_system::Config>::Hashing::hash(&new_code);
		let code_key = sp_core::storage::well_known_keys::CODE;
		let old_code = sp_io::storage::get(code_key);
		let authorize = || {
			RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
				call: Box::new(RuntimeCall::System(frame_system::Call::authorize_upgrade {
					code_hash: hash,
				})),
			})
		};
		let apply = |code: &Vec<u8>| {
			RuntimeCall::System(frame_system::Call::apply_authorized_upgrade { code: code.clone() })
		};
		// Nobody alone, and not two thirds.
		assert_noop!(
			RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash: hash })
				.dispatch(signed(Alice)),
			DispatchError::BadOrigin
		);
		assert!(council_motion(Alice, authorize(), 2, &[Alice, Bob], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Err(DispatchError::BadOrigin)));
		// Nothing authorized: nobody can apply.
		assert_noop!(
			apply(&new_code).dispatch(signed(Eve)),
			frame_system::Error::<Runtime>::NothingAuthorized
		);
		// Three quarters authorizes the hash, with the version check.
		assert!(council_motion(Alice, authorize(), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::System(frame_system::Event::UpgradeAuthorized {
				code_hash: hash,
				check_version: true
			})));
		assert_eq!(sp_io::storage::get(code_key), old_code);
		// Other code is refused, and changes nothing; and the sender pays the
		// fee of a refused apply (only the voted code goes free): megabytes of
		// wrong code cost whoever sends them.
		assert_noop!(
			apply(&other_code).dispatch(signed(Eve)),
			frame_system::Error::<Runtime>::Unauthorized
		);
		let refused = apply(&other_code).dispatch(signed(Eve)).expect_err("other code");
		assert_eq!(refused.post_info.pays_fee, frame_support::dispatch::Pays::Yes);
		// Anyone, an outsider too, sends the voted code; it costs no fee.
		let post = apply(&new_code).dispatch(signed(Eve)).expect("applied");
		assert_eq!(post.pays_fee, frame_support::dispatch::Pays::No);
		assert_eq!(sp_io::storage::get(code_key).expect("code").to_vec(), new_code);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::System(frame_system::Event::CodeUpdated { .. })
		)));
		// The authorization is used up.
		assert_noop!(
			apply(&new_code).dispatch(signed(Eve)),
			frame_system::Error::<Runtime>::NothingAuthorized
		);
	});
}

#[test]
fn outsiders_meet_named_errors_on_member_calls() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		assert_noop!(
			post_mission(Eve, 5 * UNIT, DEADLINE),
			pallet_missions::Error::<Runtime>::NotAMember
		);
		assert_ok!(post_mission(Alice, 5 * UNIT, DEADLINE));
		assert_noop!(
			Missions::commit(
				signed(Eve),
				0,
				Perbill::from_percent(10),
				H256::zero(),
				crate::Balance::MAX
			),
			pallet_missions::Error::<Runtime>::NotAMember
		);
		assert_noop!(
			Consortium::give_notice(signed(Eve)),
			pallet_consortium::Error::<Runtime>::NotAMember
		);
		assert_noop!(
			Consortium::retire(signed(Eve)),
			pallet_consortium::Error::<Runtime>::NotAMember
		);
		let remark = Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }));
		assert_noop!(
			Council::propose(signed(Eve), 1, remark, 100),
			pallet_collective::Error::<Runtime, crate::configs::governance::CouncilCollective>::NotMember
		);
		assert_noop!(
			Council::vote(signed(Eve), H256::zero(), 0, true),
			pallet_collective::Error::<Runtime, crate::configs::governance::CouncilCollective>::NotMember
		);
		assert_noop!(
			Consortium::dispatch_as_root(
				signed(Eve),
				Box::new(RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_retiring_member_abandons_its_missions() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		assert_ok!(Missions::create_mission(
			signed(Alice),
			b"t".to_vec(),
			H256::zero(),
			None,
			crate::configs::AssetKind::Native,
			vec![MilestoneSpec { description_hash: H256::zero(), amount: 5 * UNIT }],
			200_000,
			Default::default(),
		));
		assert_ok!(Missions::commit(
			signed(Bob),
			0,
			Perbill::from_percent(100),
			H256::zero(),
			crate::Balance::MAX
		));
		assert_ok!(Missions::accept_commitment(signed(Alice), 0, who(Bob)));
		assert_ok!(Missions::propose_terms(signed(Alice), 0));
		let MissionStatus::Agreeing { terms_hash } =
			pallet_missions::LiveMissions::<Runtime>::get(0).unwrap().status
		else {
			panic!("terms proposed")
		};
		assert_ok!(Missions::sign_terms(signed(Bob), 0, terms_hash));
		assert_ok!(Consortium::give_notice(signed(Bob)));
		System::set_block_number(1 + <Runtime as pallet_consortium::Config>::NoticePeriod::get());
		assert_ok!(Consortium::retire(signed(Bob)));
		let m = pallet_missions::LiveMissions::<Runtime>::get(0).unwrap();
		assert!(m.roster.is_empty());
		assert_eq!(m.budget, 5 * UNIT + params::MinimumBond::get());
		assert!(!pallet_collective::Members::<
			Runtime,
			crate::configs::governance::CouncilCollective,
		>::get()
		.contains(&who(Bob)));
	});
}

/// Runs the validator set's block hook up to block `n` (it rotates sessions).
fn run_sessions_to(n: u32) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<crate::ValidatorSet as Hooks<u32>>::on_initialize(next);
	}
}

fn aura_authorities() -> Vec<sp_consensus_aura::sr25519::AuthorityId> {
	pallet_aura::Authorities::<Runtime>::get().into_inner()
}

/// The development genesis with a keystore, so that session keys and their
/// proofs can be generated inside the runtime.
fn dev_with_keystore() -> sp_io::TestExternalities {
	use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
	let mut ext = genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET);
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext
}

/// The call that adds `k` to the validator set.
fn add_validator(k: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who: who(k) })
}

#[test]
fn a_validator_is_added_and_removed_by_council_votes_at_session_changes() {
	dev_with_keystore().execute_with(|| {
		System::set_block_number(1);
		let length = pallet_validator_set::SessionLength::<Runtime>::get();
		assert_eq!(aura_authorities().len(), 1);

		// Without keys, a vote to add Bob fails by name and changes nothing.
		let add = add_validator(Bob);
		assert!(council_motion(Alice, add.clone(), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(
			reported(Wrapper::Motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::NoSessionKeys.into()))
		);

		// Bob registers keys with their proof of possession (a deposit is held).
		let generated = crate::opaque::SessionKeys::generate(&who(Bob).encode(), None);
		let free = Balances::free_balance(who(Bob));
		assert_ok!(crate::Session::set_keys(
			signed(Bob),
			generated.keys.clone(),
			generated.proof.encode()
		));
		assert_eq!(Balances::free_balance(who(Bob)), free - crate::UNIT);
		// A proof made for another account is refused.
		let other = crate::opaque::SessionKeys::generate(&who(Charlie).encode(), None);
		assert_noop!(
			crate::Session::set_keys(signed(Dave), other.keys, other.proof.encode()),
			pallet_session::Error::<Runtime>::InvalidProof
		);

		// An outsider cannot validate, even by vote.
		let outsider =
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator { who: who(Dave) });
		assert!(council_motion(Alice, outsider, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(
			reported(Wrapper::Motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::NotAMember.into()))
		);
		// Bob cannot add himself.
		assert_noop!(
			crate::ValidatorSet::add_validator(signed(Bob), who(Bob)),
			DispatchError::BadOrigin
		);

		assert!(council_motion(Alice, add, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		// Queued at the next session, active at the one after.
		run_sessions_to(length);
		assert_eq!(aura_authorities().len(), 1);
		run_sessions_to(2 * length);
		assert_eq!(aura_authorities().len(), 2);
		assert!(aura_authorities().contains(&generated.keys.aura));
		assert!(pallet_session::Validators::<Runtime>::get().contains(&who(Bob)));
		// GRANDPA was told of the new set too (it enacts it after its delay).
		assert!(pallet_grandpa::PendingChange::<Runtime>::get().is_some());

		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: who(Bob),
		});
		assert!(council_motion(Alice, remove, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		run_sessions_to(4 * length);
		assert_eq!(aura_authorities().len(), 1);
		assert!(!aura_authorities().contains(&generated.keys.aura));

		// The last validator cannot be removed.
		let last = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: who(Alice),
		});
		assert!(council_motion(Alice, last, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(
			reported(Wrapper::Motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()))
		);
	});
}

/// Who produces blocks takes the same majority as who votes: two of the three
/// development founders (two thirds, below three quarters) can neither add nor
/// remove a validator, change the session length or the well-known nodes.
#[test]
fn two_thirds_cannot_change_who_produces_blocks() {
	use pallet_authorized_nodes::{Call as Nodes, WellKnownNodes};
	dev_with_keystore().execute_with(|| {
		System::set_block_number(1);
		let generated = crate::opaque::SessionKeys::generate(&who(Bob).encode(), None);
		assert_ok!(crate::Session::set_keys(signed(Bob), generated.keys, generated.proof.encode()));
		let alice_node = WellKnownNodes::<Runtime>::get().into_iter().next().expect("a node");
		let node = |b: u8| sp_core::OpaquePeerId::new(vec![0, 36, 8, 1, 18, 32, b]);
		let validators = pallet_validator_set::Validators::<Runtime>::get();
		let length = pallet_validator_set::SessionLength::<Runtime>::get();
		let nodes = WellKnownNodes::<Runtime>::get();
		for call in [
			add_validator(Bob),
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				who: who(Alice),
			}),
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length {
				length: 600,
			}),
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_min_validators { min: 1 }),
			RuntimeCall::NodeAuthorization(Nodes::add_well_known_node {
				node: node(9),
				owner: who(Bob).into(),
			}),
			RuntimeCall::NodeAuthorization(Nodes::remove_well_known_node {
				node: sp_core::OpaquePeerId::new(alice_node.to_vec()),
			}),
			RuntimeCall::NodeAuthorization(Nodes::swap_well_known_node {
				remove: sp_core::OpaquePeerId::new(alice_node.to_vec()),
				add: node(9),
			}),
		] {
			assert!(
				council_motion(Alice, call.clone(), 2, &[Alice, Bob], &[]).approved,
				"{call:?}"
			);
			assert_eq!(reported(Wrapper::Motion), Some(Err(DispatchError::BadOrigin)), "{call:?}");
		}
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get(), validators);
		assert_eq!(pallet_validator_set::SessionLength::<Runtime>::get(), length);
		assert_eq!(WellKnownNodes::<Runtime>::get(), nodes);
		// Three quarters (here, all three) can.
		assert!(council_motion(Alice, add_validator(Bob), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
	});
}

/// The local testnet's four validators (GRANDPA's 3f + 1 with f = 1) are its
/// minimum: no vote, departure or offence takes the set below it. Root (three
/// quarters) may lower it, to replace validators lost for good.
#[test]
fn the_consortium_keeps_four_validators_unless_root_lowers_the_minimum() {
	genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let set = || pallet_validator_set::Validators::<Runtime>::get().into_inner();
		assert_eq!(set().len(), 4);
		assert_eq!(pallet_validator_set::MinimumValidators::<Runtime>::get(), 4);
		let remove_dave = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: who(Dave),
		});
		// Even the whole council cannot vote the set below four.
		assert!(
			council_motion(Alice, remove_dave.clone(), 4, &[Alice, Bob, Charlie, Dave], &[])
				.approved
		);
		assert_eq!(
			reported(Wrapper::Motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::TooFewValidators.into()))
		);
		// Nor can the minimum be set above the set, or to nothing.
		for min in [0, 5] {
			let call = RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
				call: Box::new(RuntimeCall::ValidatorSet(
					pallet_validator_set::Call::set_min_validators { min },
				)),
			});
			assert!(council_motion(Alice, call, 4, &[Alice, Bob, Charlie, Dave], &[]).approved);
			assert_eq!(
				reported(Wrapper::AsRoot),
				Some(Err(pallet_validator_set::Error::<Runtime>::MinimumOutOfRange.into()))
			);
		}
		// A validator that leaves the consortium stays in the set, at the minimum.
		let expel =
			RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who: who(Dave) });
		assert!(council_motion(Alice, expel, 3, &[Alice, Bob, Charlie], &[Dave]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::ValidatorSet(pallet_validator_set::Event::ValidatorLeftConsortium {
				who: who(Dave),
				removed: false
			})));
		assert_eq!(set().len(), 4);
		// Root lowers the minimum and removes Dave, in one decision.
		let recover = RuntimeCall::Consortium(pallet_consortium::Call::dispatch_as_root {
			call: Box::new(RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![
					RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_min_validators {
						min: 3,
					}),
					remove_dave,
				],
			})),
		});
		assert!(council_motion(Alice, recover, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::AsRoot), Some(Ok(())));
		assert_eq!(set(), vec![who(Alice), who(Bob), who(Charlie)]);
		assert_eq!(pallet_validator_set::MinimumValidators::<Runtime>::get(), 3);
		assert_ok!(crate::ValidatorSet::do_try_state());
	});
}

#[test]
fn the_council_sets_the_session_length() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let set = |length| {
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length { length })
		};
		assert!(council_motion(Alice, set(5), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(
			reported(Wrapper::Motion),
			Some(Err(pallet_validator_set::Error::<Runtime>::SessionTooShort.into()))
		);
		assert!(council_motion(Alice, set(600), 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		run_sessions_to(599);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 0);
		run_sessions_to(600);
		assert_eq!(pallet_session::CurrentIndex::<Runtime>::get(), 1);
	});
}

#[test]
fn well_known_nodes_change_by_council_vote_and_owners_manage_their_own() {
	use pallet_authorized_nodes::{AdditionalConnections, Owners, PeerIdOf, WellKnownNodes};
	use sp_core::OpaquePeerId;
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let dave_node = OpaquePeerId::new(vec![0, 36, 8, 1, 18, 32, 4]);
		let spare = OpaquePeerId::new(vec![0, 36, 8, 1, 18, 32, 5]);
		let stored = |p: &OpaquePeerId| PeerIdOf::<Runtime>::try_from(p.0.clone()).unwrap();
		let owner = |p: &OpaquePeerId| Owners::<Runtime>::get(stored(p)).map(|o| o.who);
		let add =
			RuntimeCall::NodeAuthorization(pallet_authorized_nodes::Call::add_well_known_node {
				node: dave_node.clone(),
				owner: who(Bob).into(),
			});
		// Nobody adds a node alone.
		assert_noop!(add.clone().dispatch_bypass_filter(signed(Bob)), DispatchError::BadOrigin);
		assert!(council_motion(Alice, add, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(WellKnownNodes::<Runtime>::get().contains(&stored(&dave_node)));
		assert_eq!(owner(&dave_node), Some(who(Bob)));

		// The owner lets its node take an extra peer (e.g. its own full node),
		// for a deposit; others may not.
		assert_noop!(
			crate::NodeAuthorization::add_connections(
				signed(Charlie),
				dave_node.clone(),
				vec![spare.clone()]
			),
			pallet_authorized_nodes::Error::<Runtime>::NotOwner
		);
		assert_ok!(crate::NodeAuthorization::add_connections(
			signed(Bob),
			dave_node.clone(),
			vec![spare.clone()]
		));
		assert!(AdditionalConnections::<Runtime>::get(stored(&dave_node)).contains(&stored(&spare)));
		assert!(crate::NodeAuthorization::authorized_nodes(&dave_node).contains(&spare));
		// Claiming is for members, and gives no access: the node is not well-known.
		assert_noop!(
			crate::NodeAuthorization::claim_node(signed(Eve), spare.clone()),
			pallet_authorized_nodes::Error::<Runtime>::NotAMember
		);
		assert_ok!(crate::NodeAuthorization::claim_node(signed(Charlie), spare.clone()));
		assert!(!WellKnownNodes::<Runtime>::get().contains(&stored(&spare)));
		// The owner hands its node to another account, deposit and all.
		assert_ok!(crate::NodeAuthorization::transfer_node(
			signed(Bob),
			dave_node.clone(),
			who(Charlie).into()
		));
		assert_eq!(owner(&dave_node), Some(who(Charlie)));

		let remove =
			RuntimeCall::NodeAuthorization(pallet_authorized_nodes::Call::remove_well_known_node {
				node: dave_node.clone(),
			});
		assert!(council_motion(Alice, remove, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(!WellKnownNodes::<Runtime>::get().contains(&stored(&dave_node)));
		assert_eq!(owner(&dave_node), None);
	});
}

#[test]
fn a_validator_removed_from_the_consortium_leaves_the_set() {
	dev_with_keystore().execute_with(|| {
		System::set_block_number(1);
		let generated = crate::opaque::SessionKeys::generate(&who(Bob).encode(), None);
		assert_ok!(crate::Session::set_keys(signed(Bob), generated.keys, generated.proof.encode()));
		let add = add_validator(Bob);
		assert!(council_motion(Alice, add, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().len(), 2);

		let remove =
			RuntimeCall::Consortium(pallet_consortium::Call::remove_member { who: who(Bob) });
		assert!(council_motion(Alice, remove, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		assert!(System::events().iter().any(|e| e.event
			== RuntimeEvent::ValidatorSet(pallet_validator_set::Event::ValidatorLeftConsortium {
				who: who(Bob),
				removed: true
			})));
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().into_inner(),
			vec![who(Alice)]
		);
	});
}

#[test]
fn parameters_are_kept_within_their_bounds() {
	use crate::configs::missions::parameter_bounds::{
		MAX_DEPOSIT_OR_BOND, MAX_MINIMUM_BUDGET, MIN_AMOUNT, MIN_WORKING_TIME, REVIEW_PERIOD,
	};
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let set = |p: params::Parameters| {
			RuntimeCall::Parameters(pallet_parameters::Call::set_parameter {
				key_value: RuntimeParameters::Missions(p),
			})
		};
		let refused = frame_system::Error::<Runtime>::CallFiltered.into();
		for bad in [
			params::Parameters::MinimumBond(params::MinimumBond, Some(0)),
			params::Parameters::MinimumBond(params::MinimumBond, Some(MIN_AMOUNT - 1)),
			params::Parameters::MissionDeposit(params::MissionDeposit, Some(0)),
			params::Parameters::MinimumBudget(params::MinimumBudget, Some(0)),
			// Nor above: a vote cannot price members out, nor make a turned-down
			// commitment's fee (the minimum bond) take a large bond whole.
			params::Parameters::MinimumBond(params::MinimumBond, Some(MAX_DEPOSIT_OR_BOND + 1)),
			params::Parameters::MissionDeposit(params::MissionDeposit, Some(u128::MAX)),
			params::Parameters::MinimumBudget(params::MinimumBudget, Some(MAX_MINIMUM_BUDGET + 1)),
			params::Parameters::ReviewPeriod(params::ReviewPeriod, Some(0)),
			params::Parameters::ReviewPeriod(params::ReviewPeriod, Some(REVIEW_PERIOD.end() + 1)),
			params::Parameters::ReviewPeriod(params::ReviewPeriod, Some(u32::MAX)),
			// No work without time to do it, and no mission kept from starting.
			params::Parameters::MinWorkingTime(
				params::MinWorkingTime,
				Some(MIN_WORKING_TIME.start() - 1),
			),
			params::Parameters::MinWorkingTime(
				params::MinWorkingTime,
				Some(MIN_WORKING_TIME.end() + 1),
			),
		] {
			let before = (
				params::MinimumBond::get(),
				params::MissionDeposit::get(),
				params::MinimumBudget::get(),
				params::ReviewPeriod::get(),
				params::MinWorkingTime::get(),
			);
			// By a council motion, and hidden in a batch inside one.
			assert!(council_motion(Alice, set(bad.clone()), 2, &[Alice, Bob], &[]).approved);
			assert_eq!(reported(Wrapper::Motion), Some(Err(refused)), "{bad:?}");
			let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
				calls: vec![set(bad.clone())],
			});
			assert!(council_motion(Alice, batch, 2, &[Alice, Bob], &[]).approved);
			assert!(reported(Wrapper::Motion).is_some_and(|r| r.is_err()), "{bad:?} in a batch");
			assert_eq!(
				(
					params::MinimumBond::get(),
					params::MissionDeposit::get(),
					params::MinimumBudget::get(),
					params::ReviewPeriod::get(),
					params::MinWorkingTime::get()
				),
				before
			);
		}
		// The edges of the bounds are accepted.
		for good in [
			params::Parameters::MinimumBond(params::MinimumBond, Some(MAX_DEPOSIT_OR_BOND)),
			params::Parameters::MinimumBudget(params::MinimumBudget, Some(MAX_MINIMUM_BUDGET)),
			params::Parameters::MinimumBond(params::MinimumBond, Some(MIN_AMOUNT)),
			params::Parameters::ReviewPeriod(params::ReviewPeriod, Some(*REVIEW_PERIOD.start())),
			params::Parameters::ReviewPeriod(params::ReviewPeriod, Some(*REVIEW_PERIOD.end())),
			params::Parameters::MinWorkingTime(
				params::MinWorkingTime,
				Some(*MIN_WORKING_TIME.start()),
			),
			params::Parameters::MinWorkingTime(
				params::MinWorkingTime,
				Some(*MIN_WORKING_TIME.end()),
			),
		] {
			assert!(council_motion(Alice, set(good.clone()), 2, &[Alice, Bob], &[]).approved);
			assert_eq!(reported(Wrapper::Motion), Some(Ok(())), "{good:?}");
		}
		assert_eq!(params::MinimumBond::get(), MIN_AMOUNT);
	});
}

/// An owner silent through the review period cannot, in one batch, reject
/// the deliverable and close the mission: the batch fails whole and the
/// contributor is paid on closing.
#[test]
fn reject_and_close_in_one_batch_is_refused() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let amount = 10 * UNIT;
		assert_ok!(post_mission(Alice, amount, DEADLINE));
		assert_ok!(Missions::commit(
			signed(Bob),
			0,
			Perbill::one(),
			H256::zero(),
			crate::Balance::MAX
		));
		assert_ok!(Missions::accept_commitment(signed(Alice), 0, who(Bob)));
		assert_ok!(Missions::propose_terms(signed(Alice), 0));
		let terms =
			Missions::terms_hash(0, &pallet_missions::LiveMissions::<Runtime>::get(0).unwrap());
		assert_ok!(Missions::sign_terms(signed(Bob), 0, terms));
		assert_ok!(Missions::submit_deliverable(signed(Bob), 0, 0, H256::repeat_byte(1), None));
		let review = pallet_missions::LiveMissions::<Runtime>::get(0).unwrap().review_period;
		System::set_block_number(DEADLINE + review + 1);
		let bob = Balances::free_balance(who(Bob));
		let batch = RuntimeCall::Utility(pallet_utility::Call::batch_all {
			calls: vec![
				RuntimeCall::Missions(pallet_missions::Call::reject_milestone {
					mission: 0,
					milestone: 0,
					reason_hash: H256::repeat_byte(2),
				}),
				RuntimeCall::Missions(pallet_missions::Call::close_expired { mission: 0 }),
			],
		});
		assert!(sp_runtime::traits::Dispatchable::dispatch(batch, signed(Alice)).is_err());
		assert!(pallet_missions::LiveMissions::<Runtime>::get(0).is_some());
		assert_ok!(Missions::close_expired(signed(Charlie), 0));
		assert_eq!(Balances::free_balance(who(Bob)), bob + amount + params::MinimumBond::get());
	});
}

#[test]
fn a_validator_cannot_drop_its_keys_to_leave_the_set_short() {
	dev_with_keystore().execute_with(|| {
		System::set_block_number(1);
		let length = pallet_validator_set::SessionLength::<Runtime>::get();
		let consumers = System::consumers(&who(Bob));
		let generated = crate::opaque::SessionKeys::generate(&who(Bob).encode(), None);
		assert_ok!(crate::Session::set_keys(signed(Bob), generated.keys, generated.proof.encode()));
		assert!(council_motion(Alice, add_validator(Bob), 3, &[Alice, Bob, Charlie], &[]).approved);
		run_sessions_to(2 * length);
		assert_eq!(aura_authorities().len(), 2);

		// `session.purgeKeys` would make the session pallet drop Bob at the next
		// rotation, whatever the validator set says: the runtime filters it out,
		// alone or in a batch.
		use sp_runtime::traits::Dispatchable;
		let purge = RuntimeCall::Session(pallet_session::Call::purge_keys {});
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		assert_eq!(purge.clone().dispatch(signed(Bob)).map_err(|e| e.error), Err(filtered));
		let batch =
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![purge.clone()] });
		assert!(batch.dispatch(signed(Bob)).is_err());
		// Through the validator set, a validator is refused.
		assert_noop!(
			crate::ValidatorSet::purge_keys(signed(Bob)),
			pallet_validator_set::Error::<Runtime>::StillValidator
		);
		assert!(pallet_session::NextKeys::<Runtime>::contains_key(who(Bob)));
		run_sessions_to(4 * length);
		assert_eq!(aura_authorities().len(), 2, "Bob still authors");
		assert_ok!(crate::ValidatorSet::do_try_state());

		// Removed by the council, Bob takes his keys and his deposit back.
		let remove = RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: who(Bob),
		});
		assert!(council_motion(Alice, remove, 3, &[Alice, Bob, Charlie], &[]).approved);
		let free = Balances::free_balance(who(Bob));
		assert_ok!(crate::ValidatorSet::purge_keys(signed(Bob)));
		assert_eq!(Balances::free_balance(who(Bob)), free + crate::UNIT);
		assert!(!pallet_session::NextKeys::<Runtime>::contains_key(who(Bob)));
		assert_eq!(System::consumers(&who(Bob)), consumers);
		run_sessions_to(6 * length);
		assert_eq!(aura_authorities().len(), 1);
	});
}

/// One member filling the council's motion slots (to block a vote on its own
/// removal, say) pays for each open motion, more for each one already open, and
/// gets the deposit back only once the motion is closed.
#[test]
fn motion_slots_cost_a_deposit_that_grows_with_the_open_motions() {
	use crate::configs::governance::{CouncilCollective, MotionDeposit, MotionHoldReason};
	use frame_support::traits::fungible::InspectHold;
	use sp_runtime::traits::Convert;
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		// What filling every slot would hold, and what an honest motion holds.
		let max = <Runtime as pallet_collective::Config<CouncilCollective>>::MaxProposals::get();
		let all: u128 = (0..max).map(MotionDeposit::convert).sum();
		assert_eq!(all, 25_750 * UNIT);
		assert_eq!(MotionDeposit::convert(0), 10 * UNIT);
		// Bob keeps 200 PEER.
		let bob_free = Balances::free_balance(who(Bob));
		assert_ok!(Balances::transfer_allow_death(
			signed(Bob),
			who(Dave).into(),
			bob_free - 200 * UNIT
		));
		let held = || Balances::balance_on_hold(&MotionHoldReason::get(), &who(Bob));
		let remark = |i: u32| {
			RuntimeCall::System(frame_system::Call::remark { remark: i.to_le_bytes().to_vec() })
		};
		let propose = |i: u32| {
			let call = remark(i);
			let length = call.encode().len() as u32;
			Council::propose(signed(Bob), 2, Box::new(call), length)
		};
		let first_index = pallet_collective::ProposalCount::<Runtime, CouncilCollective>::get();
		let mut opened = 0;
		while propose(opened).is_ok() {
			opened += 1;
			let expected: u128 = (0..opened).map(MotionDeposit::convert).sum();
			assert_eq!(held(), expected, "after {opened} motions");
		}
		// 10 + 15 + … + 40 = 175 PEER for seven; the eighth would need 45 more.
		assert_eq!(opened, 7);
		assert_eq!(held(), 175 * UNIT);
		let open = pallet_collective::Proposals::<Runtime, CouncilCollective>::get();
		assert_eq!(open.len(), 7);
		// An open motion's deposit cannot be released.
		let first = open[0];
		assert_noop!(
			Council::release_proposal_cost(signed(Eve), first),
			pallet_collective::Error::<Runtime, CouncilCollective>::ProposalActive
		);
		// Disapproved (two noes of three), then released by anyone: Bob has it back.
		let call = remark(0);
		let (length, weight) =
			(call.encode().len() as u32, call.get_dispatch_info().total_weight());
		let index = first_index;
		assert_ok!(Council::vote(signed(Alice), first, index, false));
		assert_ok!(Council::vote(signed(Charlie), first, index, false));
		assert_ok!(Council::close(signed(Alice), first, index, weight, length));
		assert_ok!(Council::release_proposal_cost(signed(Eve), first));
		assert_eq!(held(), 165 * UNIT);
		// A motion the council kills loses its deposit.
		let second = pallet_collective::Proposals::<Runtime, CouncilCollective>::get()[0];
		let issuance = Balances::total_issuance();
		assert_ok!(Council::kill(RuntimeOrigin::root(), second));
		assert_eq!(held(), 150 * UNIT);
		assert_eq!(Balances::total_issuance(), issuance - 15 * UNIT);
	});
}

/// The motion that brings a member bank's token into the consortium, in one
/// `batchAll`: the asset (the bank its owner, issuer, admin and freezer), its
/// name, symbol and decimals, and its minimum budget for missions.
fn create_asset_motion(
	id: u32,
	bank: Sr25519Keyring,
	min_balance: u128,
	minimum: u128,
) -> RuntimeCall {
	use pallet_assets::Call as A;
	RuntimeCall::Utility(pallet_utility::Call::batch_all {
		calls: vec![
			RuntimeCall::Assets(A::force_create {
				id: id.into(),
				owner: who(bank).into(),
				is_sufficient: false,
				min_balance,
			}),
			RuntimeCall::Assets(A::force_set_metadata {
				id: id.into(),
				name: b"Korea Bank USD".to_vec(),
				symbol: b"USD".to_vec(),
				decimals: 6,
				is_frozen: false,
			}),
			RuntimeCall::Missions(pallet_missions::Call::set_minimum_budget {
				asset: crate::AssetKind::WithId(id),
				minimum: Some(minimum),
			}),
		],
	})
}

#[test]
fn a_banks_token_comes_from_three_quarters_of_the_council_and_pays_a_mission() {
	use frame_support::traits::fungibles::Inspect;
	use sp_runtime::traits::Dispatchable;
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		System::set_block_number(1);
		let usd = crate::AssetKind::WithId(1);
		let call = create_asset_motion(1, Bob, 10_000, 1_000_000);
		// Two thirds pass the motion, but its calls need three quarters: nothing is created.
		assert!(council_motion(Alice, call.clone(), 2, &[Alice, Bob], &[]).approved);
		assert!(matches!(reported(Wrapper::Motion), Some(Err(_))));
		assert!(!crate::Assets::asset_exists(1));
		// Three quarters create it, with its metadata and minimum, at once.
		assert!(council_motion(Alice, call, 3, &[Alice, Bob, Charlie], &[]).approved);
		assert_eq!(reported(Wrapper::Motion), Some(Ok(())));
		let meta = pallet_assets::Metadata::<Runtime>::get(1);
		assert_eq!((meta.symbol.to_vec(), meta.decimals), (b"USD".to_vec(), 6));
		assert_eq!(pallet_missions::MinimumBudgets::<Runtime>::get(&usd), Some(1_000_000));
		assert_eq!(pallet_assets::Asset::<Runtime>::get(1).unwrap().issuer, who(Bob));
		// No one account brings a money in: `assets.create` is filtered, even for a member.
		let create = RuntimeCall::Assets(pallet_assets::Call::create {
			id: 2.into(),
			admin: who(Alice).into(),
			min_balance: 1,
		});
		assert_eq!(
			create.dispatch(signed(Alice)).map_err(|e| e.error),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);

		// The bank issues 10 USD to Alice, who posts a mission paying 5 USD.
		assert_ok!(crate::Assets::mint(signed(Bob), 1.into(), who(Alice).into(), 10_000_000));
		assert_ok!(Missions::create_mission(
			signed(Alice),
			b"audit".to_vec(),
			H256::zero(),
			None,
			usd.clone(),
			vec![MilestoneSpec { description_hash: H256::zero(), amount: 5_000_000 }],
			DEADLINE,
			Default::default(),
		));
		assert_ok!(Missions::commit(signed(Charlie), 0, Perbill::one(), H256::zero(), UNIT));
		assert_ok!(Missions::accept_commitment(signed(Alice), 0, who(Charlie)));
		assert_ok!(Missions::propose_terms(signed(Alice), 0));
		let MissionStatus::Agreeing { terms_hash } =
			pallet_missions::LiveMissions::<Runtime>::get(0).unwrap().status
		else {
			panic!("terms out")
		};
		assert_ok!(Missions::sign_terms(signed(Charlie), 0, terms_hash));
		assert_ok!(Missions::submit_deliverable(signed(Charlie), 0, 0, H256::zero(), None));
		let peer_before = Balances::free_balance(who(Charlie));
		assert_ok!(Missions::approve_milestone(signed(Alice), 0, 0));
		assert_eq!(crate::Assets::balance(1, who(Charlie)), 5_000_000);
		assert_eq!(crate::Assets::balance(1, who(Alice)), 5_000_000);
		// In PEER Charlie only got its bond back.
		let bond = Balances::free_balance(who(Charlie)) - peer_before;
		assert!(bond <= UNIT);
		assert!(pallet_missions::LiveMissions::<Runtime>::get(0).is_none());
		pallet_missions::Pallet::<Runtime>::do_try_state().expect("missions' invariants");
	});
}
