//! The glue between the consortium and the pallets that hold a member's
//! engagements: when a member leaves (`consortium.retire` or
//! `consortium.remove_member`), the consortium pallet calls its
//! `Config::OnMemberLeft`, which is [`MemberLeft`] here. It settles the
//! member's missions (`pallet_missions::Pallet::member_left`: commitments to
//! missions not yet started are withdrawn, bonds back; active missions are
//! abandoned, bonds forfeited as `abandon`) and takes it out of the validator
//! set (`pallet_validator_set::Pallet::member_left`, within the set's
//! minimum). The consortium charges `max_weight` on top of `retire` and
//! `remove_member`; `runtime/src/tests/genesis.rs` checks that bound against the
//! benchmarked weights.

use crate::{AccountId, Missions, ValidatorSet};
use frame_support::weights::Weight;

/// When a member leaves, its mission commitments are withdrawn or abandoned,
/// and it leaves the validator set (within the set's minimum).
pub struct MemberLeft;
impl pallet_consortium::OnMemberLeft<AccountId> for MemberLeft {
	fn on_member_left(who: &AccountId) -> Weight {
		Missions::member_left(who).saturating_add(ValidatorSet::member_left(who))
	}
	fn max_weight() -> Weight {
		Missions::member_left_max_weight().saturating_add(ValidatorSet::member_left_weight())
	}
}
