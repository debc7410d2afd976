//! Version 0 to 1: every commitment keeps the fee for being turned down
//! while pending (`Commitment::fee`), so that a later vote on `MinimumBond`
//! cannot change it. A commitment made before the upgrade gets the fee that
//! turning it down would have cost just before it: `MinimumBond`, at most
//! its bond.

use crate::{BalanceOf, CommitmentStatus, Commitments, Config, Pallet};
use codec::{Decode, Encode};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use sp_core::H256;
use sp_runtime::Perbill;

/// The commitment as version 0 stored it.
pub mod v0 {
	use super::*;

	/// A commitment without its fee.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct Commitment<Balance> {
		/// The share of each payout asked for.
		pub share: Perbill,
		/// Hash of the role description.
		pub role_hash: H256,
		/// The bond held.
		pub bond: Balance,
		/// Pending or accepted.
		pub status: CommitmentStatus,
		/// Whether the current terms are signed.
		pub signed: bool,
		/// Whether any deliverable was submitted.
		pub delivered: bool,
	}
}

/// The translation, without the version check: use [`MigrateV0ToV1`].
pub struct InnerMigrateV0ToV1<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV0ToV1<T> {
	fn on_runtime_upgrade() -> Weight {
		let fee_now = T::MinimumBond::get();
		let mut count = 0u64;
		Commitments::<T>::translate::<v0::Commitment<BalanceOf<T>>, _>(|_, _, old| {
			count = count.saturating_add(1);
			Some(crate::Commitment {
				share: old.share,
				role_hash: old.role_hash,
				bond: old.bond,
				fee: fee_now.min(old.bond),
				status: old.status,
				signed: old.signed,
				delivered: old.delivered,
			})
		});
		// One read of the parameter, then a read and a write per commitment.
		T::DbWeight::get().reads_writes(count.saturating_add(1), count)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		let old: alloc::vec::Vec<_> = Commitments::<T>::iter_keys()
			.map(|(id, who)| {
				let raw = frame_support::storage::unhashed::get_raw(
					&Commitments::<T>::hashed_key_for(id, &who),
				)
				.unwrap_or_default();
				(id, who, raw)
			})
			.collect();
		let old: alloc::vec::Vec<_> = old
			.into_iter()
			.map(|(id, who, raw)| {
				v0::Commitment::<BalanceOf<T>>::decode(&mut &raw[..])
					.map(|c| (id, who, c))
					.map_err(|_| "a commitment does not decode as version 0")
			})
			.collect::<Result<_, _>>()?;
		Ok(old.encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::ensure;
		type Old<T> = alloc::vec::Vec<(
			crate::MissionId,
			<T as frame_system::Config>::AccountId,
			v0::Commitment<BalanceOf<T>>,
		)>;
		let old = Old::<T>::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
		ensure!(Commitments::<T>::iter().count() == old.len(), "the number of commitments changed");
		for (id, who, was) in old {
			let now = Commitments::<T>::get(id, &who).ok_or("a commitment was lost")?;
			ensure!(
				(now.share, now.role_hash, now.bond, now.status, now.signed, now.delivered)
					== (was.share, was.role_hash, was.bond, was.status, was.signed, was.delivered),
				"a commitment changed"
			);
			ensure!(now.fee <= now.bond, "a fee above its bond");
		}
		Ok(())
	}
}

/// Adds the fee to every commitment, once: runs only on storage version 0
/// and sets version 1.
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
	use crate::mock::{ExtBuilder, MinimumBond, Missions, Test, MIN_BOND};
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	#[test]
	fn commitments_written_by_version_0_get_their_fee_once() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(0).put::<Missions>();
			let old = |bond: u64, status| v0::Commitment {
				share: Perbill::from_percent(10),
				role_hash: H256::repeat_byte(2),
				bond,
				status,
				signed: true,
				delivered: false,
			};
			// Raw version-0 values, as the chain stores them before the upgrade.
			for (who, c) in [
				(2u64, old(50, CommitmentStatus::Pending)),
				(3, old(3, CommitmentStatus::Accepted)),
			] {
				frame_support::storage::unhashed::put_raw(
					&Commitments::<Test>::hashed_key_for(7, who),
					&c.encode(),
				);
			}
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Missions::on_chain_storage_version(), StorageVersion::new(1));
			let two = Commitments::<Test>::get(7, 2).expect("kept");
			assert_eq!((two.bond, two.fee, two.status), (50, MIN_BOND, CommitmentStatus::Pending));
			assert!(two.signed && !two.delivered);
			// A bond below the minimum: the fee never exceeds the bond.
			assert_eq!(Commitments::<Test>::get(7, 3).expect("kept").fee, 3);

			// Once only: a second run (a later vote on the minimum) changes nothing.
			MinimumBond::set(&1);
			MigrateV0ToV1::<Test>::on_runtime_upgrade();
			assert_eq!(Commitments::<Test>::get(7, 2).expect("kept").fee, MIN_BOND);
		});
	}
}
