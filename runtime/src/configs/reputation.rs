//! Reputation: counters and a decaying score per account, fed by the
//! missions pallet's settled outcomes (`OnSettled`) and read back by it for a
//! mission's `min_reputation` (`ReputationOf`).

use crate::{Balance, BlockNumber, Consortium, Runtime, DAYS};
use frame_support::parameter_types;

parameter_types! {
	/// Reputation points halve over about a quarter of a year.
	pub const ReputationHalfLife: BlockNumber = 90 * DAYS;
	/// At most 100 points from any one owner's missions (about three
	/// completed two-milestone missions): a score above it needs several. No
	/// owner's missions take more than 100 from an account either.
	pub const MaxPointsPerOwner: u32 = 100;
}

impl pallet_reputation::Config for Runtime {
	type Balance = Balance;
	type HalfLife = ReputationHalfLife;
	type MaxPointsPerOwner = MaxPointsPerOwner;
	// Only members keep a record: outsiders on open missions paid no deposit
	// for one (docs/SECURITY.md).
	type Recorded = Consortium;
}
