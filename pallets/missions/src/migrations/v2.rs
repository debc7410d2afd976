//! Version 1 to 2: a mission names the asset it pays in (`Mission::asset`).
//! Every mission posted before is paid in the native currency, and its
//! escrow already is a native hold: only the stored type changes.
//!
//! The weight is one read and one write per live mission. Live missions are
//! bounded by members × `MaxMissionsPerAccount` (100 × 64 in Peer's runtime);
//! the runtime's test `the_missions_migration_fits_a_block` checks that
//! bound against the block's weight.

#[cfg(feature = "try-runtime")]
use crate::BalanceOf;
use crate::{Config, LiveMissions, Pallet};
#[cfg(feature = "try-runtime")]
use codec::{Decode, Encode};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// The mission as version 1 stored it.
pub mod v1 {
	use crate::{
		AccountIdOf, BalanceOf, Config, Milestone, MissionMetadata, MissionOptions, MissionStatus,
	};
	use codec::{Decode, Encode};
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_runtime::Perbill;

	/// A mission without its asset: every field as the current type has it, in order.
	#[derive(Encode, Decode)]
	pub struct Mission<T: Config> {
		pub owner: AccountIdOf<T>,
		pub metadata: MissionMetadata<T>,
		pub milestones: BoundedVec<Milestone<BalanceOf<T>, BlockNumberFor<T>>, T::MaxMilestones>,
		pub deadline: BlockNumberFor<T>,
		pub review_period: BlockNumberFor<T>,
		pub options: MissionOptions<BalanceOf<T>>,
		pub status: MissionStatus,
		pub roster: BoundedVec<(AccountIdOf<T>, Perbill), T::MaxContributors>,
		pub pending: u32,
		pub budget: BalanceOf<T>,
		pub paid: BalanceOf<T>,
		pub refunded: BalanceOf<T>,
		pub owed: BalanceOf<T>,
		pub deposit: BalanceOf<T>,
		pub created: BlockNumberFor<T>,
	}
}

/// The weight of migrating `count` missions: a read and a write each.
pub fn weight_for<T: Config>(count: u64) -> Weight {
	T::DbWeight::get().reads_writes(count, count)
}

/// The translation, without the version check: use [`MigrateV1ToV2`].
pub struct InnerMigrateV1ToV2<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for InnerMigrateV1ToV2<T> {
	fn on_runtime_upgrade() -> Weight {
		let native = T::NativeAsset::get();
		let mut count = 0u64;
		LiveMissions::<T>::translate::<v1::Mission<T>, _>(|_, old| {
			count = count.saturating_add(1);
			Some(crate::Mission {
				owner: old.owner,
				metadata: old.metadata,
				milestones: old.milestones,
				deadline: old.deadline,
				review_period: old.review_period,
				options: old.options,
				status: old.status,
				roster: old.roster,
				pending: old.pending,
				budget: old.budget,
				paid: old.paid,
				refunded: old.refunded,
				owed: old.owed,
				deposit: old.deposit,
				created: old.created,
				asset: native.clone(),
			})
		});
		weight_for::<T>(count)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::Saturating;
		// Each mission's escrow, and what each owner holds as escrow.
		let mut missions = alloc::vec::Vec::new();
		for id in LiveMissions::<T>::iter_keys() {
			let raw =
				frame_support::storage::unhashed::get_raw(&LiveMissions::<T>::hashed_key_for(id))
					.unwrap_or_default();
			let m = v1::Mission::<T>::decode(&mut &raw[..])
				.map_err(|_| "a mission does not decode as version 1")?;
			let escrow =
				m.budget.saturating_sub(m.paid).saturating_sub(m.refunded).saturating_add(m.owed);
			missions.push((id, m.owner, escrow));
		}
		let reason: T::RuntimeHoldReason = crate::HoldReason::MissionEscrow.into();
		let held: alloc::vec::Vec<(T::AccountId, BalanceOf<T>)> = missions
			.iter()
			.map(|(_, owner, _)| (owner.clone(), T::Currency::balance_on_hold(&reason, owner)))
			.collect();
		Ok((missions, held).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::{ensure, traits::fungible::InspectHold};
		type State<T> = (
			alloc::vec::Vec<(
				crate::MissionId,
				<T as frame_system::Config>::AccountId,
				BalanceOf<T>,
			)>,
			alloc::vec::Vec<(<T as frame_system::Config>::AccountId, BalanceOf<T>)>,
		);
		let (missions, held) =
			State::<T>::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
		ensure!(
			LiveMissions::<T>::iter().count() == missions.len(),
			"the number of missions changed"
		);
		let native = T::NativeAsset::get();
		for (id, owner, escrow) in missions {
			let m = LiveMissions::<T>::get(id).ok_or("a mission was lost")?;
			ensure!(m.owner == owner, "a mission changed owner");
			ensure!(m.asset == native, "a mission is not paid in the native currency");
			ensure!(m.escrow_held() == escrow, "a mission's escrow changed");
		}
		let reason: T::RuntimeHoldReason = crate::HoldReason::MissionEscrow.into();
		for (owner, was) in held {
			ensure!(
				T::Currency::balance_on_hold(&reason, &owner) == was,
				"an owner's escrow hold changed"
			);
		}
		Ok(())
	}
}

/// Names the native currency as the asset of every mission, once: runs only
/// on storage version 1 and sets version 2.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	InnerMigrateV1ToV2<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		mock::{ExtBuilder, Missions, Test, NATIVE},
		Milestone, MilestoneStatus, MissionMetadata, MissionStatus,
	};
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	use sp_core::H256;
	use sp_runtime::Perbill;

	fn old(owner: u64, budget: u64, paid: u64) -> v1::Mission<Test> {
		v1::Mission {
			owner,
			metadata: MissionMetadata {
				title: b"old".to_vec().try_into().unwrap(),
				content_hash: H256::repeat_byte(1),
				uri: None,
			},
			milestones: vec![Milestone {
				description_hash: H256::repeat_byte(2),
				amount: budget,
				status: MilestoneStatus::Open,
			}]
			.try_into()
			.unwrap(),
			deadline: 90,
			review_period: 10,
			options: Default::default(),
			status: MissionStatus::Active { terms_hash: H256::repeat_byte(3) },
			roster: vec![(2u64, Perbill::one())].try_into().unwrap(),
			pending: 0,
			budget,
			paid,
			refunded: 0,
			owed: 0,
			deposit: 10,
			created: 1,
		}
	}

	#[test]
	fn missions_written_by_version_1_are_paid_in_the_native_currency() {
		ExtBuilder::default().build().execute_with(|| {
			StorageVersion::new(1).put::<Missions>();
			for (id, m) in [(4u32, old(1, 500, 0)), (9, old(3, 800, 300))] {
				frame_support::storage::unhashed::put_raw(
					&LiveMissions::<Test>::hashed_key_for(id),
					&m.encode(),
				);
			}
			let weight = MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(Missions::on_chain_storage_version(), StorageVersion::new(2));
			assert!(weight.ref_time() >= weight_for::<Test>(2).ref_time());
			let four = LiveMissions::<Test>::get(4).expect("kept");
			assert_eq!((four.owner, four.budget, four.asset), (1, 500, NATIVE));
			let nine = LiveMissions::<Test>::get(9).expect("kept");
			assert_eq!((nine.owner, nine.budget, nine.paid, nine.escrowed()), (3, 800, 300, 500));
			assert_eq!(nine.roster.to_vec(), vec![(2, Perbill::one())]);
			assert_eq!(nine.asset, NATIVE);
			// Once only: a second run changes nothing.
			MigrateV1ToV2::<Test>::on_runtime_upgrade();
			assert_eq!(LiveMissions::<Test>::get(9).expect("kept").asset, NATIVE);
			assert_eq!(LiveMissions::<Test>::iter().count(), 2);
		});
	}
}
