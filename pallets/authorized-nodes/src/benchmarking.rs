//! Benchmarks of every call, at the bounds: full lists, longest peer ids.

use super::*;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOrigin, Get};
use frame_system::RawOrigin;
use sp_core::OpaquePeerId;
use sp_runtime::traits::{Bounded, StaticLookup};

/// A peer id of the longest length, distinct for each `i`.
fn peer<T: Config>(i: u32) -> OpaquePeerId {
	let mut bytes = vec![0xab; T::MaxPeerIdLength::get() as usize];
	bytes[..4].copy_from_slice(&i.to_le_bytes());
	OpaquePeerId(bytes)
}

/// A member with plenty of funds.
fn member<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::make_member(&who);
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 4u32.into());
	who
}

/// `n` well-known nodes (from 1000 up) owned by `owner`.
fn well_known<T: Config>(n: u32, owner: &T::AccountId) {
	let nodes: Vec<(OpaquePeerId, T::AccountId)> =
		(0..n).map(|i| (peer::<T>(1000 + i), owner.clone())).collect();
	let origin = T::ResetOrigin::try_successful_origin().expect("reset origin");
	Pallet::<T>::reset_well_known_nodes(origin, nodes).expect("nodes fit");
}

/// `node`, owned by `owner`, with `MaxConnections` connections.
fn connected<T: Config>(node: &OpaquePeerId, owner: &T::AccountId) {
	let connections = (0..T::MaxConnections::get()).map(|i| peer::<T>(5000 + i)).collect();
	Pallet::<T>::add_connections(
		RawOrigin::Signed(owner.clone()).into(),
		node.clone(),
		connections,
	)
	.expect("connections fit");
}

fn lookup<T: Config>(who: &T::AccountId) -> AccountIdLookupOf<T> {
	T::Lookup::unlookup(who.clone())
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_well_known_node() -> Result<(), BenchmarkError> {
		let owner = member::<T>("owner");
		well_known::<T>(T::MaxWellKnownNodes::get() - 1, &owner);
		// The node was claimed, with connections: the claim is undone.
		let node = peer::<T>(0);
		let claimant = member::<T>("claimant");
		Pallet::<T>::claim_node(RawOrigin::Signed(claimant.clone()).into(), node.clone())?;
		connected::<T>(&node, &claimant);
		let origin =
			T::AddOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone(), lookup::<T>(&owner));

		assert_eq!(Owners::<T>::get(Pallet::<T>::bound(node).unwrap()).unwrap().who, owner);
		Ok(())
	}

	#[benchmark]
	fn remove_well_known_node() -> Result<(), BenchmarkError> {
		let owner = member::<T>("owner");
		well_known::<T>(T::MaxWellKnownNodes::get(), &owner);
		let node = peer::<T>(1000);
		connected::<T>(&node, &owner);
		let origin =
			T::RemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, node.clone());

		assert!(Owners::<T>::get(Pallet::<T>::bound(node).unwrap()).is_none());
		Ok(())
	}

	#[benchmark]
	fn swap_well_known_node() -> Result<(), BenchmarkError> {
		let owner = member::<T>("owner");
		well_known::<T>(T::MaxWellKnownNodes::get(), &owner);
		let old = peer::<T>(1000);
		connected::<T>(&old, &owner);
		let new = peer::<T>(0);
		let claimant = member::<T>("claimant");
		Pallet::<T>::claim_node(RawOrigin::Signed(claimant.clone()).into(), new.clone())?;
		connected::<T>(&new, &claimant);
		let origin =
			T::SwapOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, old, new.clone());

		assert_eq!(Owners::<T>::get(Pallet::<T>::bound(new).unwrap()).unwrap().who, owner);
		Ok(())
	}

	#[benchmark]
	fn reset_well_known_nodes(
		n: Linear<1, { T::MaxWellKnownNodes::get() }>,
	) -> Result<(), BenchmarkError> {
		// The old list is full and each old node loses its owner; `n` new
		// nodes each get a new owner.
		let old_owner = member::<T>("old");
		well_known::<T>(T::MaxWellKnownNodes::get(), &old_owner);
		let owner = member::<T>("owner");
		let nodes: Vec<(OpaquePeerId, T::AccountId)> =
			(0..n).map(|i| (peer::<T>(i), owner.clone())).collect();
		let origin =
			T::ResetOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, nodes);

		assert_eq!(WellKnownNodes::<T>::get().len() as u32, n);
		Ok(())
	}

	#[benchmark]
	fn claim_node() {
		let who = member::<T>("claimant");
		let node = peer::<T>(0);

		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), node.clone());

		assert_eq!(Owners::<T>::get(Pallet::<T>::bound(node).unwrap()).unwrap().who, who);
	}

	#[benchmark]
	fn remove_claim() -> Result<(), BenchmarkError> {
		let owner = member::<T>("owner");
		well_known::<T>(T::MaxWellKnownNodes::get(), &owner);
		let who = member::<T>("claimant");
		let node = peer::<T>(0);
		Pallet::<T>::claim_node(RawOrigin::Signed(who.clone()).into(), node.clone())?;
		connected::<T>(&node, &who);

		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone());

		assert!(Owners::<T>::get(Pallet::<T>::bound(node).unwrap()).is_none());
		Ok(())
	}

	#[benchmark]
	fn transfer_node() -> Result<(), BenchmarkError> {
		let who = member::<T>("claimant");
		let node = peer::<T>(0);
		Pallet::<T>::claim_node(RawOrigin::Signed(who.clone()).into(), node.clone())?;
		connected::<T>(&node, &who);
		let target = member::<T>("target");

		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), lookup::<T>(&target));

		assert_eq!(Owners::<T>::get(Pallet::<T>::bound(node).unwrap()).unwrap().who, target);
		Ok(())
	}

	#[benchmark]
	fn add_connections(n: Linear<1, { T::MaxConnections::get() }>) -> Result<(), BenchmarkError> {
		let who = member::<T>("claimant");
		let node = peer::<T>(0);
		Pallet::<T>::claim_node(RawOrigin::Signed(who.clone()).into(), node.clone())?;
		let connections: Vec<OpaquePeerId> = (0..n).map(|i| peer::<T>(5000 + i)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), connections);

		let node = Pallet::<T>::bound(node).unwrap();
		assert_eq!(AdditionalConnections::<T>::get(node).len() as u32, n);
		Ok(())
	}

	#[benchmark]
	fn remove_connections(
		n: Linear<1, { T::MaxConnections::get() }>,
	) -> Result<(), BenchmarkError> {
		let who = member::<T>("claimant");
		let node = peer::<T>(0);
		Pallet::<T>::claim_node(RawOrigin::Signed(who.clone()).into(), node.clone())?;
		connected::<T>(&node, &who);
		let connections: Vec<OpaquePeerId> = (0..n).map(|i| peer::<T>(5000 + i)).collect();

		#[extrinsic_call]
		_(RawOrigin::Signed(who), node.clone(), connections);

		let node = Pallet::<T>::bound(node).unwrap();
		assert_eq!(
			AdditionalConnections::<T>::get(node).len() as u32,
			T::MaxConnections::get() - n
		);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
