//! Version 0 to 1: the set's minimum becomes storage (`MinimumValidators`).
//! A chain that ran version 0 never stored it, and would read the default
//! (`Config::MinValidators`, four in Peer) even with fewer validators: its
//! `try_state` would fail and the rule would not match what its genesis chose.
//! The migration stores what version 0 enforced, as far as it can be known:
//! `MinValidators`, or the set's size if smaller (at least one).

use crate::{Config, MinimumValidators, Pallet, Validators};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// The translation, without the version check: use [`MigrateV0ToV1`].
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		if !MinimumValidators::<T>::exists() {
			let size = Validators::<T>::decode_len().unwrap_or(0) as u32;
			MinimumValidators::<T>::put(T::MinValidators::get().min(size).max(1));
		}
		T::DbWeight::get().reads_writes(2, 1)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// Stores the minimum once: runs only on storage version 0 and sets version 1.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	InnerMigrateV0ToV1<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::{new_test_ext, Test, ValidatorSet};
	use frame_support::{
		traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
		BoundedVec,
	};

	#[test]
	fn a_chain_of_version_0_keeps_the_minimum_it_had() {
		// Mock: MinValidators is 2. Three validators keep 2; one keeps 1.
		for (set, expected) in [(vec![1u64, 2, 3], 2u32), (vec![1], 1)] {
			new_test_ext().execute_with(|| {
				StorageVersion::new(0).put::<ValidatorSet>();
				MinimumValidators::<Test>::kill();
				Validators::<Test>::put(BoundedVec::try_from(set.clone()).expect("bounded"));
				MigrateV0ToV1::<Test>::on_runtime_upgrade();
				assert_eq!(MinimumValidators::<Test>::get(), expected, "{set:?}");
				assert_eq!(ValidatorSet::on_chain_storage_version(), StorageVersion::new(1));
				assert_eq!(ValidatorSet::do_try_state(), Ok(()));
				// Once only: a later minimum set by Root is not overwritten.
				MinimumValidators::<Test>::put(1);
				MigrateV0ToV1::<Test>::on_runtime_upgrade();
				assert_eq!(MinimumValidators::<Test>::get(), 1);
			});
		}
	}
}
