//! `ReputationApi`: an account's reputation, as `api.call.reputationApi.*`.

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_reputation::ReputationView;

sp_api::decl_runtime_apis! {
	/// Read access to reputation.
	pub trait ReputationApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The score of `who` now.
		fn score(who: AccountId) -> u32;
		/// The score and every counter of `who`.
		fn reputation(who: AccountId) -> ReputationView<Balance, BlockNumber>;
	}
}
