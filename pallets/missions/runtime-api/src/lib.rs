//! `MissionsApi`: what polkadot.js reads about missions, as
//! `api.call.missionsApi.*`, with the types described in the metadata.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_missions::{AccountMissions, MissionAction, MissionId, MissionView, PendingAction};

sp_api::decl_runtime_apis! {
	/// Read access to missions. Version 2: a mission names the asset it pays in.
	/// Version 3: `mission_actions`.
	#[api_version(3)]
	pub trait MissionsApi<AccountId, Balance, BlockNumber, AssetKind>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		AssetKind: Codec,
	{
		/// A live mission with its milestones, deliverables and commitments.
		fn mission(id: MissionId) -> Option<MissionView<AccountId, Balance, BlockNumber, AssetKind>>;
		/// The live missions `who` owns or has committed to.
		fn missions_of(who: AccountId) -> AccountMissions;
		/// What awaits `who`: commitments to decide, terms to propose or
		/// sign, milestones to deliver or review.
		fn pending_actions(who: AccountId) -> Vec<PendingAction<AccountId>>;
		/// Every call `who` may make on live mission `id` now, by the pallet's
		/// own checks (each tried and rolled back).
		#[api_version(3)]
		fn mission_actions(who: AccountId, id: MissionId) -> Vec<MissionAction<AccountId>>;
	}
}
