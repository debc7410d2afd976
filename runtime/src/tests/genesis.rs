//! Genesis presets, the runtime's identity, limits and weights as built.

use super::{genesis_of, merge};
use crate::genesis_config_presets::ENDOWMENT as ENDOWMENT_CHECK;
use crate::{
	genesis_config_presets, Balances, Runtime, RuntimeCall, RuntimeGenesisConfig, System,
	UncheckedExtrinsic, EXISTENTIAL_DEPOSIT, VERSION,
};
use frame_support::{dispatch::GetDispatchInfo, traits::Get};
use sp_keyring::Sr25519Keyring;

#[test]
fn identity_is_peer() {
	assert_eq!(VERSION.spec_name, "peer");
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), crate::SS58_PREFIX);
}

#[test]
fn both_presets_are_listed() {
	let names = genesis_config_presets::preset_names();
	assert!(names.contains(&sp_genesis_builder::DEV_RUNTIME_PRESET.into()));
	assert!(names.contains(&sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET.into()));
	assert!(genesis_config_presets::get_preset(&"nope".into()).is_none());
}

#[test]
fn development_has_one_authority_and_no_sudo() {
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), vec![alice.clone()]);
		assert_eq!(
			pallet_validator_set::Validators::<Runtime>::get().into_inner(),
			vec![alice.clone()]
		);
		assert_eq!(Balances::free_balance(Sr25519Keyring::Bob.to_account_id()), ENDOWMENT_CHECK);
	});
}

#[test]
fn local_testnet_has_four_validators_and_their_nodes() {
	genesis_of(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		let four: Vec<_> = [
			Sr25519Keyring::Alice,
			Sr25519Keyring::Bob,
			Sr25519Keyring::Charlie,
			Sr25519Keyring::Dave,
		]
		.iter()
		.map(|k| k.to_account_id())
		.collect();
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 4);
		assert_eq!(pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(), 4);
		assert_eq!(pallet_session::Validators::<Runtime>::get(), four);
		assert_eq!(pallet_validator_set::Validators::<Runtime>::get().into_inner(), four);
		for who in &four {
			assert!(
				pallet_consortium::Members::<Runtime>::contains_key(who),
				"validators are members"
			);
		}
		assert_eq!(pallet_authorized_nodes::WellKnownNodes::<Runtime>::get().len(), 4);
		assert_eq!(System::block_number(), 0);
	});
}

/// The presets' peer ids are those libp2p derives from node keys 0x00…01 to
/// 0x00…04 (`--node-key`): an Ed25519 key whose secret seed is the node key.
#[test]
fn preset_peer_ids_match_the_documented_node_keys() {
	use sp_core::Pair;
	for (i, public) in genesis_config_presets::NODE_PUBLIC_KEYS.iter().enumerate() {
		let mut seed = [0u8; 32];
		seed[31] = i as u8 + 1;
		let pair = sp_core::ed25519::Pair::from_seed(&seed);
		let mut expected = vec![0x00, 0x24, 0x08, 0x01, 0x12, 0x20];
		expected.extend_from_slice(&pair.public().0);
		assert_eq!(genesis_config_presets::peer_id(public).0, expected, "node key {}", i + 1);
	}
}

#[test]
fn a_transfer_is_cheap_and_fits_many_times_in_a_block() {
	use frame_support::dispatch::DispatchClass;
	use sp_runtime::traits::TransactionExtension;
	let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: Sr25519Keyring::Bob.to_account_id().into(),
		value: EXISTENTIAL_DEPOSIT,
	});
	let extensions: crate::TxExtension = (
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(sp_runtime::generic::Era::mortal(64, 1)),
		frame_system::CheckNonce::from(0),
		frame_system::CheckWeight::new(),
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_system::WeightReclaim::new(),
	);
	let block = crate::configs::RuntimeBlockWeights::get();
	let normal = block.get(DispatchClass::Normal);
	// What a signed transfer is charged: the measured base of an extrinsic,
	// its transaction extensions and the call, all generated weights.
	let charged = normal
		.base_extrinsic
		.saturating_add(extensions.weight(&call))
		.saturating_add(call.get_dispatch_info().call_weight);
	assert_eq!(normal.base_extrinsic, crate::weights::ExtrinsicBaseWeight::get());
	assert_eq!(block.base_block, crate::weights::BlockExecutionWeight::get());
	assert!(extensions.weight(&call).ref_time() > 0, "the extensions are weighed");
	// 2.5 times the solochain template's rate: ~1,974 transfers per 6 s block,
	// 329 a second. Per second, since Peer's blocks are shorter.
	let per_block = normal.max_total.unwrap().ref_time() / charged.ref_time();
	let per_second = per_block * 1000 / crate::MILLI_SECS_PER_BLOCK;
	assert!(
		per_second * 6 >= 4_935,
		"only {per_block} transfers fit in a block ({charged:?} each), {per_second}/s"
	);
	let _ = core::mem::size_of::<UncheckedExtrinsic>();
}

#[test]
fn the_heaviest_mission_and_consortium_calls_fit_in_a_block_with_room() {
	use pallet_consortium::OnMemberLeft as _;
	use pallet_consortium::WeightInfo as _;
	use pallet_missions::WeightInfo as _;
	use pallet_validator_set::WeightInfo as _;
	type M = pallet_missions::weights::SubstrateWeight<Runtime>;
	type C = pallet_consortium::weights::SubstrateWeight<Runtime>;
	let c = <Runtime as pallet_missions::Config>::MaxContributors::get();
	let m = <Runtime as pallet_missions::Config>::MaxMilestones::get();
	let members = <Runtime as pallet_consortium::Config>::MaxMembers::get();
	let change = crate::configs::governance::CouncilMembershipChange::get();
	let heaviest = [
		M::create_mission(m, <Runtime as pallet_missions::Config>::MaxUriLen::get()),
		crate::Missions::approve_milestone_max_weight(),
		M::resolve_dispute(c, m).saturating_add(crate::Missions::complete_mission_max_weight()),
		M::cancel_mission(2 * c, m),
		M::force_cancel_mission(c, m).max(crate::Missions::end_before_work_max_weight()),
		M::close_expired(c, m).max(crate::Missions::end_before_work_max_weight()),
		C::admit(members).saturating_add(change),
		C::retire(members)
			.saturating_add(change)
			.saturating_add(crate::configs::member_left::MemberLeft::max_weight()),
		<Runtime as pallet_validator_set::Config>::WeightInfo::add_validator(
			<Runtime as pallet_validator_set::Config>::MaxValidators::get(),
		),
	];
	let block = crate::configs::RuntimeBlockWeights::get();
	let normal = block.get(frame_support::dispatch::DispatchClass::Normal).max_extrinsic.unwrap();
	for w in heaviest {
		assert!(
			w.ref_time() <= normal.ref_time() / 4,
			"{w:?} takes more than a quarter of what one extrinsic may use ({normal:?})"
		);
	}
}

/// Hooks and genesis run in pallet-index order: the order the runtime's
/// declaration comment promises.
#[test]
fn pallets_run_in_the_intended_order() {
	use frame_support::traits::PalletsInfoAccess;
	let names: Vec<&str> = <crate::AllPalletsWithSystem as PalletsInfoAccess>::infos()
		.iter()
		.map(|p| p.name)
		.collect();
	let position = |name: &str| names.iter().position(|n| *n == name).expect(name);
	for (before, after) in [
		("System", "Timestamp"),
		("Balances", "Session"),
		("ValidatorSet", "Session"),
		("Session", "Aura"),
		("Session", "Grandpa"),
		("Consortium", "Council"),
		("Missions", "Reputation"),
	] {
		assert!(position(before) < position(after), "{before} must come before {after}: {names:?}");
	}
	// Genesis: the validator's account existed (Balances) when the session
	// pallet registered its keys, so it holds a consumer reference, not a
	// leaked second provider.
	genesis_of(sp_genesis_builder::DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = frame_system::Account::<Runtime>::get(Sr25519Keyring::Alice.to_account_id());
		assert_eq!(alice.providers, 1);
		assert!(alice.consumers >= 1);
	});
}

/// No chain spec can give one account Root: the runtime has no Sudo pallet,
/// and a genesis that names a sudo key does not build.
#[test]
fn no_chain_spec_can_set_a_sudo_key() {
	use frame_support::traits::PalletsInfoAccess;
	assert!(!<crate::AllPalletsWithSystem as PalletsInfoAccess>::infos()
		.iter()
		.any(|p| p.name == "Sudo"));
	let patch = genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
		.expect("preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let alice = Sr25519Keyring::Alice.to_account_id().to_string();
	merge(&mut config, serde_json::json!({ "sudo": { "key": alice } }));
	let json = serde_json::to_vec(&config).unwrap();
	sp_io::TestExternalities::default().execute_with(|| {
		assert!(frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(json)
			.is_err());
	});
}

/// Every pallet of ours declares a storage version (a compile-time bound:
/// `InCodeStorageVersion = StorageVersion`), and genesis stores the version its
/// code declares, so the first migration starts from a known number
/// (`migrations.rs` has the convention).
#[test]
fn every_pallet_stores_the_version_its_code_declares() {
	use frame_support::traits::{GetStorageVersion, PalletInfoAccess, StorageVersion};
	fn check<P: GetStorageVersion<InCodeStorageVersion = StorageVersion> + PalletInfoAccess>() {
		assert_eq!(
			P::on_chain_storage_version(),
			P::in_code_storage_version(),
			"{} stores another version than its code declares",
			P::name()
		);
	}
	for preset in
		[sp_genesis_builder::DEV_RUNTIME_PRESET, sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET]
	{
		genesis_of(preset).execute_with(|| {
			check::<crate::Missions>();
			check::<crate::Consortium>();
			check::<crate::Reputation>();
			check::<crate::ValidatorSet>();
			check::<crate::NodeAuthorization>();
		});
	}
}

/// The missions migration to version 2 runs in the upgrade's block: at its
/// bound (every member owning `MaxMissionsPerAccount` live missions, 6,400)
/// it must use at most half the block, leaving the rest of the upgrade room;
/// a multi-block migration (`pallet-migrations`) is not needed.
#[test]
fn the_missions_migration_fits_a_block() {
	let bound = crate::configs::governance::MAX_MEMBERS as u64
		* <<Runtime as pallet_missions::Config>::MaxMissionsPerAccount as Get<u32>>::get() as u64;
	let weight = pallet_missions::migrations::v2::weight_for::<Runtime>(bound);
	let block = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
	assert!(
		weight.ref_time() <= block.ref_time() / 2,
		"{bound} missions take {weight:?} of {block:?}"
	);
}
