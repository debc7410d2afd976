//! Benchmarks of every call, with the set as full as its bound allows.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_support::BoundedVec;
use frame_system::pallet_prelude::BlockNumberFor;

/// A set of `v` validators (accounts the benchmark makes up).
fn fill<T: Config>(v: u32) -> Vec<T::AccountId> {
	let set: Vec<T::AccountId> = (0..v).map(|i| account("validator", i, 0)).collect();
	Validators::<T>::put(BoundedVec::try_from(set.clone()).expect("v within MaxValidators"));
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator(v: Linear<1, { T::MaxValidators::get() - 1 }>) -> Result<(), BenchmarkError> {
		fill::<T>(v);
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let who: T::AccountId = account("candidate", 0, 0);
		<T::BenchmarkHelper as crate::BenchmarkHelper<T::AccountId>>::candidate(&who);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator(
		v: Linear<{ T::MinValidators::get() + 1 }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		let set = fill::<T>(v);
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// The last one: the whole list is searched.
		let who = set.last().expect("v >= 1").clone();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::AddRemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let length: BlockNumberFor<T> = T::MinSessionLength::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, length);

		assert_eq!(SessionLength::<T>::get(), length);
		Ok(())
	}

	#[benchmark]
	fn set_min_validators() -> Result<(), BenchmarkError> {
		fill::<T>(T::MaxValidators::get());
		let origin =
			T::MinimumOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let min = T::MaxValidators::get();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, min);

		assert_eq!(MinimumValidators::<T>::get(), min);
		Ok(())
	}

	#[benchmark]
	fn purge_keys() -> Result<(), BenchmarkError> {
		// A full set, searched to its end.
		fill::<T>(T::MaxValidators::get());
		let who: T::AccountId = account("candidate", 0, 0);
		<T::BenchmarkHelper as crate::BenchmarkHelper<T::AccountId>>::candidate(&who);

		#[extrinsic_call]
		_(frame_system::RawOrigin::Signed(who.clone()));

		assert!(!<T::SessionKeys as crate::SessionKeys<T::AccountId>>::has_keys(&who));
		Ok(())
	}

	/// A rotation with a set of `v` validators that changed: the session pallet
	/// plans the new set and loads its keys, and the handlers (Aura, GRANDPA,
	/// the historical roots) see the change.
	#[benchmark]
	fn rotate_session(
		v: Linear<{ T::MinValidators::get().max(1) }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		use frame_support::traits::Hooks;
		let set = fill::<T>(v);
		for who in &set {
			<T::BenchmarkHelper as crate::BenchmarkHelper<T::AccountId>>::candidate(who);
		}
		SetChanged::<T>::put(true);
		let end = sp_runtime::traits::Saturating::saturating_add(
			SessionStart::<T>::get(),
			SessionLength::<T>::get(),
		);
		frame_system::Pallet::<T>::set_block_number(end);

		#[block]
		{
			Pallet::<T>::on_initialize(end);
		}

		// The session pallet asked for the changed set.
		assert!(!SetChanged::<T>::get());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
