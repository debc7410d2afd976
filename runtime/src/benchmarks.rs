//! The pallets `peer-node benchmark pallet` measures, and the runtime side of
//! the `Benchmark` API.

use crate::{AllPalletsWithSystem, Runtime};
use alloc::{string::String, vec::Vec};
use frame_benchmarking::{BenchmarkBatch, BenchmarkConfig, BenchmarkList};
use frame_support::traits::{StorageInfo, StorageInfoTrait, WhitelistedStorageKeys};

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_transaction_payment, TransactionPayment]
	[pallet_collective, Council]
	[pallet_parameters, Parameters]
	[pallet_timestamp, Timestamp]
	[pallet_utility, Utility]
	[pallet_proxy, Proxy]
	[pallet_multisig, Multisig]
	[pallet_identity, Identity]
	[pallet_assets, Assets]
	[pallet_missions, Missions]
	[pallet_consortium, Consortium]
	[pallet_validator_set, ValidatorSet]
	[pallet_authorized_nodes, NodeAuthorization]
);

#[allow(unused_imports)]
use crate::{
	Assets, Balances, Consortium, Council, Identity, Missions, Multisig, NodeAuthorization,
	Parameters, Proxy, Timestamp, TransactionPayment, Utility, ValidatorSet,
};
use frame_benchmarking::baseline::Pallet as BaselineBench;
use frame_system_benchmarking::{
	extensions::Pallet as SystemExtensionsBench, Pallet as SystemBench,
};

impl frame_benchmarking::baseline::Config for Runtime {}
impl frame_system_benchmarking::Config for Runtime {}
impl pallet_transaction_payment::BenchmarkConfig for Runtime {}

/// Every benchmark the runtime offers, and the storage it declares.
pub fn metadata(extra: bool) -> (Vec<BenchmarkList>, Vec<StorageInfo>) {
	let mut list = Vec::<BenchmarkList>::new();
	list_benchmarks!(list, extra);
	let storage_info = AllPalletsWithSystem::storage_info();
	(list, storage_info)
}

/// Runs the benchmark `config` names.
pub fn dispatch(config: BenchmarkConfig) -> Result<Vec<BenchmarkBatch>, String> {
	let whitelist = AllPalletsWithSystem::whitelisted_storage_keys();
	let mut batches = Vec::<BenchmarkBatch>::new();
	let params = (&config, &whitelist);
	add_benchmarks!(params, batches);
	Ok(batches)
}

// ----- Helpers: what the pallets' benchmarks ask of the runtime -----

/// Benchmarks make their accounts consortium members: mission owners and
/// contributors, node claimants.
pub struct MakeMember;
impl pallet_missions::BenchmarkHelper<crate::AccountId, crate::AssetKind, crate::Balance>
	for MakeMember
{
	fn make_member(who: &crate::AccountId) {
		Consortium::add_member_for_benchmarks(who);
	}
	/// An insufficient asset with a minimum balance of one unit (the costlier
	/// kind: every account in it takes a consumer reference).
	fn issue_asset(who: &crate::AccountId, amount: crate::Balance) -> Option<crate::AssetKind> {
		use frame_support::traits::fungibles::{Create, Mutate};
		const ID: crate::AssetId = 1_000;
		if !pallet_assets::Asset::<crate::Runtime>::contains_key(ID) {
			<crate::Assets as Create<_>>::create(ID, who.clone(), false, 1).expect("created");
			pallet_missions::MinimumBudgets::<crate::Runtime>::insert(
				crate::AssetKind::WithId(ID),
				1,
			);
		}
		<crate::Assets as Mutate<_>>::mint_into(ID, who, amount).expect("issued");
		Some(crate::AssetKind::WithId(ID))
	}
}
impl pallet_authorized_nodes::BenchmarkHelper<crate::AccountId> for MakeMember {
	fn make_member(who: &crate::AccountId) {
		Consortium::add_member_for_benchmarks(who);
	}
}

/// The parameter `pallet-parameters`' benchmark sets.
impl Default for crate::RuntimeParameters {
	fn default() -> Self {
		crate::RuntimeParameters::Missions(
			crate::dynamic_params::missions::Parameters::MissionDeposit(
				crate::dynamic_params::missions::MissionDeposit,
				Some(crate::UNIT),
			),
		)
	}
}

/// Benchmarks of the validator set make their candidate a member with session
/// keys, registered as `session.setKeys` leaves them: the deposit held and a
/// consumer reference (a benchmark cannot sign the keys' ownership proof).
pub struct ValidatorCandidate;
impl pallet_validator_set::BenchmarkHelper<crate::AccountId> for ValidatorCandidate {
	fn candidate(who: &crate::AccountId) {
		use frame_support::traits::fungible::{Mutate, MutateHold};
		use sp_core::{ed25519, sr25519};
		Consortium::add_member_for_benchmarks(who);
		let deposit = <Runtime as pallet_session::Config>::KeyDeposit::get();
		crate::Balances::mint_into(who, deposit + crate::EXISTENTIAL_DEPOSIT)
			.expect("minting the key deposit");
		crate::Balances::hold(&pallet_session::HoldReason::Keys.into(), who, deposit)
			.expect("holding the key deposit");
		frame_system::Pallet::<Runtime>::inc_consumers(who).expect("the account exists");
		// Keys of its own (a rotation loads every validator's).
		let raw: [u8; 32] = who.clone().into();
		let keys = crate::opaque::SessionKeys {
			aura: sr25519::Public::from_raw(raw).into(),
			grandpa: ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
