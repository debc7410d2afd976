//! Missions: escrowed rewards, commitments, deliverables and payouts.

use crate::{
	Balance, Balances, BlockNumber, Runtime, RuntimeEvent, RuntimeHoldReason, DAYS, MILLI_UNIT,
	UNIT,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, Everything},
};
use frame_system::EnsureRoot;

parameter_types! {
	/// Held from a mission's owner for its storage while it lives.
	pub const MissionDeposit: Balance = UNIT;
	/// The smallest budget a mission may escrow.
	pub const MinimumBudget: Balance = UNIT;
	/// The smallest bond of any commitment (above the existential deposit).
	pub const MinimumBond: Balance = 10 * MILLI_UNIT;
	/// Furthest deadline: a year.
	pub const MaxDuration: BlockNumber = 365 * DAYS;
	/// After an active mission's deadline the owner has a week to review.
	pub const ReviewPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_missions::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// Until the consortium's member set is on-chain, any account may post.
	type Members = Everything;
	type DisputeOrigin = EnsureRoot<crate::AccountId>;
	type ForceOrigin = EnsureRoot<crate::AccountId>;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type MissionDeposit = MissionDeposit;
	type MinimumBudget = MinimumBudget;
	type MinimumBond = MinimumBond;
	type MaxMilestones = ConstU32<16>;
	type MaxContributors = ConstU32<16>;
	type MaxTitleLen = ConstU32<128>;
	type MaxUriLen = ConstU32<256>;
	type MaxMissionsPerAccount = ConstU32<64>;
	type MaxDuration = MaxDuration;
	type ReviewPeriod = ReviewPeriod;
	type Reputation = ();
	type OnSettled = ();
	type WeightInfo = pallet_missions::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
