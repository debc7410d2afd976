//! `MissionsApi`: what polkadot.js reads about missions, as
//! `api.call.missionsApi.*`, with the types described in the metadata.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_missions::{AccountMissions, MissionId, MissionView, PendingAction};

sp_api::decl_runtime_apis! {
	/// Read access to missions.
	pub trait MissionsApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A live mission with its milestones, deliverables and commitments.
		fn mission(id: MissionId) -> Option<MissionView<AccountId, Balance, BlockNumber>>;
		/// The live missions `who` owns or has committed to.
		fn missions_of(who: AccountId) -> AccountMissions;
		/// What awaits `who`: commitments to decide, terms to propose or
		/// sign, milestones to deliver or review.
		fn pending_actions(who: AccountId) -> Vec<PendingAction<AccountId>>;
	}
}
